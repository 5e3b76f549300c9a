package io.counterdesk.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.persistence.Tx;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bounded search (ADR 0027) against a brute-force scan: a few thousand accounts in a real H2 file,
 * spread over ~3,000 blocks of ids — islands, and a comb of two accounts in each of 300 consecutive blocks
 * (so that every window of blocks and the later windows' intersection of the rarest slices, by key and
 * by range, are used) — and random queries of every kind the bench times — name and address
 * fragments, 1 character, 5–12-character fragments, swapped order, no match, phone tails. A search that
 * did not reach its cap finds exactly what the scan finds (what the search before the cap found, since
 * it was exact); one that did returns the scan's first matches, none skipped, and has checked no more
 * texts than the limit plus the cap allow.
 */
class SearchBoundedAgainstScanTest {

    private static final int ISLANDS = 110;
    private static final int ISLAND = 30;
    /** Blocks of the comb, 2 accounts each (20 islands' worth). */
    private static final long COMB_FROM = 20;
    private static final long COMB_TO = 319;
    private static final int COMB_ACCOUNTS = 600;
    private static final String[] SURNAMES = "王李张刘陈杨黄赵吴周徐孙".split("");
    private static final String[] GIVEN = "建国华芳伟明丽强秀英军敏静".split("");
    private static final String[] DISTRICTS = {"西湖区", "上城区", "拱墅区", "滨江区"};
    private static final String[] STREETS = {"文三路", "解放路", "莫干山路", "文一西路", "古墩路"};
    private static final String[] COMMUNITIES = {"幸福小区", "阳光花园", "金色家园", "翠苑新村", "三墩名邸", "紫荆家园"};
    /** A small cap, which swapped and common-character queries reach among a few thousand accounts. */
    private static final int SMALL_CAP = 20;

    @TempDir
    static Path directory;
    static SearchDatabase db;
    /** Accounts as the table holds them: id, account no., name, address, phone. */
    static final List<Row> ROWS = new ArrayList<>();

    record Row(long id, String accountNo, String name, String address, String phone) {
    }

    @BeforeAll
    static void accountsInIslands() {
        db = new SearchDatabase(directory);
        SplittableRandom random = new SplittableRandom(2026_12_07L);
        // islands of 30 accounts, and a comb of 2 accounts in every block from 20 to 319: there the later windows'
        // candidates lie in consecutive blocks and a further slice is read as one range over their span
        java.util.TreeMap<Long, Integer> blocks = new java.util.TreeMap<>();
        for (long block : List.of(0L, 15L, 16L, 17L, 1_024L, 1_025L, 2_999L)) {
            blocks.put(block, ISLAND);
        }
        while (blocks.size() < ISLANDS - COMB_ACCOUNTS / ISLAND) {
            blocks.put(COMB_TO + 1L + random.nextInt((int) (2_998 - COMB_TO)), ISLAND);
        }
        for (long block = COMB_FROM; block <= COMB_TO; block++) {
            blocks.put(block, (int) (COMB_ACCOUNTS / (COMB_TO - COMB_FROM + 1)));
        }
        long after = 0;
        int n = 0;
        for (Map.Entry<Long, Integer> entry : blocks.entrySet()) {
            long block = entry.getKey();
            List<NewAccount> accounts = new ArrayList<>();
            for (int i = 0; i < entry.getValue(); i++, n++) {
                String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
                        + (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : "");
                Address address = new Address(DISTRICTS[random.nextInt(DISTRICTS.length)], STREETS[random.nextInt(STREETS.length)],
                        COMMUNITIES[random.nextInt(COMMUNITIES.length)], Integer.toString(1 + random.nextInt(25)),
                        random.nextInt(8) == 0 ? "" : Integer.toString(1 + random.nextInt(4)),
                        (1 + random.nextInt(18)) + "0" + (1 + random.nextInt(4)));
                // phones from few tails, so that a tail finds several accounts
                String phone = "13" + (5 + random.nextInt(5)) + String.format("%04d", random.nextInt(10_000))
                        + String.format("%04d", random.nextInt(300));
                accounts.add(SearchDatabase.residential(String.format("56%08d", n), name,
                        String.format("33010619800101%03d", n % 1_000), phone, "N" + n, address));
            }
            long start = Math.max(after + 1, BlockMembers.accountId(block, random.nextInt(BlockMembers.SIZE - ISLAND)));
            db.execute("ALTER TABLE account ALTER COLUMN id RESTART WITH " + start);
            List<Long> ids = db.insertAll(accounts);
            for (int i = 0; i < ids.size(); i++) {
                NewAccount a = accounts.get(i);
                ROWS.add(new Row(ids.get(i), a.accountNo(), a.holder().name(), a.address().text(), a.holder().phone()));
            }
            after = ids.get(ids.size() - 1);
        }
        assertThat(ROWS).hasSize(ISLANDS * ISLAND);
        assertThat(BlockMembers.block(ROWS.get(ROWS.size() - 1).id())).isEqualTo(2_999L);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void uncappedFindsWhatTheScanFindsAndCappedGivesTheScansFirstMatches() {
        AccountRepository normal = new AccountRepository();
        AccountRepository small = new AccountRepository(SMALL_CAP);
        SplittableRandom random = new SplittableRandom(15_3L);
        int cappedWithSmall = 0;
        int queries = 0;
        for (Kind kind : Kind.values()) {
            for (int n = 0; n < 60; n++) {
                String query = kind.query(random, ROWS.get(random.nextInt(ROWS.size())));
                for (int limit : new int[] {1, 50, ROWS.size()}) {
                    AccountRepository.TextPage page = check(normal, SearchIndexRepository.REJECTED_CAP, query, limit);
                    assertThat(page.capped()).as("'%s' (%s) limit %d reached the normal cap among %d accounts", query, kind,
                            limit, ROWS.size()).isFalse();
                    if (check(small, SMALL_CAP, query, limit).capped()) {
                        cappedWithSmall++;
                    }
                    queries++;
                }
            }
        }
        assertThat(cappedWithSmall).as("queries that reached the small cap, of %d", queries).isGreaterThan(50);
    }

    @Test
    void phoneTailsThroughTheServiceFindEveryAccountWithThatTail() {
        SplittableRandom random = new SplittableRandom(4_4L);
        for (int n = 0; n < 60; n++) {
            Row row = ROWS.get(random.nextInt(ROWS.size()));
            String tail = row.phone().substring(row.phone().length() - 4 - random.nextInt(3));
            AccountService.SearchResult result = db.service.searchPage(db.cashier, tail, ROWS.size());
            Set<Long> expected = new LinkedHashSet<>();
            ROWS.stream().filter(r -> r.accountNo().startsWith(tail)).forEach(r -> expected.add(r.id()));
            ROWS.stream().filter(r -> r.phone().endsWith(tail)).forEach(r -> expected.add(r.id()));
            ROWS.stream().filter(r -> contains(r, tail)).forEach(r -> expected.add(r.id()));
            assertThat(result.capped()).isFalse();
            assertThat(result.accounts()).extracting(AccountSummary::id).as("tail %s", tail).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(result.accounts()).extracting(AccountSummary::id).contains(row.id());
        }
    }

    /**
     * A swapped query whose three-character slices all exist ("2单元14幢": 2单元, 单元1, 元14, 14幢) but whose
     * four-character slice 元14幢 no account holds ends at the set of four-character slices (ADR 0030): the
     * trigram numbers and that set read, no block of the index, no text — and the scan finds nothing either.
     */
    @Test
    void swappedOrderEndsAtTheFourCharacterSlicesWithoutReadingABlock() {
        java.util.regex.Pattern parts = java.util.regex.Pattern.compile("(\\d{2})幢(\\d+)单元");
        int ended = 0;
        for (Row row : ROWS) {
            java.util.regex.Matcher m = parts.matcher(row.address());
            if (!m.find() || ended == 40) {
                continue;
            }
            String query = m.group(2) + "单元" + m.group(1) + "幢";
            String q = SearchGrams.normalise(query);
            assertThat(ROWS.stream().filter(r -> contains(r, q)).toList()).as("the scan for %s", query).isEmpty();
            Map<String, Long> numbered = db.database.read((Tx tx) ->
                    SearchIndexRepository.trigramIds(tx.handle(), SearchGrams.slicesOfQuery(q), false));
            if (numbered.size() < 4) {
                continue; // a trigram no account holds ends it already ("元25" where no room starts with 25)
            }
            AccountRepository.TextPage page = db.database.read((Tx tx) -> new AccountRepository().findByTextPage(tx, query, 50));
            SearchWork work = SearchWork.last();
            assertThat(page.accounts()).as(query).isEmpty();
            assertThat(page.capped()).isFalse();
            assertThat(work.indexRows()).as("%s: index rows read (%s)", query, work).isZero();
            assertThat(work.textsChecked()).as("%s: texts checked", query).isZero();
            ended++;
        }
        assertThat(ended).isEqualTo(40);
    }

    /**
     * Names and addresses changed after the accounts were indexed (a transfer re-indexes the account): their
     * new four-character slices are added to the set, so a query of four or more characters of the new text
     * finds exactly what the scan finds; the old slices stay in the set (it may hold more than the accounts,
     * never less) and a query of the old text finds what the scan finds — the accounts that still hold it.
     */
    @Test
    void reindexedTextsAreFoundByTheirNewFourCharacterSlices() {
        SplittableRandom random = new SplittableRandom(30_37L);
        String[] newNames = {"欧阳𠮷祥", "司马嘉懿", "上官𠮷瑞", "诸葛明远"};
        String[] newCommunities = {"鸿福嘉苑", "云栖𠮷园", "钱塘望府"};
        List<String> queries = new ArrayList<>();
        for (int n = 0; n < 30; n++) {
            int index = random.nextInt(ROWS.size());
            Row row = ROWS.get(index);
            String name = newNames[random.nextInt(newNames.length)] + GIVEN[random.nextInt(GIVEN.length)];
            Address address = new Address("余杭区", "文一西路", newCommunities[random.nextInt(newCommunities.length)],
                    Integer.toString(10 + random.nextInt(20)), Integer.toString(1 + random.nextInt(4)), "1" + random.nextInt(10) + "01");
            db.execute("UPDATE account SET holder_name = '" + name + "', district = '" + address.district() + "', street = '"
                    + address.street() + "', community = '" + address.community() + "', building = '" + address.building()
                    + "', unit = '" + address.unit() + "', room = '" + address.room() + "', address_text = '" + address.text()
                    + "' WHERE id = " + row.id());
            db.database.inTransaction(tx -> {
                db.repository.reindex(tx, row.id());
                return null;
            });
            ROWS.set(index, new Row(row.id(), row.accountNo(), name, address.text(), row.phone()));
            queries.add(name);
            queries.add(fragment(random, name, 4, 5));
            queries.add(fragment(random, address.text(), 4, 12));
            queries.add(address.community());
            queries.add(fragment(random, row.address(), 4, 8)); // the old text
        }
        AccountRepository normal = new AccountRepository();
        for (String query : queries) {
            for (int limit : new int[] {1, 50, ROWS.size()}) {
                check(normal, SearchIndexRepository.REJECTED_CAP, query, limit);
            }
        }
        assertThat(db.database.read((Tx tx) -> normal.findByText(tx, "司马嘉懿", ROWS.size())).size()
                + db.database.read((Tx tx) -> normal.findByText(tx, "云栖𠮷园", ROWS.size())).size()).isPositive();
    }

    /**
     * The search against the scan: uncapped, the same ids in the same order; capped, the scan's first
     * matches (none skipped before the last one returned) and no more texts checked than allowed.
     */
    private static AccountRepository.TextPage check(AccountRepository repository, int cap, String query, int limit) {
        String q = SearchGrams.normalise(query);
        List<Long> scanned = ROWS.stream().filter(r -> contains(r, q)).map(Row::id).sorted().toList();
        List<Long> expected = scanned.subList(0, Math.min(limit, scanned.size()));
        AccountRepository.TextPage page = db.database.read((Tx tx) -> repository.findByTextPage(tx, query, limit));
        SearchWork work = SearchWork.last();
        List<Long> found = page.accounts().stream().map(AccountSummary::id).toList();
        if (page.capped()) {
            assertThat(found).as("'%s' limit %d, capped: the scan's first matches", query, limit)
                    .isEqualTo(scanned.subList(0, found.size()));
            assertThat(found.size()).isLessThan(limit);
        } else {
            assertThat(found).as("'%s' limit %d", query, limit).isEqualTo(expected);
        }
        // bounded whatever the query: the texts of the matches, at most the cap's rejected candidates (and the one that
        // hit it), and what the last batch fetched after the limit was reached
        assertThat(work.textsChecked()).as("'%s' limit %d: texts checked", query, limit)
                .isLessThanOrEqualTo(found.size() + cap + 1 + SearchIndexRepository.CHECK_BATCH);
        return page;
    }

    private static boolean contains(Row row, String normalisedQuery) {
        return SearchGrams.normalise(row.name()).contains(normalisedQuery) || SearchGrams.normalise(row.address()).contains(normalisedQuery);
    }

    /** The query kinds of the bench (issue 15 §3). */
    enum Kind {
        NAME, ADDRESS, LONG_ADDRESS, ONE_CHARACTER, SWAPPED, NO_MATCH, PHONE_TAIL_AS_TEXT;

        String query(SplittableRandom random, Row row) {
            return switch (this) {
                case NAME -> fragment(random, row.name(), 2, 4);
                case ADDRESS -> fragment(random, row.address(), 2, 4);
                case LONG_ADDRESS -> fragment(random, row.address(), 5, 12);
                case ONE_CHARACTER -> fragment(random, random.nextBoolean() ? row.name() : row.address(), 1, 1);
                case SWAPPED -> swapped(random, row.address());
                case NO_MATCH -> random.nextInt(3) == 0 ? List.of("元1单", "幢1室", "单元幢", "室1幢", "元幢1", "1室单元").get(random.nextInt(6))
                        : shuffled(random, row.address());
                case PHONE_TAIL_AS_TEXT -> row.phone().substring(row.phone().length() - 4 - random.nextInt(3));
            };
        }
    }

    private static String fragment(SplittableRandom random, String source, int shortest, int longest) {
        int length = Math.min(source.length(), shortest + random.nextInt(longest - shortest + 1));
        int at = random.nextInt(source.length() - length + 1);
        return source.substring(at, at + length);
    }

    /** The address's building and unit (or room) in the other order: "2单元14幢", "501室3幢"; or a fragment's halves swapped. */
    private static String swapped(SplittableRandom random, String address) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)幢(?:(\\d+)单元)?(\\d+)室").matcher(address);
        if (random.nextInt(3) > 0 && m.find()) {
            return m.group(2) != null && random.nextBoolean() ? m.group(2) + "单元" + m.group(1) + "幢"
                    : m.group(3) + "室" + m.group(1) + "幢";
        }
        String fragment = fragment(random, address, 4, 8);
        int half = fragment.length() / 2;
        return fragment.substring(half) + fragment.substring(0, half);
    }

    /** 3–4 characters of the address's building, unit and room part, in a shuffled order. */
    private static String shuffled(SplittableRandom random, String address) {
        String tail = address.substring(Math.max(0, address.length() - 9));
        StringBuilder out = new StringBuilder();
        for (int i = 0, n = 3 + random.nextInt(2); i < n; i++) {
            out.append(tail.charAt(random.nextInt(tail.length())));
        }
        return out.toString();
    }
}
