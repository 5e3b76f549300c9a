package io.counterdesk.headoffice;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.report.DayCheck;
import io.counterdesk.report.DayReportService;
import io.counterdesk.sync.Manifest;
import io.counterdesk.sync.SyncKeys;
import io.counterdesk.sync.SyncService;
import io.counterdesk.sync.SyncStatus;
import io.counterdesk.till.DayAtTheCounter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole loop on real parts: a terminal's H2 file with a real day at the counter, its batch made
 * and signed, sent over real HTTP (through a proxy that cuts connections) to head office on H2, and
 * head office's figures, rebuilt from the events alone, equal to the terminal's own report figure by
 * figure (the proof of docs/sync-protocol.md).
 */
class SyncLoopTest {

    static final LocalDate DAY = LocalDate.of(2025, 3, 10);

    @RegisterExtension
    final TestDatabase db = new TestDatabase();
    @TempDir
    Path dir;

    HeadOfficeStore store;
    HeadOffice headOffice;
    HeadOfficeServer server;
    CuttingProxy proxy;
    SyncService sync;

    @BeforeEach
    void startHeadOfficeAndEnrol() throws Exception {
        store = HeadOfficeStore.embedded(dir.resolve("ho"));
        KeyPair key = SyncKeys.generate();
        headOffice = new HeadOffice(store, key, Clock.systemUTC());
        server = HeadOfficeServer.start(headOffice, new InetSocketAddress("127.0.0.1", 0));
        proxy = new CuttingProxy(server.port());
        String token = headOffice.addTerminal(TestDatabase.HALL_CODE, TestDatabase.TERMINAL_CODE);
        Path file = dir.resolve("enrol.json");
        Files.writeString(file, """
                {"format":"counterdesk-enrolment","hall":"%s","terminal":"%s","url":"http://127.0.0.1:%d",
                 "headOfficeKey":"%s","token":"%s"}""".formatted(TestDatabase.HALL_CODE, TestDatabase.TERMINAL_CODE,
                proxy.port(), SyncKeys.publicText(key.getPublic()), token));
        sync = new SyncService(db.database(), db.terminal(), dir.resolve("terminal-keys"));
        sync.enrol(file);
    }

    @AfterEach
    void stop() throws Exception {
        sync.close();
        proxy.close();
        server.close();
        store.close();
    }

    @Test
    void aClosedDaySentToHeadOfficeGivesTheTerminalsOwnReportFigureByFigure() throws Exception {
        new DayAtTheCounter(db).mixedDay();
        Optional<Manifest> made = sync.makeBatch();
        assertThat(made).isPresent();
        assertThat(sync.sendPending().pending()).isZero();

        assertSameFiguresAsTheTerminal();
        assertThat(headOffice.count("ho_event")).isEqualTo(db.queryLong("SELECT COUNT(*) FROM journal"));
        // the voided receipt is known to head office as voided
        long voided = db.queryLong("SELECT number FROM receipt WHERE status = 'VOIDED'");
        assertThat(headOffice.checkReceipt(TestDatabase.HALL_CODE, "RECEIPT", voided)).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("voided", true).containsEntry("paidFen", 105_000L));
    }

    @Test
    void aConnectionCutMidUploadLeavesTheBatchPendingAndTheSameBytesGoThroughLater() throws Exception {
        new DayAtTheCounter(db).mixedDay();
        sync.makeBatch();
        String sha = text("SELECT sha256 FROM sync_batch");
        proxy.cutUploadAfter(700);
        SyncStatus failed = sync.sendPending();
        assertThat(failed.pending()).isEqualTo(1);
        assertThat(failed.lastError()).isNotBlank();
        assertThat(proxy.cuts.get()).isPositive();
        assertThat(headOffice.count("ho_event")).isZero();

        proxy.pass();
        assertThat(sync.sendPending().pending()).isZero();
        assertThat(text("SELECT sha256 FROM sync_batch")).isEqualTo(sha);
        assertThat(db.queryLong("SELECT attempts FROM sync_batch")).isEqualTo(2);
        assertSameFiguresAsTheTerminal();
    }

    @Test
    void anAnswerCutAfterHeadOfficeCommittedIsAskedForAgainAndTheDayCountsOnce() throws Exception {
        new DayAtTheCounter(db).mixedDay();
        sync.makeBatch();
        proxy.cutAnswer();
        assertThat(sync.sendPending().pending()).isEqualTo(1);
        long stored = headOffice.count("ho_event");
        assertThat(stored).isPositive();

        proxy.pass();
        assertThat(sync.sendPending().pending()).isZero();
        assertThat(headOffice.count("ho_event")).isEqualTo(stored);
        assertThat(headOffice.count("ho_batch")).isEqualTo(1);
        assertSameFiguresAsTheTerminal();
    }

    @Test
    void batchesMadeWhileHeadOfficeIsAwayGoInOrderWhenItIsBack() throws Exception {
        DayAtTheCounter day = new DayAtTheCounter(db);
        day.payCash(day.cashier, day.accountOwing("80.00"), "100.00");
        proxy.close();
        sync.makeBatch();
        assertThat(sync.sendPending().lastError()).contains("not reachable");
        day.payCash(day.cashier, day.accountOwing("45.00"), "50.00");
        sync.makeBatch();
        assertThat(sync.status().pending()).isEqualTo(2);

        // head office back at another address: the enrolment's address is the one pinned, so point it there
        db.execute("UPDATE setting SET val = 'http://127.0.0.1:" + server.port() + "' WHERE name = 'sync.url'");
        assertThat(sync.sendPending().pending()).isZero();
        assertThat(headOffice.count("ho_batch")).isEqualTo(2);
        assertThat(headOffice.count("ho_event")).isEqualTo(db.queryLong("SELECT COUNT(*) FROM journal"));
    }

    private String text(String sql) {
        return db.database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
    }

    /** Every figure check-day takes from the terminal's report equals head office's, folded from the events alone. */
    private void assertSameFiguresAsTheTerminal() throws Exception {
        DayCheck.Result check = new DayCheck(db.database(), new DayReportService(db.database(), db.terminal())).check(DAY);
        assertThat(check.ties()).isTrue();
        assertThat(check.items()).isNotEmpty();
        int compared = 0;
        for (DayCheck.Item item : check.items()) {
            if (item.figure().equals("tendersEqualBusinesses")) {
                continue; // the report against itself, no journal figure
            }
            long till = Long.parseLong(item.tillLabel().substring(item.tillLabel().lastIndexOf('#') + 1));
            Map<String, String> ho = headOffice.tillFigures(TestDatabase.HALL_CODE, TestDatabase.TERMINAL_CODE, DAY, till);
            String zero = item.figure().startsWith("tender.") || item.figure().startsWith("business.") ? "0.00" : null;
            assertThat(ho.getOrDefault(item.figure(), zero)).as(item.tillLabel() + " " + item.figure())
                    .isEqualTo(item.report());
            compared++;
        }
        assertThat(compared).isGreaterThan(15);
    }
}
