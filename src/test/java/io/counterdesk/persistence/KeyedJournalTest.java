package io.counterdesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal keyed by the terminal's key store, and a database from before the key store brought
 * under it (issue 13 §2, ADR 0012).
 */
class KeyedJournalTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    @TempDir
    Path legacyDir;

    private void appendSome(int count) {
        for (int i = 0; i < count; i++) {
            int n = i;
            db.database().inTransaction(tx -> db.journal().append(tx, "1001", "TEST_EVENT", "account:" + n,
                    Map.of("amountFen", 100L * n)));
        }
    }

    /** What someone with the database file (or folder) but not the key can do: edit an event and re-hash the chain after it. */
    private static void editAndRehash(Handle h, long fromSeq, String newPayload) {
        h.execute("DROP TRIGGER journal_append_only");
        List<JournalEvent> events = Journal.read(h, 1, Long.MAX_VALUE);
        String prev = Journal.GENESIS_HASH;
        for (JournalEvent e : events) {
            String payload = e.seq() == fromSeq ? newPayload : e.payload();
            String hash = Journal.hash(prev, e.seq(), e.occurredAt(), e.terminalCode(), e.staffNo(), e.type(), e.subject(),
                    payload);
            h.createUpdate("UPDATE journal SET payload = :p, prev_hash = :prev, hash = :h WHERE seq = :s")
                    .bind("p", payload).bind("prev", prev).bind("h", hash).bind("s", e.seq()).execute();
            prev = hash;
        }
        h.createUpdate("UPDATE journal_head SET last_hash = :h WHERE id = 1").bind("h", prev).execute();
    }

    @Test
    void everyEventCarriesItsMacAndTheChainVerifies() {
        appendSome(3);

        assertThat(db.verifyChain().isIntact()).isTrue();
        long withoutMac = db.database().read(tx -> tx.handle()
                .createQuery("SELECT COUNT(*) FROM journal WHERE mac IS NULL").mapTo(Long.class).one());
        assertThat(withoutMac).isZero();
    }

    @Test
    void anEditedEventWithTheChainRehashedFailsVerify() {
        appendSome(5);
        db.database().jdbi().useHandle(h -> editAndRehash(h, 3, "{\"amountFen\":1}"));
        // the SHA-256 chain alone is whole again: that is what the MAC is for
        assertThat(db.database().jdbi().withHandle(Journal::verify).isIntact()).isTrue();

        ChainReport report = db.verifyChain();

        assertThat(report.isIntact()).isFalse();
        assertThat(report.firstBrokenSeq()).hasValue(3);
        assertThat(report.problem()).contains("MAC");
    }

    @Test
    void aMacRemovedOrTheMacStartMovedFailsVerify() {
        appendSome(4);
        db.database().jdbi().useHandle(h -> {
            h.execute("DROP TRIGGER journal_append_only");
            h.execute("UPDATE journal SET mac = NULL WHERE seq = 4");
        });
        assertThat(db.verifyChain().firstBrokenSeq()).hasValue(4);

        db.database().jdbi().useHandle(h -> h.execute("UPDATE setting SET val = '5:00' WHERE name = 'journal.mac.from'"));
        assertThat(db.verifyChain().problem()).contains("journal.mac.from");

        db.database().jdbi().useHandle(h -> h.execute("DELETE FROM setting WHERE name = 'journal.mac.from'"));
        assertThat(db.verifyChain().firstBrokenSeq()).as("no start recorded: every event must carry its MAC").hasValue(4);
    }

    @Test
    void aDatabaseFromBeforeTheKeyStoreIsBroughtUnderItOnceAndTheMigrationCanBeRunAgain() throws Exception {
        DatabaseLocation location = new DatabaseLocation(legacyDir, "old");
        String cardSecret = "a1".repeat(32);
        String receiptKey = "b2".repeat(32);
        // as the program before V20 left it: empty password, plain secrets, one journal event
        JdbcDataSource legacy = new JdbcDataSource();
        legacy.setURL(location.jdbcUrl());
        legacy.setUser("counterdesk");
        legacy.setPassword("");
        Flyway.configure().dataSource(legacy).locations("classpath:db/migration").target("17").load().migrate();
        try (Connection c = legacy.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO setting(name, val) VALUES ('card.utility.secret', '" + cardSecret + "')");
            s.execute("INSERT INTO setting(name, val) VALUES ('receipt.mac.key', '" + receiptKey + "')");
            String hash = Journal.hash(Journal.GENESIS_HASH, 1, TestDatabase.START, "HZ99-T01", "1001", "TEST_EVENT",
                    "x", "{}");
            s.execute("INSERT INTO journal(seq, occurred_at, terminal_code, staff_no, type, subject, payload, prev_hash, hash) "
                    + "VALUES (1, TIMESTAMP WITH TIME ZONE '2025-03-10 01:30:00+00', 'HZ99-T01', '1001', 'TEST_EVENT', 'x', '{}', '"
                    + Journal.GENESIS_HASH + "', '" + hash + "')");
            s.execute("UPDATE journal_head SET last_seq = 1, last_hash = '" + hash + "'");
        }
        assertThat(TerminalKeys.fileOf(location)).doesNotExist();

        for (int run = 1; run <= 2; run++) {
            try (Database database = Database.open(location, Clock.systemUTC())) {
                Settings settings = new Settings();
                assertThat(database.<String>read(tx -> HexFormat.of().formatHex(settings.secret(tx, "card.utility.secret"))))
                        .isEqualTo(cardSecret);
                assertThat(database.<String>read(tx -> HexFormat.of().formatHex(settings.secret(tx, "receipt.mac.key"))))
                        .isEqualTo(receiptKey);
                List<String> stored = database.read(tx -> tx.handle().createQuery("SELECT val FROM setting").mapTo(String.class).list());
                assertThat(stored).noneMatch(v -> v.contains(cardSecret) || v.contains(receiptKey));
                // the old event has no MAC and needs none; every later one must have it
                database.inTransaction(tx -> new Journal("HZ99-T01").append(tx, "1001", "TEST_EVENT", "y", Map.of()));
                assertThat(database.read(Journal::verify).isIntact()).isTrue();
                assertThat(database.<String>read(tx -> tx.handle().createQuery("SELECT val FROM setting WHERE name = 'journal.mac.from'")
                        .mapTo(String.class).one())).startsWith("2:");
            }
        }
        assertThatThrownBy(() -> DriverManager.getConnection(location.jdbcUrl(), "counterdesk", "").close())
                .isInstanceOf(SQLException.class);
        assertThat(Files.readString(TerminalKeys.fileOf(location))).startsWith("counterdesk-terminal-key v1");
    }
}
