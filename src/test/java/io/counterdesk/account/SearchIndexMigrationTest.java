package io.counterdesk.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.DatabaseLocation;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database made before the three-character index and the phone tail (schema V30) is upgraded by
 * opening it (V31, V32): its accounts are found by every query of three or more characters exactly as
 * a scan finds them, by their phone tails, and accounts added afterwards share the numbered trigrams.
 */
class SearchIndexMigrationTest {

    private static final int ACCOUNTS = 1_500;
    private static final String[] COMMUNITIES = {"幸福小区", "阳光花园", "金色家园", "翠苑新村"};

    @TempDir
    Path directory;

    @Test
    void openingAnOlderDatabaseBuildsTheIndexForItsAccounts() throws Exception {
        DatabaseLocation location = new DatabaseLocation(directory, "old");
        Map<Long, String[]> texts = legacyDatabase(location);

        try (Database database = Database.open(location, SearchDatabase.CLOCK)) {
            AccountRepository repository = new AccountRepository();
            SplittableRandom random = new SplittableRandom(31);
            List<Long> ids = new ArrayList<>(texts.keySet());
            List<String> queries = new ArrayList<>(List.of("幸福小区", "1幢2单元", "2单元1幢", "元1单", "区文三路", "王建国"));
            for (int n = 0; n < 60; n++) {
                String source = texts.get(ids.get(random.nextInt(ids.size())))[random.nextInt(2)];
                int length = Math.min(source.length(), 3 + random.nextInt(5));
                int at = random.nextInt(source.length() - length + 1);
                queries.add(source.substring(at, at + length));
            }
            for (String query : queries) {
                List<Long> scanned = texts.entrySet().stream()
                        .filter(e -> e.getValue()[0].contains(query) || e.getValue()[1].contains(query))
                        .map(Map.Entry::getKey).sorted().toList();
                List<Long> found = database.read(tx -> repository.findByText(tx, query, ACCOUNTS)).stream()
                        .map(AccountSummary::id).toList();
                assertThat(found).as(query).isEqualTo(scanned);
            }
            long first = ids.get(0);
            // the legacy fixture wrote no search_gram rows (those are not the migration's): only its trigrams are stored
            Set<String> expected = new TreeSet<>(SearchGrams.trigramsOfStoredText(texts.get(first)[0]));
            expected.addAll(SearchGrams.trigramsOfStoredText(texts.get(first)[1]));
            List<String> stored = database.read(tx -> repository.storedGrams(tx, first));
            assertThat(stored).containsExactlyElementsOf(expected);

            // the phone tail of an account from before V31
            List<AccountSummary> tail = database.read(tx -> repository.findByPhoneTail(tx, "0007", 50));
            assertThat(tail).extracting(AccountSummary::id).containsExactly(ids.get(7));

            // an account added after the upgrade reuses the trigrams' numbers and is found beside the old ones
            long added = database.inTransaction(tx -> repository.insert(tx, SearchDatabase.residential("3500000001", "王建国",
                    "33010619800101001", "13600000001", "MX1", new Address("西湖区", "文三路", "幸福小区", "1", "2", "101"))));
            List<Long> wang = database.read(tx -> repository.findByText(tx, "王建国", ACCOUNTS)).stream()
                    .map(AccountSummary::id).toList();
            assertThat(wang).contains(added).hasSize(texts.values().stream().filter(t -> t[0].contains("王建国")).toList().size() + 1);
        }
    }

    /** Accounts as the program before V31 left them: the account rows and their search texts (V30). */
    private Map<Long, String[]> legacyDatabase(DatabaseLocation location) throws Exception {
        JdbcDataSource legacy = new JdbcDataSource();
        legacy.setURL(location.jdbcUrl());
        legacy.setUser("counterdesk");
        legacy.setPassword("");
        Flyway.configure().dataSource(legacy).locations("classpath:db/migration").target("30").load().migrate();
        Map<Long, String[]> texts = new LinkedHashMap<>();
        SplittableRandom random = new SplittableRandom(30);
        String given = "伟芳娜敏静丽强磊军建国";
        try (Connection c = legacy.getConnection();
             PreparedStatement account = c.prepareStatement("""
                     INSERT INTO account(id, account_no, kind, meter_kind, meter_no, district, street, community, building,
                         unit, room, address_text, holder_name, holder_id_type, holder_id_number, holder_phone, status, opened_on)
                     VALUES (?, ?, 'RESIDENTIAL', 'ORDINARY', ?, '西湖区', '文三路', ?, ?, ?, ?, ?, ?, 'RESIDENT_ID', ?, ?,
                         'ACTIVE', DATE '2020-01-01')""");
             PreparedStatement text = c.prepareStatement("INSERT INTO search_text(account_id, name_text, address_text) VALUES (?, ?, ?)")) {
            for (int i = 0; i < ACCOUNTS; i++) {
                long id = i + 1;
                String name = "王李张".charAt(random.nextInt(3)) + "" + given.charAt(random.nextInt(given.length()))
                        + given.charAt(random.nextInt(given.length()));
                String community = COMMUNITIES[random.nextInt(COMMUNITIES.length)];
                String building = Integer.toString(1 + random.nextInt(20));
                String unit = Integer.toString(1 + random.nextInt(4));
                String room = (1 + random.nextInt(18)) + "0" + (1 + random.nextInt(4));
                String address = new Address("西湖区", "文三路", community, building, unit, room).text();
                account.setLong(1, id);
                account.setString(2, String.format("36%08d", i));
                account.setString(3, "MM" + i);
                account.setString(4, community);
                account.setString(5, building);
                account.setString(6, unit);
                account.setString(7, room);
                account.setString(8, address);
                account.setString(9, name);
                account.setString(10, SearchDatabase.residentId(String.format("33010619800101%03d", i % 1000)));
                account.setString(11, String.format("135%08d", i));
                account.addBatch();
                text.setLong(1, id);
                text.setString(2, SearchGrams.normalise(name));
                text.setString(3, SearchGrams.normalise(address));
                text.addBatch();
                texts.put(id, new String[] {name, address});
            }
            account.executeBatch();
            text.executeBatch();
            c.createStatement().execute("ALTER TABLE account ALTER COLUMN id RESTART WITH " + (ACCOUNTS + 1));
        }
        return texts;
    }
}
