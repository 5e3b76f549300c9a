package io.counterdesk.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a cashier gets from the search box (issue 15 §3, ADR 0020): fragments of common characters in
 * an order no account holds find nothing, swapped fragments find nothing while the right order finds,
 * the tail of a phone number (手机尾号) finds its account, and the order of the results stays exact
 * matches, account-number prefixes, phone tails, then names and addresses. Timing is the bench's
 * business (docs/benchmarks.md), not this test's.
 */
class SearchSemanticsTest {

    @TempDir
    Path directory;

    private SearchDatabase db;
    private long wang;
    private long li;
    private long zhao;
    private long sun;
    private long zhou;
    private final List<Long> block = new ArrayList<>();

    @BeforeEach
    void aStreetOfCustomers() {
        db = new SearchDatabase(directory);
        wang = db.insert(SearchDatabase.residential("3300000001", "王建国", "11010519491231002", "13812345678", "M1",
                new Address("西湖区", "文三路", "幸福小区", "1", "2", "101")));
        li = db.insert(SearchDatabase.residential("3300000002", "李秀英", "33010619800101123", "0571-87655678", "M2",
                new Address("西湖区", "文三路", "幸福小区", "2", "1", "1102")));
        zhao = db.insert(SearchDatabase.residential("3300000003", "赵小燕", "33010619800101124", "13900005678", "M3",
                new Address("上城区", "解放路", "阳光花园", "12", "3", "501")));
        sun = db.insert(SearchDatabase.residential("3300005678", "孙丽", "33010619800101125", "18600001111", "M4",
                new Address("拱墅区", "莫干山路", "和睦新村", "7", "2", "1801")));
        zhou = db.insert(SearchDatabase.residential("3300000004", "周涛", "33010619800101126", "18800001102", "M5",
                new Address("滨江区", "江南大道", "星洲花园", "5", "1", "203")));
        // a block of neighbours whose addresses hold every common character and pair of the queries below
        List<NewAccount> neighbours = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            neighbours.add(SearchDatabase.residential(String.format("34%08d", i), "钱" + "伟芳娜敏".charAt(i % 4),
                    String.format("33010619800101%03d", i), String.format("137%08d", 10_000 + i), "N" + i,
                    new Address("西湖区", "文三路", "幸福小区", Integer.toString(1 + i % 3), Integer.toString(1 + i % 4),
                            (1 + i % 9) + "0" + (1 + i % 4))));
        }
        block.addAll(db.insertAll(neighbours));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"元1单", "幢1室", "单元幢", "1室幢", "区幸福路", "小区文三路"})
    void aFragmentOfCommonCharactersThatNoAccountHoldsFindsNothing(String fragment) {
        for (String character : fragment.split("")) {
            assertThat(db.ids(character)).as("'%s' alone is common", character).isNotEmpty();
        }
        assertThat(db.ids(fragment)).isEmpty();
    }

    @Test
    void charactersInAnotherOrderFindNothingWhereTheRightOrderFinds() {
        assertThat(db.ids("1幢2单元")).contains(wang).doesNotContain(li);
        assertThat(db.ids("2单元1幢")).isEmpty();
        assertThat(db.ids("2幢1单元")).contains(li).doesNotContain(wang);
        assertThat(db.ids("1单元2幢")).isEmpty();
        assertThat(db.ids("建国王")).isEmpty();
        assertThat(db.ids("王建国")).containsExactly(wang);
    }

    @Test
    void aFragmentAcrossTheFieldsOfAnAddressIsFound() {
        assertThat(db.ids("幸福小区1幢2单元101")).contains(wang);
        assertThat(db.ids("路阳光")).containsExactly(zhao);
        assertThat(db.ids("12幢3单元501室")).containsExactly(zhao);
        assertThat(db.ids("单元501")).contains(zhao);
        assertThat(db.ids("莫干山路和睦")).containsExactly(sun);
    }

    @Test
    void theLastFourDigitsOfAPhoneFindItsAccounts() {
        // 13812345678 (王), 0571-87655678 (李, a landline), 13900005678 (赵); 孙's account number ends in 5678
        assertThat(db.ids("5678")).containsExactly(wang, li, zhao);
    }

    @Test
    void moreDigitsOfThePhoneTailNarrowIt() {
        assertThat(db.ids("45678")).containsExactly(wang);
        assertThat(db.ids("345678")).containsExactly(wang);
        assertThat(db.ids("87655678")).containsExactly(li);
        assertThat(db.ids("00005678")).containsExactly(zhao);
        assertThat(db.ids("１１１１")).as("full-width digits from a Chinese input method").containsExactly(sun);
    }

    @Test
    void digitsInTheMiddleOfAPhoneAreNotItsTail() {
        assertThat(db.ids("1234")).isEmpty();
        assertThat(db.ids("8765")).isEmpty();
        assertThat(db.ids("95678")).isEmpty();
    }

    @Test
    void threeDigitsAreARoomNotAPhoneTail() {
        assertThat(db.ids("678")).isEmpty();
        assertThat(db.ids("501")).contains(zhao);
    }

    @Test
    void anAccountNumberPrefixComesBeforePhoneTailsAndTailsBeforeAddresses() {
        // "3300005" is the start of 孙's account number; "1102" is 李's room and the tail of 周's phone
        assertThat(db.ids("3300005")).startsWith(sun);
        assertThat(db.ids("1102")).containsExactly(zhou, li);
        long tenThousand = block.get(0);                    // phone 13700010000: its tail 0000
        assertThat(db.ids("10000")).containsExactly(tenThousand);
        assertThat(db.ids("3300005678")).as("the whole account number: exactly one").containsExactly(sun);
    }

    @Test
    void aPhoneTailIsKeptInStepWithTheHoldersPhone() {
        db.execute("UPDATE account SET holder_phone = '13999990000' WHERE id = " + wang);

        assertThat(db.ids("45678")).isEmpty();
        assertThat(db.ids("9990000")).containsExactly(wang);
    }

    @Test
    void aPhoneTailIsAnsweredFromTheIndexThatHoldsTheWholeResult() {
        // issue 15 §3: H2 picks the index of V33, which holds every column of the result in tail order, so a
        // tail held by a hundred accounts does not read a hundred pages of the account table
        String plan = db.database.jdbi().withHandle(h -> h.createQuery("EXPLAIN SELECT a.id, a.account_no, a.holder_name, "
                        + "a.holder_phone, a.address_text, a.kind, a.meter_kind, a.status FROM account a "
                        + "WHERE a.phone_tail = '5678' AND RIGHT(a.holder_phone, 5) = '45678' ORDER BY a.account_no LIMIT 50")
                .mapTo(String.class).one());
        assertThat(plan).containsIgnoringCase("ACCOUNT_PHONE_TAIL_SUMMARY");
        assertThat(db.ids("45678")).containsExactly(wang);
    }

    @Test
    void partialResultsComeInAccountOrderUpToTheLimit() {
        List<Long> found = db.service.search(db.cashier, "幸福小区", 10).stream().map(AccountSummary::id).toList();
        assertThat(found).hasSize(10).isSorted().startsWith(wang, li);
    }
}
