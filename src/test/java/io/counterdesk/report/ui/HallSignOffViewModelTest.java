package io.counterdesk.report.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.app.CounterDesk;
import io.counterdesk.payment.PaymentInput;
import io.counterdesk.report.chart.Chart;
import io.counterdesk.report.pdf.PdfFiles;
import io.counterdesk.report.pdf.ReportPdfs;
import io.counterdesk.security.Operator;
import io.counterdesk.servicetime.CounterBusiness;
import io.counterdesk.servicetime.ServiceTimer;
import io.counterdesk.shared.Money;
import io.counterdesk.till.CashCount;
import io.counterdesk.till.Denomination;
import io.counterdesk.ui.CurrentThreadTaskExecutor;
import io.counterdesk.ui.MessageKind;
import io.counterdesk.ui.TestBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sign-off screen's model on the demo back end: reports listed, differences flagged, sign-off, lock. */
class HallSignOffViewModelTest {

    @TempDir
    Path directory;
    private CounterDesk desk;
    private Operator wang;
    private Operator manager;
    private LocalDate today;

    @BeforeEach
    void aDayAtTheHall() {
        desk = TestBackend.start(directory);
        wang = TestBackend.login(desk, "1001");
        manager = TestBackend.login(desk, "2001");
        today = LocalDate.now(desk.config().clock());
        desk.tills().open(wang, Money.ofYuan(500));
    }

    @AfterEach
    void closeDatabase() {
        desk.close();
    }

    private HallSignOffViewModel model() {
        HallSignOffViewModel model = new HallSignOffViewModel(new CurrentThreadTaskExecutor(), desk.dayReports(),
                desk.hallSignOff(), desk.auth(), manager, desk.config().clock(),
                HallSignOffViewModel.DayPapers.of(desk.dayCharts(), desk.reportPdfs(), desk.reportArchive(), desk.serviceTimes()));
        model.load();
        return model;
    }

    @Test
    void theListsTheViewListensToAreTheSameEachTime() {
        // regression: a fresh read-only view per call was collected with the view's listener on it, and
        // the sign-off screen's totals then stayed empty (seen in full test runs, where GC runs more)
        HallSignOffViewModel model = model();
        assertThat(model.totals()).isSameAs(model.totals());
        assertThat(model.charts()).isSameAs(model.charts());
        assertThat(model.rows()).isSameAs(model.rows());
    }

    @Test
    void anOpenTillIsFlaggedAndBlocksTheSignOff() {
        HallSignOffViewModel model = model();

        assertThat(model.rows()).singleElement().satisfies(r -> {
            assertThat(r.cashier()).isEqualTo("1001 王伟");
            assertThat(r.status()).isEqualTo("未结账");
            assertThat(r.attention()).isTrue();
        });
        assertThat(model.messageProperty().get()).isEqualTo("还有未结账的班次（1001 王伟），结账后才能签核");
        model.credentials().staffNoProperty().set("2001");
        model.credentials().passwordProperty().set("demo2001");
        model.signOff();

        assertThat(model.messageKindProperty().get()).isEqualTo(MessageKind.ERROR);
        assertThat(model.messageProperty().get()).contains("还有未结账的班次", "1001 王伟");
        assertThat(model.signedProperty().get()).isFalse();
        assertThat(model.credentials().passwordProperty().get()).isEmpty();
    }

    @Test
    void aShortTillIsHighlightedAndTheDaySignedOffAndLocked() throws Exception {
        TestBackend.Owing owing = TestBackend.owing(desk, wang, o -> true).get(0);
        Money due = owing.bills().stream().map(b -> b.outstanding().plus(b.lateFee())).reduce(Money.ZERO, Money::plus);
        desk.payments().collect(wang, owing.accountId(), PaymentInput.cash(due));
        // the payment took the cashier four and a half minutes, past its 3-minute promise
        java.time.Instant now = desk.config().clock().instant();
        desk.serviceTimes().finish(wang, new ServiceTimer(CounterBusiness.PAYMENT, now.minus(Duration.ofSeconds(270)),
                Duration.ofMinutes(3)), "account:" + owing.accountNo());
        desk.dayClose().count(wang, new CashCount(Map.of(Denomination.Y100, 5)), Set.of());
        desk.dayClose().close(wang, "收款未入钱箱，次日核查");
        HallSignOffViewModel model = model();
        assertThat(model.charts()).extracting(Chart::title)
                .containsExactly("每小时业务笔数", "按业务收款金额", "按收款方式金额", "服务用时与承诺（分钟）");
        Chart serviceTimes = model.charts().get(3);
        assertThat(serviceTimes.labels()).containsExactly("缴费（超时 1 笔）");
        assertThat(serviceTimes.marked()).containsExactly("缴费（超时 1 笔）");
        assertThat(serviceTimes.value(0, "缴费（超时 1 笔）")).isEqualTo(5);
        assertThat(model.rows()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo("已结账");
            assertThat(r.overShort()).startsWith(due.negate().format());
            assertThat(r.attention()).isTrue();
        });
        assertThat(model.totals()).contains("长短款合计 " + due.negate().format());

        model.noteProperty().set("短款已报财务部");
        model.credentials().staffNoProperty().set("2001");
        model.credentials().passwordProperty().set("demo2001");
        model.signOff();
        assertThat(model.signedProperty().get()).as("today: the first Enter only says what it means").isFalse();
        assertThat(model.messageProperty().get()).startsWith("签核今日（" + today + "）后，今天所有收费员都不能再开钱箱")
                .contains("1001 王伟");
        model.signOff();

        assertThat(model.signedProperty().get()).isTrue();
        Path folder = desk.reportArchive().day(today);
        assertThat(model.messageProperty().get())
                .isEqualTo(today + " 已签核（2001 张敏），当日已锁定；3 份报表 PDF 已存入 " + folder);
        assertThat(folder.resolve(io.counterdesk.report.pdf.ReportPdfs.HALL_FILE)).isRegularFile();
        assertThat(model.charts()).extracting(Chart::title).hasSize(4).last().isEqualTo("服务用时与承诺（分钟）");
        assertThat(PdfFiles.text(Files.readAllBytes(folder.resolve(ReportPdfs.HALL_FILE))))
                .contains("服务用时与承诺（分钟）", "缴费（超时 1 笔）");
        assertThat(model.rows()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo("已签核"));
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> desk.tills().open(wang, Money.ofYuan(500))))
                .hasMessageContaining("已由营业厅核对员签核锁定");
    }

    @Test
    void aWrongPasswordSignsNothing() {
        HallSignOffViewModel model = model();
        model.credentials().staffNoProperty().set("2001");
        model.credentials().passwordProperty().set("wrong");
        model.signOff();

        assertThat(model.messageKindProperty().get()).isEqualTo(MessageKind.ERROR);
        assertThat(model.signedProperty().get()).isFalse();
    }
}
