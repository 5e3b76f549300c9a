package io.counterdesk.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.counterdesk.security.Operator;
import io.counterdesk.security.Role;
import io.counterdesk.shared.BusinessException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountSearchTest {

    @TempDir
    Path directory;

    private SearchDatabase db;
    private long wang;
    private long li;
    private long shop;
    private long cafe;

    @BeforeEach
    void fourCustomers() {
        db = new SearchDatabase(directory);
        wang = db.insert(SearchDatabase.residential("3300000001", "王建国", "11010519491231002", "13812345678", "M1001",
                new Address("西湖区", "文三路", "幸福小区", "3", "2", "501")));
        li = db.insert(SearchDatabase.icResidential("3300000002", "李建华", "33010619800101123", "0571-87654321", "M1002",
                "C00000002", new Address("上城区", "解放路", "阳光花园", "13", "1", "1501")));
        shop = db.insert(SearchDatabase.business("3300000010", "杭州知味餐饮有限公司", "91330100MA2H12345", "13900001111",
                "M1010", new Address("拱墅区", "莫干山路", "金色家园", "8", "", "101")));
        cafe = db.insert(SearchDatabase.business("3300000011", "百分百%咖啡店", "91330100MA2H54321", "13900002222",
                "501", new Address("滨江区", "江南大道", "星洲花园", "5", "", "203")));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void findsByExactAccountNumber() {
        assertThat(db.ids("3300000001")).containsExactly(wang);
        assertThat(db.ids(" 3300000010 ")).containsExactly(shop);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"13812345678", "138 1234 5678", "138-1234-5678", "+86 138 1234 5678", "１３８１２３４５６７８"})
    void findsAMobileNumberHoweverItIsTyped(String typed) {
        assertThat(db.ids(typed)).containsExactly(wang);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"0571-87654321", "0571 8765 4321", "057187654321", "(0571) 8765-4321"})
    void findsALandlineHoweverItIsTyped(String typed) {
        assertThat(db.ids(typed)).containsExactly(li);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"11010519491231002X", "11010519491231002x", "110105 19491231 002x"})
    void findsAResidentIdWithALowerCaseCheckCharacterOrSpaces(String typed) {
        assertThat(db.ids(typed)).containsExactly(wang);
    }

    @Test
    void findsByCreditCode() {
        assertThat(db.ids(SearchDatabase.creditCode("91330100MA2H12345").toLowerCase())).containsExactly(shop);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"C00000002", "c00000002", " C0000 0002 "})
    void findsByCardSerial(String typed) {
        assertThat(db.ids(typed)).containsExactly(li);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"M1001", "m1001", "M-1001"})
    void findsByMeterNumber(String typed) {
        assertThat(db.ids(typed)).containsExactly(wang);
    }

    @Test
    void findsAccountNumbersByTheirBeginningInAccountNumberOrder() {
        assertThat(db.ids("330000001")).containsExactly(shop, cafe);
        assertThat(db.ids("33000000")).containsExactly(wang, li, shop, cafe);
        assertThat(db.ids("３３００００００１")).containsExactly(shop, cafe);
    }

    @Test
    void findsAnyPartOfANameNotOnlyItsBeginning() {
        assertThat(db.ids("建国")).containsExactly(wang);
        assertThat(db.ids("知味")).containsExactly(shop);
        assertThat(db.ids("餐饮有限")).containsExactly(shop);
        assertThat(db.ids("王建国")).containsExactly(wang);
        assertThat(db.ids("王 建 国")).containsExactly(wang);
    }

    @Test
    void findsAddressFragments() {
        assertThat(db.ids("小区3幢")).containsExactly(wang);
        assertThat(db.ids("501室")).containsExactly(wang, li);
        assertThat(db.ids("3幢")).containsExactly(wang, li);
        assertThat(db.ids("解放路")).containsExactly(li);
        assertThat(db.ids("莫干山")).containsExactly(shop);
        assertThat(db.ids("西湖区文三路幸福小区3幢2单元501室")).containsExactly(wang);
        assertThat(db.ids("幸福小区 3幢 2单元")).containsExactly(wang);
    }

    @Test
    void findsNothingForTextNoAccountHolds() {
        assertThat(db.ids("建军")).isEmpty();
        assertThat(db.ids("小区13幢")).isEmpty();
        assertThat(db.ids("国王")).isEmpty();
    }

    @Test
    void aOneCharacterQueryFindsItAnywhere() {
        assertThat(db.ids("建")).containsExactly(wang, li);
        assertThat(db.ids("国")).containsExactly(wang);
        assertThat(db.ids("室")).containsExactly(wang, li, shop, cafe);
        assertThat(db.ids("咖")).containsExactly(cafe);
    }

    @Test
    void treatsLikeWildcardsAsPlainCharacters() {
        assertThat(db.ids("%")).containsExactly(cafe);
        assertThat(db.ids("百%")).containsExactly(cafe);
        assertThat(db.ids("%咖啡")).containsExactly(cafe);
        assertThat(db.ids("_")).isEmpty();
        assertThat(db.ids("王%")).isEmpty();
        assertThat(db.ids("王_国")).isEmpty();
        assertThat(db.ids("\\")).isEmpty();
    }

    @Test
    void listsExactMatchesBeforePartialOnes() {
        // cafe's meter number is 501; wang and li live in rooms 501 and 1501
        assertThat(db.ids("501")).containsExactly(cafe, wang, li);
    }

    @Test
    void aLongIdentifierMatchedExactlyIsNotAlsoLookedForInAddresses() {
        long elsewhere = db.insert(SearchDatabase.residential("3300000020", "周洁", "33010619850505123", "13700001111",
                "M2020", new Address("西湖区", "文三路", "M1001公寓", "1", "1", "101")));

        assertThat(db.ids("M1001")).as("5 characters: also partial").containsExactly(wang, elsewhere);
        assertThat(db.ids("M1001公寓")).containsExactly(elsewhere);
        db.execute("UPDATE account SET meter_no = 'M10010' WHERE id = " + wang);
        db.execute("UPDATE account SET community = 'M10010公寓', address_text = '西湖区文三路M10010公寓1幢1单元101室' WHERE id = "
                + elsewhere);
        db.database.inTransaction(tx -> {
            db.repository.reindex(tx, elsewhere);
            return null;
        });
        assertThat(db.ids("M10010")).as("6 characters, exact: the meter only").containsExactly(wang);
        assertThat(db.ids("M1001")).as("no exact match: partial").containsExactly(elsewhere);
    }

    @Test
    void listsNoAccountTwice() {
        // exact account number, account-number prefix and (for its digits) nothing else
        assertThat(db.ids("3300000001")).containsExactly(wang);
        List<Long> ids = db.ids("1");
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void returnsAtMostTheLimit() {
        assertThat(db.service.search(db.cashier, "室", 2)).extracting(AccountSummary::id).containsExactly(wang, li);
        assertThat(db.service.search(db.cashier, "33000000", 3)).hasSize(3);
        assertThat(db.service.search(db.cashier, "室", 0)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", " ", "\t \u3000"})
    void findsNothingForAnEmptyQuery(String blank) {
        assertThat(db.ids(blank)).isEmpty();
        assertThat(db.service.search(db.cashier, null)).isEmpty();
    }

    @Test
    void returnsTheSummaryOfEachAccount() {
        AccountSummary summary = db.service.search(db.cashier, "3300000002").get(0);

        assertThat(summary).isEqualTo(new AccountSummary(li, "3300000002", "李建华", "0571-87654321",
                "上城区解放路阳光花园13幢1单元1501室", AccountKind.RESIDENTIAL, MeterKind.IC, AccountStatus.ACTIVE));
    }

    @Test
    void findsTheNewHolderAfterReindexingAndNoLongerTheOldOne() {
        db.execute("UPDATE account SET holder_name = '赵小燕' WHERE id = " + wang);
        assertThat(db.ids("小燕")).as("not yet re-indexed").isEmpty();

        db.database.inTransaction(tx -> {
            db.repository.reindex(tx, wang);
            return null;
        });

        assertThat(db.ids("小燕")).containsExactly(wang);
        assertThat(db.ids("建国")).isEmpty();
        assertThat(db.ids("建")).containsExactly(li);
        assertThat(db.ids("小区3幢")).as("address unchanged").containsExactly(wang);
        List<String> grams = db.database.read(tx -> db.repository.storedGrams(tx, wang));
        assertThat(grams).contains("赵小", "小燕").doesNotContain("建国");
    }

    @Test
    void findsTheNewAddressAfterReindexing() {
        db.execute("UPDATE account SET community = '桂花苑', address_text = '西湖区文三路桂花苑3幢2单元501室' WHERE id = " + wang);

        db.database.inTransaction(tx -> {
            db.repository.reindex(tx, wang);
            return null;
        });

        assertThat(db.ids("桂花苑3幢")).containsExactly(wang);
        assertThat(db.ids("幸福")).isEmpty();
        assertThat(db.ids("建国")).containsExactly(wang);
    }

    @Test
    void storesEveryCharacterAndPairOfNameAndAddress() {
        List<String> grams = db.database.read(tx -> db.repository.storedGrams(tx, shop));

        assertThat(grams).containsAll(SearchGrams.ofStoredText("杭州知味餐饮有限公司"))
                .containsAll(SearchGrams.ofStoredText("拱墅区莫干山路金色家园8幢101室"))
                .doesNotHaveDuplicates()
                .isSorted();
    }

    @Test
    void refusesAnOperatorWithoutTheLookupPermission() {
        Operator inactive = db.login("1007", Role.CASHIER, false);
        db.execute("UPDATE operator SET active = FALSE WHERE staff_no = '1007'");

        assertThatThrownBy(() -> db.service.search(inactive, "3300000001"))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.key()).isEqualTo("security.permission.denied"));
        assertThatThrownBy(() -> db.service.search(null, "王"))
                .isInstanceOf(BusinessException.class);
    }

    @Test
    void refusesAnOperatorWhoMustFirstChangeThePassword() {
        Operator fresh = db.login("1008", Role.CASHIER, true);

        assertThatThrownBy(() -> db.service.search(fresh, "王"))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.key()).isEqualTo("security.password.mustChange"));
    }

    @Test
    void anInsertedAccountIsFindableByEveryRoute() {
        long id = db.insert(SearchDatabase.icResidential("3300123456", "欧阳诗涵", "33010819900305242", "18657112345",
                "M77001", "C77001", new Address("滨江区", "长河路", "闻涛名邸", "21", "3", "1802")));
        String idNumber = SearchDatabase.residentId("33010819900305242");

        for (String route : List.of("3300123456", "3300123", "18657112345", idNumber, "C77001", "M77001",
                "诗涵", "欧阳", "阳诗", "长河路", "闻涛名邸21幢", "3单元1802", "涵", "邸")) {
            assertThat(db.ids(route)).as(route).contains(id);
        }
        assertThat(db.ids("3300123456").get(0)).isEqualTo(id);
    }
}
