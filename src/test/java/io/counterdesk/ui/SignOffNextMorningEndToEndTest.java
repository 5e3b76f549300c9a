package io.counterdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.counterdesk.app.CounterDesk;
import io.counterdesk.payment.PaymentResult;
import io.counterdesk.persistence.TestClock;
import io.counterdesk.receipt.IssuedReceipt;
import io.counterdesk.report.pdf.PdfFiles;
import io.counterdesk.report.pdf.ReportPdfs;
import io.counterdesk.security.Operator;
import io.counterdesk.shared.I18n;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The day signed off the next morning, keys only, on the real program with the terminal's clock in
 * the test's hand: 王伟 (1001) takes a payment on 1 December 2026 and closes his till at 21:00; at
 * 08:30 on 2 December hall manager 2001 presses Ctrl+H, which opens on 1 December (not today), and
 * signs it off. Then 1 December is locked (a void of its receipt is refused with the lock message;
 * the screen shows the day signed, by whom and when, after PgDn to today and PgUp back) and its
 * PDFs are archived in {@code reports/2026-12-01/}, none under today. Then F7 on the same screen
 * sends the days to head office now ({@link SignOffSendNow}; here, not at a program start of its own).
 */
class SignOffNextMorningEndToEndTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private static final LocalDate TODAY = DAY.plusDays(1);

    private final TestClock clock = new TestClock(at(DAY, 9, 30), ZONE);

    @RegisterExtension
    final CounterApp program = CounterApp.demo(TestBackend.ACCOUNTS).withClock(clock);

    private final CounterDriver counter = new CounterDriver();
    @org.junit.jupiter.api.io.TempDir
    Path directory;

    private static java.time.Instant at(LocalDate day, int hour, int minute) {
        return LocalDateTime.of(day, LocalTime.of(hour, minute)).atZone(ZONE).toInstant();
    }

    @Test
    void theManagerSignsYesterdayOffTheNextMorning() throws Exception {
        CounterDesk desk = program.desk();
        // 1 December: 王伟's day at the counter, closed late in the evening (his day close has its own test)
        PaymentResult paid = TestBackend.dayOfOnePayment(desk, clock, at(DAY, 21, 0));
        Operator wang = program.login("1001");

        // 2 December, 08:30: the manager logs in without a till and presses Ctrl+H
        clock.set(at(TODAY, 8, 30));
        // (issue 15: a hall manager is not asked for a till at log-in)
        counter.logInAsManager("2001", "demo2001");
        counter.press(KeyCode.CONTROL, KeyCode.H);
        counter.waitUntilFocused("signoff-staff-no");
        counter.waitUntil("yesterday's report is shown", () -> counter.allTexts().contains("1001 王伟")
                && counter.charts().size() == 4);
        assertThat(counter.text("#signoff-heading")).hasValue("营业厅签核 · 2026-12-01（昨日，尚未签核）");
        assertThat(counter.allTexts()).contains("已结账", "晚班结账");

        counter.press(KeyCode.F8);
        counter.waitUntilFocused("signoff-note");
        counter.type("次日早上签核").press(KeyCode.ENTER);
        counter.waitUntilFocused("signoff-staff-no");
        counter.type("2001").press(KeyCode.ENTER);
        counter.waitUntilFocused("signoff-password");
        counter.type("demo2001").press(KeyCode.ENTER);
        counter.waitUntil("the day is signed off and its PDFs written", () -> counter.text("#signoff-message")
                .orElse("").contains("份报表 PDF 已存入"));
        Path folder = desk.reportArchive().day(DAY);
        assertThat(counter.text("#signoff-message")).hasValue(
                "2026-12-01 已签核（2001 张敏），当日已锁定；3 份报表 PDF 已存入 " + folder);
        assertThat(counter.text("#signoff-heading")).hasValue("营业厅签核 · 2026-12-01（昨日，已签核）");

        // PgDn: today, nothing to sign yet; PgUp: yesterday again, signed, by whom and when
        counter.press(KeyCode.PAGE_DOWN);
        counter.waitUntil("today is shown", () -> counter.text("#signoff-heading").orElse("")
                .equals("营业厅签核 · 2026-12-02（今日，尚未签核）")
                && counter.text("#signoff-message").orElse("").equals("该日没有班次"));
        counter.press(KeyCode.PAGE_DOWN);
        counter.waitUntil("no day after today", () -> counter.text("#signoff-message").orElse("")
                .equals(I18n.text("ui.signOff.noLaterDay")));
        counter.press(KeyCode.PAGE_UP);
        counter.waitUntil("yesterday is shown signed", () -> counter.text("#signoff-message").orElse("")
                .equals("该日已由 2001 张敏 于 2026-12-02 08:30 签核，已锁定"));
        assertThat(counter.text("#signoff-heading")).hasValue("营业厅签核 · 2026-12-01（昨日，已签核）");
        assertThat(counter.allTexts()).contains("1001 王伟", "已签核");
        assertThat(CounterDriver.onFx(() -> ((javafx.scene.control.TextInputControl) counter.scene()
                .lookup("#signoff-staff-no")).isEditable())).as("a signed day is read-only").isFalse();

        // the lock: 1 December's receipt cannot be changed any more
        IssuedReceipt receipt = paid.receipts().get(0);
        Throwable refused = catchThrowable(() -> desk.receiptStock().voidReceipt(wang, receipt.kind(),
                receipt.number(), "打错", desk.auth().authoriseApprover(wang, "2001", "demo2001".toCharArray())));
        assertThat(refused).hasMessage(I18n.text("day.locked", DAY.toString()));
        List<LocalDate> signed = desk.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT business_day FROM day_signoff").mapTo(LocalDate.class).list());
        assertThat(signed).containsExactly(DAY);

        // the archive: 1 December's PDFs under its own day, none under today
        assertThat(PdfFiles.text(Files.readAllBytes(folder.resolve(ReportPdfs.HALL_FILE))))
                .contains("营业厅日报", "2026-12-01", "1001 王伟", "2001 张敏");
        assertThat(PdfFiles.text(Files.readAllBytes(folder.resolve(ReportPdfs.SERVICE_TIMES_FILE))))
                .contains("服务时限报表", "2026-12-01");
        try (var files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .anyMatch(name -> name.startsWith("cash-report-1001-"))
                    .noneMatch(name -> name.contains("corrected"));
        }
        assertThat(desk.reportArchive().day(TODAY)).doesNotExist();

        SignOffSendNow.f7SendsTheDaysToHeadOfficeNow(counter, desk, directory);
    }
}
