package io.counterdesk.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The partial search against a brute-force scan of the same accounts: over several blocks of
 * account ids (both stored forms of a block's members), before and after re-indexing. The accounts
 * lie in dense blocks at the start and in islands up to block 2,000 (ids restarted between them), so
 * that the search's windows of blocks (16, 64, 256, the rest) all hold some; a community found only in
 * late islands makes the first window's order of the slices wrong for the others.
 */
class SearchIndexConsistencyTest {

    private static final int ACCOUNTS = 2_300;
    private static final String[] SURNAMES = "王李张刘陈杨黄赵吴周欧阳".split("");
    private static final String[] GIVEN = "建国华芳伟明丽强秀英军".split("");
    private static final String[] DISTRICTS = {"西湖区", "上城区", "拱墅区"};
    private static final String[] STREETS = {"文三路", "解放路", "莫干山路", "文一西路"};
    private static final String[] COMMUNITIES = {"幸福小区", "阳光花园", "金色家园", "翠苑新村", "三墩名邸"};
    /** Accounts inserted at the start (dense blocks); the rest in islands of {@value #ISLAND}. */
    private static final int DENSE = 1_100;
    private static final int ISLAND = 40;
    /** Only in the islands after the first window. */
    private static final String LATE_COMMUNITY = "晚到小区";

    @TempDir
    Path directory;

    private SearchDatabase db;
    private final SplittableRandom random = new SplittableRandom(20_250_310L);
    /** account id → [name, address text], as the accounts table holds them. */
    private final Map<Long, String[]> texts = new LinkedHashMap<>();

    @BeforeEach
    void manyAccounts() {
        db = new SearchDatabase(directory);
        List<NewAccount> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            accounts.add(SearchDatabase.residential(String.format("34%08d", i), name(),
                    String.format("33010619800101%03d", i % 1_000), String.format("139%08d", i), "M" + i,
                    address(i >= DENSE + 3 * ISLAND)));
        }
        List<Long> ids = new ArrayList<>(db.insertAll(accounts.subList(0, DENSE)));
        // islands on both sides of every window's edge (blocks 0–15, 16–79, 80–335, 336–), the rest anywhere up to 2,000
        java.util.TreeSet<Long> islands = new java.util.TreeSet<>(List.of(15L, 16L, 79L, 80L, 335L, 336L, 1_023L, 1_024L, 2_000L));
        while (islands.size() < (ACCOUNTS - DENSE) / ISLAND) {
            islands.add(3L + random.nextInt(2_000));
        }
        int from = DENSE;
        for (long block : islands) {
            long after = ids.get(ids.size() - 1);
            // mostly inside the block, sometimes at its very start
            long start = Math.max(after + 1, BlockMembers.accountId(block, random.nextInt(3) == 0 ? 0 : random.nextInt(BlockMembers.SIZE - ISLAND)));
            db.execute("ALTER TABLE account ALTER COLUMN id RESTART WITH " + start);
            ids.addAll(db.insertAll(accounts.subList(from, from + ISLAND)));
            from += ISLAND;
        }
        for (int i = 0; i < ids.size(); i++) {
            texts.put(ids.get(i), new String[] {accounts.get(i).holder().name(), accounts.get(i).address().text()});
        }
        assertThat(ids).hasSize(ACCOUNTS);
        assertThat(BlockMembers.block(ids.get(ids.size() - 1))).as("spans every window of blocks").isGreaterThanOrEqualTo(2_000);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void findsExactlyWhatAScanFinds() {
        for (String query : queries()) {
            assertSameAsScan(query);
        }
    }

    @Test
    void findsExactlyWhatAScanFindsAfterReindexing() {
        List<Long> ids = new ArrayList<>(texts.keySet());
        for (int n = 0; n < 40; n++) {
            long id = ids.get(random.nextInt(ids.size()));
            String name = name();
            String community = COMMUNITIES[random.nextInt(COMMUNITIES.length)];
            String[] old = texts.get(id);
            String address = old[1].replaceFirst("(幸福小区|阳光花园|金色家园|翠苑新村|三墩名邸|晚到小区)", community);
            db.execute("UPDATE account SET holder_name = '" + name + "', community = '" + community + "', address_text = '"
                    + address + "' WHERE id = " + id);
            db.database.inTransaction(tx -> {
                db.repository.reindex(tx, id);
                return null;
            });
            texts.put(id, new String[] {name, address});
        }
        for (String query : queries()) {
            assertSameAsScan(query);
        }
    }

    private List<String> queries() {
        List<Long> ids = new ArrayList<>(texts.keySet());
        List<String> queries = new ArrayList<>(List.of("小区", "单元", "1", "室", "幢1", "王建", "欧阳", "国华", "1单元10",
                "幢2单元3", "路幸福", "3幢", "区文", "不存在", "建国建国",
                // common characters in an order no account holds, and swapped fragments (issue 15 §3)
                "元1单", "幢1室", "2单元1幢", "单元幢", "1幢1单元101", "室101", "区西湖",
                // a community only in late blocks, alone and with a building and unit
                "晚到小区", "晚到小区1幢", "到小区2幢3单元", "小区1幢1单元1"));
        for (int n = 0; n < 80; n++) {
            String[] both = texts.get(ids.get(random.nextInt(ids.size())));
            String source = both[random.nextInt(2)];
            int length = 1 + random.nextInt(Math.min(6, source.length()));
            int at = random.nextInt(source.length() - length + 1);
            queries.add(source.substring(at, at + length));
            // the same fragment's two halves swapped: mostly found nowhere, made of common characters
            String fragment = source.substring(at, at + length);
            int half = fragment.length() / 2;
            queries.add(fragment.substring(half) + fragment.substring(0, half));
        }
        return queries;
    }

    private void assertSameAsScan(String query) {
        String q = SearchGrams.normalise(query);
        List<Long> scanned = texts.entrySet().stream()
                .filter(e -> SearchGrams.normalise(e.getValue()[0]).contains(q) || SearchGrams.normalise(e.getValue()[1]).contains(q))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        for (int limit : new int[] {1, 50, ACCOUNTS}) {
            List<Long> found = db.database.read(tx -> db.repository.findByText(tx, query, limit)).stream()
                    .map(AccountSummary::id).toList();
            assertThat(found).as("'%s' limit %d", query, limit).isEqualTo(scanned.subList(0, Math.min(limit, scanned.size())));
        }
    }

    private String name() {
        return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
                + (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : "");
    }

    private Address address(boolean late) {
        String community = late && random.nextInt(6) == 0 ? LATE_COMMUNITY : COMMUNITIES[random.nextInt(COMMUNITIES.length)];
        return new Address(DISTRICTS[random.nextInt(DISTRICTS.length)], STREETS[random.nextInt(STREETS.length)],
                community, Integer.toString(1 + random.nextInt(30)),
                Integer.toString(1 + random.nextInt(4)), (1 + random.nextInt(18)) + "0" + (1 + random.nextInt(4)));
    }
}
