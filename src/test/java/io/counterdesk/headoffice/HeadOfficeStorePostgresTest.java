package io.counterdesk.headoffice;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.sync.SyncKeys;
import io.counterdesk.sync.TestChain;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Head office's store on PostgreSQL: its events in one partition per business day (migration V4) — a
 * day's partition is made when the first batch of that day arrives, the events land in it, and a
 * database migrated from before V4 keeps every event it held, each in its day's partition; and its
 * pool of connections, which never lends one the server has dropped.
 */
class HeadOfficeStorePostgresTest {

    static final LocalDate DAY = LocalDate.of(2025, 3, 10);

    static PostgresFixture pg;

    @BeforeAll
    static void startPostgres() throws Exception {
        pg = PostgresFixture.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    private static String database(String name) throws Exception {
        try (Connection c = DriverManager.getConnection(pg.url(), pg.user(), "")) {
            c.createStatement().execute("CREATE DATABASE " + name);
        }
        return pg.url().replace("/postgres", "/" + name);
    }

    @Test
    void eachBusinessDaysEventsGoIntoThatDaysPartitionMadeWhenTheDayFirstArrives() throws Exception {
        String url = database("days");
        try (HeadOfficeStore store = HeadOfficeStore.open(url, pg.user(), "")) {
            HeadOffice ho = new HeadOffice(store, SyncKeys.generate(), Clock.systemUTC());
            TestChain t = new TestChain("HZ01", "HZ01-T01", DAY);
            assertThat(ho.enrol("HZ01", "HZ01-T01", ho.addTerminal("HZ01", "HZ01-T01"),
                    SyncKeys.publicText(t.key.getPublic()))).isTrue();
            assertThat(partitions(url)).isEmpty();
            assertThat(ho.accept(t.open(1).pay(1, 100).pay(1, 200).nextBatch()).isAccepted()).isTrue();
            // the next day in two batches: its partition is made once
            assertThat(ho.accept(t.onDay(DAY.plusDays(1)).open(2).nextBatch()).isAccepted()).isTrue();
            assertThat(ho.accept(t.pay(2, 300).nextBatch()).isAccepted()).isTrue();
            assertThat(partitions(url)).containsExactly("ho_event_20250310", "ho_event_20250311");
            assertThat(count(url, "ho_event_20250310")).isEqualTo(3);
            assertThat(count(url, "ho_event_20250311")).isEqualTo(2);
            assertThat(ho.tillFigures("HZ01", "HZ01-T01", DAY.plusDays(1), 2)).containsEntry("cashIn", "3.00");
        }
    }

    @Test
    void aDatabaseFromBeforePartitioningKeepsEveryEventInItsDaysPartition() throws Exception {
        String url = database("upgraded");
        Flyway.configure().dataSource(url, pg.user(), "").locations("classpath:db/headoffice", "classpath:db/postgresql/headoffice")
                .table("ho_schema_history").target("3").load().migrate();
        try (Connection c = DriverManager.getConnection(url, pg.user(), ""); Statement s = c.createStatement()) {
            for (int i = 1; i <= 5; i++) {
                s.execute("INSERT INTO ho_event VALUES ('HZ01', 'HZ01-T01', DATE '" + DAY.plusDays(i % 2) + "', 1, " + i
                        + ", now(), '1001', 'LOGIN', 's', '{}', 'p', 'h" + i + "')");
            }
        }
        try (HeadOfficeStore store = HeadOfficeStore.open(url, pg.user(), "")) {
            assertThat(store.isPostgres()).isTrue();
        }
        assertThat(partitions(url)).containsExactly("ho_event_20250310", "ho_event_20250311");
        assertThat(count(url, "ho_event_20250310")).isEqualTo(2);
        assertThat(count(url, "ho_event_20250311")).isEqualTo(3);
        assertThat(count(url, "ho_event")).isEqualTo(5);
    }

    @Test
    void afterTheServerIsKilledAndRestartedThePoolsDeadConnectionsAreNotLent() throws Exception {
        String url = database("restarted");
        try (HeadOfficeStore store = HeadOfficeStore.open(url, pg.user(), "")) {
            HeadOffice ho = new HeadOffice(store, SyncKeys.generate(), Clock.systemUTC());
            TestChain t = firstBatchTaken(ho, "HZ02", "HZ02-T01");
            pg.kill();
            pg.restart();
            Outcome next = ho.accept(t.pay(1, 200).nextBatch());
            assertThat(next.isAccepted()).as(next.message()).isTrue();
            assertThat(ho.tillFigures("HZ02", "HZ02-T01", DAY, 1)).containsEntry("cashIn", "3.00");
        }
    }

    @Test
    void aConnectionDroppedByTheServerJustAfterItWasGivenBackCostsTheBatchNothing() throws Exception {
        String url = database("dropped");
        try (HeadOfficeStore store = HeadOfficeStore.open(url, pg.user(), "")) {
            HeadOffice ho = new HeadOffice(store, SyncKeys.generate(), Clock.systemUTC());
            TestChain t = firstBatchTaken(ho, "HZ03", "HZ03-T01");
            byte[] next = t.pay(1, 200).nextBatch();
            // the pool's idle connection, given back a moment ago (inside the window in which it is lent
            // without isValid), is ended by the server; the next batch must still be taken, once
            try (Connection c = DriverManager.getConnection(url, pg.user(), "");
                 ResultSet rs = c.createStatement().executeQuery("""
                         SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                         WHERE datname = current_database() AND pid <> pg_backend_pid()""")) {
                rs.next();
                assertThat(rs.getInt(1)).isPositive();
            }
            Outcome o = ho.accept(next);
            assertThat(o.isAccepted()).as(o.message()).isTrue();
            assertThat(ho.tillFigures("HZ03", "HZ03-T01", DAY, 1)).containsEntry("cashIn", "3.00");
            assertThat(ho.count("ho_batch")).isEqualTo(2);
        }
    }

    /** A terminal enrolled at {@code ho} whose first batch (a till opened, a payment of 1.00) was taken. */
    private static TestChain firstBatchTaken(HeadOffice ho, String hall, String terminal) throws Exception {
        TestChain t = new TestChain(hall, terminal, DAY);
        assertThat(ho.enrol(hall, terminal, ho.addTerminal(hall, terminal), SyncKeys.publicText(t.key.getPublic()))).isTrue();
        assertThat(ho.accept(t.open(1).pay(1, 100).nextBatch()).isAccepted()).isTrue();
        return t;
    }

    private static List<String> partitions(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, pg.user(), "");
             ResultSet rs = c.createStatement().executeQuery("""
                     SELECT child.relname FROM pg_inherits JOIN pg_class child ON child.oid = inhrelid
                     WHERE inhparent = 'ho_event'::regclass ORDER BY 1""")) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    private static long count(String url, String table) throws Exception {
        try (Connection c = DriverManager.getConnection(url, pg.user(), "");
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
