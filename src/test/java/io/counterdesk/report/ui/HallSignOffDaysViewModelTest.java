package io.counterdesk.report.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.app.AppConfig;
import io.counterdesk.app.CounterDesk;
import io.counterdesk.persistence.TestClock;
import io.counterdesk.report.pdf.PdfFiles;
import io.counterdesk.report.pdf.ReportPdfs;
import io.counterdesk.security.Operator;
import io.counterdesk.security.PasswordHasher;
import io.counterdesk.shared.Money;
import io.counterdesk.ui.CurrentThreadTaskExecutor;
import io.counterdesk.ui.ManualTaskExecutor;
import io.counterdesk.ui.MessageKind;
import io.counterdesk.ui.TaskExecutor;
import io.counterdesk.ui.TestBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sign-off screen's days on the demo back end with the clock in the test's hand: 王伟 (1001)
 * worked on 1 December and closed his till; the manager opens the screen the next morning.
 */
class HallSignOffDaysViewModelTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private static final LocalDate TODAY = DAY.plusDays(1);

    @TempDir
    Path directory;
    private final TestClock clock = new TestClock(at(DAY, 9), ZONE);
    private CounterDesk desk;
    private Operator manager;

    private static java.time.Instant at(LocalDate day, int hour) {
        return LocalDateTime.of(day, LocalTime.of(hour, 0)).atZone(ZONE).toInstant();
    }

    @BeforeEach
    void aDayAtTheHallThenTheNextMorning() {
        desk = CounterDesk.start(AppConfig.resolve(directory.resolve("db"), "zh").withDemoAccounts(TestBackend.ACCOUNTS)
                .withClock(clock), new PasswordHasher(1_000));
        manager = TestBackend.login(desk, "2001");
        TestBackend.dayOfOnePayment(desk, clock, at(DAY, 21));
        clock.set(at(TODAY, 8).plusSeconds(30 * 60));
    }

    @AfterEach
    void closeDatabase() {
        desk.close();
    }

    private HallSignOffViewModel model(TaskExecutor executor) {
        HallSignOffViewModel model = new HallSignOffViewModel(executor, desk.dayReports(), desk.hallSignOff(),
                desk.auth(), manager, clock, HallSignOffViewModel.DayPapers.of(desk.dayCharts(), desk.reportPdfs(),
                desk.reportArchive(), desk.serviceTimes()));
        model.load();
        return model;
    }

    private static void typeCredentials(HallSignOffViewModel model) {
        model.credentials().staffNoProperty().set("2001");
        model.credentials().passwordProperty().set("demo2001");
    }

    @Test
    void opensOnYesterdayMovesUpToTodayAndSignsYesterdayOff() throws Exception {
        HallSignOffViewModel model = model(new CurrentThreadTaskExecutor());

        assertThat(model.dayProperty().get()).isEqualTo(DAY);
        assertThat(model.headingProperty().get()).isEqualTo("营业厅签核 · 2026-12-01（昨日，尚未签核）");
        assertThat(model.rows()).singleElement().satisfies(r -> assertThat(r.cashier() + " " + r.status())
                .isEqualTo("1001 王伟 已结账"));
        assertThat(model.charts()).hasSize(4);

        model.nextDay();
        assertThat(model.dayProperty().get()).isEqualTo(TODAY);
        assertThat(model.headingProperty().get()).isEqualTo("营业厅签核 · 2026-12-02（今日，尚未签核）");
        assertThat(model.rows()).isEmpty();
        assertThat(model.messageProperty().get()).isEqualTo("该日没有班次");

        model.nextDay();
        assertThat(model.dayProperty().get()).as("never past today").isEqualTo(TODAY);
        assertThat(model.messageProperty().get()).isEqualTo("已是今日；今天以后的营业日不能签核");

        model.previousDay();
        assertThat(model.rows()).singleElement().satisfies(r -> assertThat(r.cashier()).isEqualTo("1001 王伟"));
        model.noteProperty().set("次日早上签核");
        typeCredentials(model);
        model.signOff();

        Path folder = desk.reportArchive().day(DAY);
        assertThat(model.signedProperty().get()).isTrue();
        assertThat(model.messageProperty().get())
                .isEqualTo("2026-12-01 已签核（2001 张敏），当日已锁定；3 份报表 PDF 已存入 " + folder);
        assertThat(model.headingProperty().get()).isEqualTo("营业厅签核 · 2026-12-01（昨日，已签核）");
        assertThat(model.rows()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo("已签核"));
        java.util.List<LocalDate> signedDays = desk.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT business_day FROM day_signoff").mapTo(LocalDate.class).list());
        assertThat(signedDays).containsExactly(DAY);
        assertThat(PdfFiles.text(Files.readAllBytes(folder.resolve(ReportPdfs.HALL_FILE))))
                .contains("2026-12-01", "1001 王伟");
        assertThat(desk.reportArchive().day(TODAY)).as("nothing archived under today").doesNotExist();

        model.previousDay();
        assertThat(model.headingProperty().get()).isEqualTo("营业厅签核 · 2026-11-30（2 天前，尚未签核）");
        assertThat(model.signedProperty().get()).isFalse();
        assertThat(model.noteProperty().get()).isEmpty();

        model.nextDay();
        assertThat(model.signedProperty().get()).as("a signed day shows read-only").isTrue();
        assertThat(model.messageKindProperty().get()).isEqualTo(MessageKind.INFO);
        assertThat(model.messageProperty().get()).isEqualTo("该日已由 2001 张敏 于 2026-12-02 08:30 签核，已锁定");
        assertThat(model.totals()).isNotEmpty();
        typeCredentials(model);
        model.signOff();
        assertThat(model.credentials().passwordProperty().get()).as("Enter on a signed day does nothing")
                .isEqualTo("demo2001");
    }

    @Test
    void aDayWithATillStillOpenIsShownButItsSignOffRefused() {
        clock.set(at(DAY, 22));
        Operator li = TestBackend.login(desk, "1002");
        desk.tills().open(li, Money.ofYuan(200));
        clock.set(at(TODAY, 8));
        HallSignOffViewModel model = model(new CurrentThreadTaskExecutor());

        assertThat(model.dayProperty().get()).isEqualTo(DAY);
        assertThat(model.messageProperty().get()).isEqualTo("还有未结账的班次（1002 李娜），结账后才能签核");
        typeCredentials(model);
        model.signOff();

        assertThat(model.messageKindProperty().get()).isEqualTo(MessageKind.ERROR);
        assertThat(model.messageProperty().get()).isEqualTo("2026-12-01 还有未结账的班次：1002 李娜，不能签核");
        assertThat(model.signedProperty().get()).isFalse();
    }

    @Test
    void onlyTheLastDayAskedForIsShownAndTheDayStaysWhileSigning() {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        HallSignOffViewModel model = model(executor);
        executor.runAll();
        assertThat(model.dayProperty().get()).isEqualTo(DAY);

        model.nextDay();
        model.previousDay();
        assertThat(model.busyProperty().get()).isTrue();
        assertThat(model.rows()).as("no figures under another day's heading").isEmpty();
        executor.runNextTask(); // today's figures, asked for first, arrive late: dropped
        assertThat(model.dayProperty().get()).isEqualTo(DAY);
        assertThat(model.busyProperty().get()).isTrue();
        assertThat(model.rows()).isEmpty();
        executor.runNextTask();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.rows()).singleElement().satisfies(r -> assertThat(r.cashier()).isEqualTo("1001 王伟"));

        typeCredentials(model);
        model.signOff();
        model.previousDay();
        model.nextDay();
        assertThat(executor.pendingTasks()).as("no move while signing").isEqualTo(1);
        assertThat(model.dayProperty().get()).isEqualTo(DAY);
        executor.runAll();
        assertThat(model.signedProperty().get()).isTrue();
        assertThat(model.headingProperty().get()).isEqualTo("营业厅签核 · 2026-12-01（昨日，已签核）");
    }

    /**
     * Issue 15 §2: signing today off locks the rest of the day for every cashier. Before the hall's
     * closing time (17:30 unless set) the manager must first say why (the note); then the screen says
     * exactly what the sign-off does and who worked today, and only a second Enter signs.
     */
    @Test
    void signingTodayOffBeforeClosingTimeNeedsAReasonAndASecondEnter() {
        clock.set(at(TODAY, 14));
        desk.tills().open(TestBackend.login(desk, "1001"), Money.ofYuan(500));
        desk.dayClose().count(TestBackend.login(desk, "1001"),
                new io.counterdesk.till.CashCount(java.util.Map.of(io.counterdesk.till.Denomination.Y100, 5)),
                java.util.Set.of());
        desk.dayClose().close(TestBackend.login(desk, "1001"), "");
        HallSignOffViewModel model = model(new CurrentThreadTaskExecutor());
        model.nextDay();
        assertThat(model.dayProperty().get()).isEqualTo(TODAY);
        typeCredentials(model);

        model.signOff();
        assertThat(model.signedProperty().get()).isFalse();
        assertThat(model.messageKindProperty().get()).isEqualTo(MessageKind.ERROR);
        assertThat(model.messageProperty().get()).isEqualTo("现在 14:00，营业厅 17:30 才打烊：提前签核今日，请先在备注（F8）写明原因");
        assertThat(model.credentials().passwordProperty().get()).as("nothing typed is lost").isEqualTo("demo2001");

        model.noteProperty().set("停电，营业厅提前关门");
        model.signOff();
        assertThat(model.signedProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).isEqualTo("签核今日（2026-12-02）后，今天所有收费员都不能再开钱箱、收款或办理任何业务"
                + "（今天上过班的：1001 王伟）。确要签核，请再按回车；不签核请按 Esc");

        model.signOff();
        assertThat(model.signedProperty().get()).as(model.messageProperty().get()).isTrue();
    }

    @Test
    void afterTheHallsClosingTimeTodayIsSignedOffWithoutAReasonButStillAfterASecondEnter() {
        desk.database().inTransaction(tx -> {
            new io.counterdesk.persistence.Settings().put(tx, io.counterdesk.report.HallSignOffService.CLOSING_TIME_SETTING,
                    "16:00");
            return null;
        });
        clock.set(at(TODAY, 16).plusSeconds(60));
        HallSignOffViewModel model = model(new CurrentThreadTaskExecutor());
        model.nextDay();
        typeCredentials(model);

        model.signOff();
        assertThat(model.signedProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).startsWith("签核今日（2026-12-02）后").contains("还没有人");
        model.signOff();
        assertThat(model.signedProperty().get()).as(model.messageProperty().get()).isTrue();
    }
}
