package io.counterdesk.headoffice;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.persistence.TestDatabase;
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

    /** Head office's store for one test: an H2 file here; PostgreSQL in {@link SyncLoopPostgresTest}. */
    HeadOfficeStore openStore(String folder) throws Exception {
        return HeadOfficeStore.embedded(dir.resolve(folder));
    }


    /** Head office's TLS identity, or null for plain HTTP ({@link SyncLoopTlsTest} runs every test here over HTTPS). */
    HeadOfficeTls tls() throws Exception {
        return null;
    }

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
        connect(Clock.systemUTC(), "ho");
    }

    /** Starts head office (H2 in {@code dir/folder}) on {@code clock} behind a fresh proxy and enrols the terminal with it. */
    private void connect(Clock clock, String folder) throws Exception {
        store = openStore(folder);
        KeyPair key = SyncKeys.generate();
        headOffice = new HeadOffice(store, key, clock);
        HeadOfficeTls tls = tls();
        server = HeadOfficeServer.start(headOffice, new InetSocketAddress("127.0.0.1", 0), HeadOfficeServer.HALL_ZONE,
                tls == null ? null : tls.serverContext());
        proxy = new CuttingProxy(server.port());
        String token = headOffice.addTerminal(TestDatabase.HALL_CODE, TestDatabase.TERMINAL_CODE);
        Path file = dir.resolve(folder + "-enrol.json");
        Files.write(file, io.counterdesk.sync.EnrolmentFile.write(TestDatabase.HALL_CODE, TestDatabase.TERMINAL_CODE,
                server.scheme() + "://127.0.0.1:" + proxy.port(), SyncKeys.publicText(key.getPublic()), token,
                tls == null ? null : tls.certificatePem()));
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

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {-1, 1})
    void headOfficeADayAheadOrBehindTheTerminalTakesTheDayAsTheTerminalCountsIt(long days) throws Exception {
        sync.close();
        proxy.close();
        server.close();
        store.close();
        // head office's clock a day off the terminal's: business days and acceptance come from the batch, not its clock
        connect(Clock.offset(Clock.fixed(db.clock().instant(), TestDatabase.ZONE), java.time.Duration.ofDays(days)), "skew");
        new DayAtTheCounter(db).mixedDay();
        sync.makeBatch();
        assertThat(sync.sendPending().pending()).isZero();
        assertSameFiguresAsTheTerminal();
        assertThat(headOffice.count("ho_event")).isEqualTo(db.queryLong("SELECT COUNT(*) FROM journal"));
    }

    @Test
    void aTillCloseMakesAndSendsItsBatchByItselfInTheBackground() throws Exception {
        DayAtTheCounter day = new DayAtTheCounter(db);
        day.close.afterClose(sync::afterDayClose);
        day.mixedDay();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while ((db.queryLong("SELECT COUNT(*) FROM sync_batch") == 0 || sync.status().pending() > 0)
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(db.queryLong("SELECT COUNT(*) FROM sync_batch WHERE ack IS NOT NULL")).isEqualTo(1);
        assertSameFiguresAsTheTerminal();
    }

    @Test
    void aFailingAfterCloseHookLeavesTheCloseCommittedAndTheCashierUntroubled() throws Exception {
        DayAtTheCounter day = new DayAtTheCounter(db);
        day.close.afterClose(() -> {
            throw new IllegalStateException("head office hook broke");
        });
        day.mixedDay();
        assertThat(db.queryLong("SELECT COUNT(*) FROM till_session WHERE status = 'CLOSED'")).isEqualTo(1);
    }

    @Test
    void aConnectionCutMidUploadLeavesTheBatchPendingAndTheSameBytesGoThroughLater() throws Exception {
        new DayAtTheCounter(db).mixedDay();
        sync.makeBatch();
        String sha = text("SELECT sha256 FROM sync_batch");
        proxy.cutUploadAfter(700);
        SyncStatus failed = sync.sendPending();
        assertThat(failed.pending()).isEqualTo(1);
        assertThat(failed.lastError()).containsAnyOf("连接中断", "连不上总部", "无应答");
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
        proxy.cutAnswerOnce(this::batchStored);
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
        assertThat(sync.sendPending().lastError()).startsWith("连不上总部 ").endsWith("，稍后自动重试");
        day.payCash(day.cashier, day.accountOwing("45.00"), "50.00");
        sync.makeBatch();
        assertThat(sync.status().pending()).isEqualTo(2);

        // head office back at another address: the enrolment's address is the one pinned, so point it there
        db.execute("UPDATE setting SET val = '" + server.scheme() + "://127.0.0.1:" + server.port() + "' WHERE name = 'sync.url'");
        assertThat(sync.sendPending().pending()).isZero();
        assertThat(headOffice.count("ho_batch")).isEqualTo(2);
        assertThat(headOffice.count("ho_event")).isEqualTo(db.queryLong("SELECT COUNT(*) FROM journal"));
    }

    @Test
    void aBatchHeadOfficeRefusesSaysWhyInTheCashiersLanguageAndStaysPending() throws Exception {
        // the terminal's key file replaced by another key (a copy gone wrong): head office cannot verify the batch
        SyncKeys.writePrivate(dir.resolve("terminal-keys").resolve("sync-ed25519.pk8"), SyncKeys.generate().getPrivate());
        new DayAtTheCounter(db).mixedDay();
        sync.makeBatch();
        SyncStatus refused = sync.sendPending();
        assertThat(refused.pending()).isEqualTo(1);
        assertThat(refused.lastError()).isEqualTo("总部验签未通过（本终端的密钥与登记的不符），已告警；请重新登记");
        assertThat(headOffice.count("ho_event")).isZero();
        assertThat(headOffice.alarms()).extracting(a -> a[2]).contains("BAD_SIGNATURE");
        assertThat(text("SELECT last_error FROM sync_batch")).isEqualTo(refused.lastError());
    }

    private String text(String sql) {
        return db.database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
    }

    private void assertSameFiguresAsTheTerminal() throws Exception {
        SameFigures.assertSame(db.database(), db.terminal(), headOffice, DAY);
    }

    /** Whether head office has committed a batch (the answer may be cut from then on). */
    private boolean batchStored() {
        try {
            return headOffice.count("ho_batch") > 0;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
