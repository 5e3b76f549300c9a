package io.counterdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.counterdesk.app.CounterDesk;
import io.counterdesk.card.GasPricing;
import io.counterdesk.card.TopUpService;
import io.counterdesk.payment.PaymentInput;
import io.counterdesk.persistence.TestClock;
import io.counterdesk.report.chart.Chart;
import io.counterdesk.report.pdf.PdfFiles;
import io.counterdesk.report.pdf.ReportPdfs;
import io.counterdesk.report.ui.ChartNode;
import io.counterdesk.security.Operator;
import io.counterdesk.shared.I18n;
import io.counterdesk.shared.Money;
import io.counterdesk.till.Denomination;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 6 §6, a day at the counter end to end, keys only, on the real program and a fresh demo
 * database with the terminal's clock under the test's hand (2 December 2026, from 09:30):
 *
 * <ol>
 * <li>cashier 1001 logs in and opens the till with a 500-yuan float;</li>
 * <li>finds an account that owes, F5, pays its bills with cash (the customer talks: four minutes,
 * past the 3-minute promise), and gets change;</li>
 * <li>puts demo customer 王建国's card into the simulated reader (Ctrl+D), Ctrl+G, buys gas for 100
 * yuan in cash;</li>
 * <li>Ctrl+E: deposits 100 yuan at the bank (F3), counts the drawer blind by denomination (F4) —
 * ten yuan short — F12 shows expected against counted and the difference, F8 explains it, F12
 * closes the till;</li>
 * <li>hall manager 2001: Ctrl+H opens on yesterday (李娜's till of it is still open), PgDn shows
 * the day (the report figures with the payment and the top-up, the short till highlighted, the four
 * charts with the late payment marked), a note (F8), the own 工号 and password, Enter signs the day
 * off.</li>
 * </ol>
 *
 * Then the database: the day is locked (a further payment is refused with the lock message, and
 * the cashier cannot open a till again), and the archived PDFs in {@code reports/2026-12-02/} hold
 * the payment and the top-up. 李娜 (1002) left yesterday's till open: the only way a payment can
 * still reach the journal on the signed day, and so be refused by the lock rather than for want of
 * a till.
 */
class DayCloseEndToEndTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 2);
    private static final String CARD_ACCOUNT = "3390000001";

    private final TestClock clock = new TestClock(LocalDateTime.of(2026, 12, 1, 17, 0).atZone(ZONE).toInstant(), ZONE);

    @RegisterExtension
    final CounterApp program = CounterApp.demo(300).withClock(clock);

    private final CounterDriver counter = new CounterDriver();

    @Test
    void payTopUpDepositCountCloseAndSignTheDayOff() throws Exception {
        CounterDesk desk = program.desk();
        // yesterday evening 李娜 opened a till and never closed it
        Operator li = program.login("1002");
        desk.tills().open(li, Money.ofYuan(200));
        clock.set(LocalDateTime.of(DAY, java.time.LocalTime.of(9, 30)).atZone(ZONE).toInstant());

        // what the customers owe, from the back end, to compare the screens with
        Operator backOffice = program.login("2001");
        List<TestBackend.Owing> owing = TestBackend.owing(desk, backOffice, a -> true);
        TestBackend.Owing customer = owing.get(0);
        Money due = owed(customer);
        Money cash = Money.ofYuan(due.fen() / 10_000 * 100 + 100); // the next 100-yuan note above
        Money change = cash.minus(due);

        // 1. the cashier logs in and opens the till
        counter.logInAndOpenTill("1001", "demo1001", "500");

        // 2. find the account, F5, cash; four minutes pass while the customer asks about the bills
        counter.openPayment(customer.accountNo());
        counter.waitUntil("the amount due is " + due.format(), () -> counter.text("#pay-total-due").orElse("")
                .equals(due.format()));
        clock.advance(Duration.ofMinutes(4));
        counter.payCash("pay-cash", cash.toPlainString(), "#pay-change", change.format());
        assertThat(counter.text("#pay-result-change")).hasValue(change.format());
        counter.press(KeyCode.ESCAPE);
        counter.waitUntil("the account is read again, nothing owed", () -> counter.showing("#account-detail")
                && counter.text("#detail-arrears").orElse("").equals("¥0.00"));

        // 3. the card top-up: Ctrl+D puts 王建国's card into the simulated reader, Ctrl+G reads it
        counter.demoCard(0, KeyCode.ENTER, I18n.text("ui.demo.inserted", "王建国"));
        counter.waitUntil("the status bar sees the card", () -> counter.text("#status-card-reader").orElse("")
                .equals("读卡器：已插卡"));
        TopUpService.CardCheck check = desk.topUps().inspect(backOffice, desk.cardReader());
        Money paid = Money.ofYuan(100);
        GasPricing.GasQuote gas = desk.topUps().quoteMoney(check, paid);
        Money topUpChange = paid.minus(gas.amount());
        counter.openTopUp(CARD_ACCOUNT);
        counter.waitUntilReadyToType("topup-volume");
        counter.press(KeyCode.F4);
        counter.waitUntilFocused("topup-amount");
        counter.type("100");
        counter.waitUntil("the gas is priced", () -> counter.text("#topup-gas").orElse("").equals(gas.volumeM3() + " m³"));
        clock.advance(Duration.ofSeconds(90));
        counter.payCash("topup-cash", "100", "#topup-change", topUpChange.format());
        counter.waitUntil("the card is written", () -> counter.text("#pay-result-message").orElse("")
                .contains(I18n.text("ui.topup.written", 1, gas.volumeM3())));
        assertThat(desk.cardReader().read().issued().lastPurchaseM3()).isEqualTo(gas.volumeM3());

        // 4. the day close: deposit, blind count ten yuan short, the figures, the explanation, the close
        clock.advance(Duration.ofHours(6));
        counter.openDayClose();
        assertThat(counter.deposit("100")).contains("存款单号 王伟12-1");
        Money taken = due.plus(gas.amount());
        Money expected = Money.ofYuan(500).plus(taken).minus(Money.ofYuan(100));
        // a 10-yuan note short, every coin down to the fen counted (F4 walks all eleven denominations)
        Money counted = expected.minus(Money.ofYuan(10));
        Money difference = counted.minus(expected);
        counter.countDrawer(drawer(counted), counted.format());
        assertThat(counter.allTexts()).as("blind: nothing of the expected cash before the count is in")
                .doesNotContain("应有现金 ¥");
        counter.press(KeyCode.F12);
        counter.waitUntil("the difference shows", () -> counter.text("#day-close-message").orElse("")
                .startsWith("长短款合计 " + difference.format()));
        counter.waitForItem("#day-close-figures", "应有现金 " + expected.format());
        assertThat(counter.listItems("#day-close-figures")).contains("实点现金 " + counted.format(),
                "现金收入 " + cash.plus(paid).format(), "找零 " + change.plus(topUpChange).format(), "已存款 ¥100.00")
                .anySatisfy(l -> assertThat(l).startsWith("现金：应有 " + expected.format() + "，实有 " + counted.format()
                        + "，长短款 " + difference.format()));
        counter.press(KeyCode.F8);
        counter.waitUntilFocused("day-close-explanation");
        counter.type("找零多付十元");
        counter.press(KeyCode.F12);
        counter.waitUntil("the till is closed and its report printed", () -> counter.text("#day-close-message")
                .orElse("").equals(I18n.text("ui.dayClose.slipPrinted")));
        // issue 15: the closing cash report is read on screen by keyboard: focused, not greyed, scrolling
        counter.waitUntilFocused("day-close-figures");
        assertThat(CounterDriver.onFx(() -> counter.scene().lookup("#day-close-figures").isDisabled())).isFalse();
        assertThat(counter.visibleListItems("#day-close-figures")).as("before any scrolling")
                .anySatisfy(l -> assertThat(l).startsWith("应有现金 " + expected.format()))
                .anySatisfy(l -> assertThat(l).startsWith("实点现金 " + counted.format()));
        counter.press(KeyCode.END);
        List<String> report = counter.listItems("#day-close-figures");
        assertThat(counter.visibleListItems("#day-close-figures")).as("End shows the last line")
                .contains(report.get(report.size() - 1));
        assertThat(report).anySatisfy(l -> assertThat(l).contains("长短款"));
        assertThat(counter.listItems("#day-close-figures")).contains(
                I18n.text("report.business.IC_TOPUP") + " " + gas.amount().format(),
                I18n.text("report.tender.CASH") + " ×2 " + taken.format());
        assertThat(count(desk, "SELECT COUNT(*) FROM till_session WHERE business_day = :d AND status = 'CLOSED'"))
                .isEqualTo(1);

        // 5. the hall manager: Ctrl+L, log in without a till, Ctrl+H
        counter.press(KeyCode.ESCAPE);
        counter.logInWithoutTill("2001", "demo2001");
        counter.press(KeyCode.CONTROL, KeyCode.H);
        counter.waitUntilFocused("signoff-staff-no");
        // it opens on yesterday, not signed off: 李娜's till of yesterday is still open; PgDn is today
        counter.waitUntil("yesterday with 李娜's open till", () -> counter.allTexts().contains("1002 李娜")
                && counter.text("#signoff-message").orElse("").equals(I18n.text("ui.signOff.openTills", "1002 李娜")));
        assertThat(counter.text("#signoff-heading")).hasValue("营业厅签核 · 2026-12-01（昨日，尚未签核）");
        counter.press(KeyCode.PAGE_DOWN);
        counter.waitUntil("today is shown", () -> counter.text("#signoff-heading").orElse("")
                .equals("营业厅签核 · 2026-12-02（今日，尚未签核）"));
        String topUps = I18n.text("ui.signOff.topUps", 1, gas.volumeM3(), gas.amount().format());
        counter.waitUntil("the report, the totals and the charts are in", () -> counter.allTexts().contains("1001 王伟")
                && counter.text("#signoff-totals").orElse("").contains(topUps) && counter.charts().size() == 4);
        assertThat(counter.allTexts()).contains("已结账", expected.format(), counted.format(), "找零多付十元");
        assertThat(counter.text("#signoff-totals")).hasValueSatisfying(t -> assertThat(t)
                .contains("现金 ×2  " + taken.format(), "存款 ¥100.00", "长短款合计 " + difference.format()));
        ChartNode serviceTimes = counter.charts().stream()
                .filter(c -> c.chart().title().equals(I18n.text("pdf.chart.serviceTimes"))).findFirst().orElseThrow();
        String latePayment = I18n.text("pdf.chart.serviceTimes.late", I18n.text("ui.serviceTime.business.PAYMENT"), 1);
        Chart times = serviceTimes.chart();
        assertThat(times.labels()).contains(latePayment, I18n.text("ui.serviceTime.business.TOP_UP"));
        assertThat(times.value(0, latePayment)).isEqualTo(4);
        assertThat(times.value(2, latePayment)).isEqualTo(3);
        assertThat(CounterDriver.onFx(serviceTimes::markedShown)).containsExactly(latePayment);
        assertThat(counter.charts()).extracting(c -> c.chart().title()).contains(I18n.text("pdf.chart.byBusiness"));

        counter.press(KeyCode.F8);
        counter.waitUntilFocused("signoff-note");
        counter.type("王伟短款十元已说明").press(KeyCode.ENTER);
        counter.waitUntilFocused("signoff-staff-no");
        counter.type("2001").press(KeyCode.ENTER);
        counter.waitUntilFocused("signoff-password");
        counter.type("demo2001");
        snapshot();
        counter.press(KeyCode.ENTER);
        // today, before the hall closes: the first Enter only says what signing today off does
        counter.waitUntil("the screen says what signing today off means", () -> counter.text("#signoff-message")
                .orElse("").startsWith("签核今日（2026-12-02）后，今天所有收费员都不能再开钱箱、收款或办理任何业务"));
        assertThat(counter.text("#signoff-message")).hasValueSatisfying(t -> assertThat(t).contains("1001 王伟"));
        assertThat(count(desk, "SELECT COUNT(*) FROM day_signoff WHERE business_day = :d")).isZero();
        counter.press(KeyCode.ENTER);
        counter.waitUntil("the day is signed off and its PDFs written", () -> counter.text("#signoff-message").orElse("")
                .contains("份报表 PDF 已存入"));

        // the database: signed, locked
        assertThat(count(desk, "SELECT COUNT(*) FROM day_signoff WHERE business_day = :d")).isEqualTo(1);
        TestBackend.Owing next = owing.get(1);
        long payments = count(desk, "SELECT COUNT(*) FROM payment WHERE business_day = :d");
        Throwable refused = catchThrowable(() -> desk.payments().collect(li, next.accountId(),
                PaymentInput.cash(Money.ofYuan(1_000))));
        assertThat(refused).hasMessage(I18n.text("day.locked", DAY.toString()));
        assertThat(count(desk, "SELECT COUNT(*) FROM payment WHERE business_day = :d")).isEqualTo(payments).isEqualTo(2);

        // the archive: the day's PDFs hold the payment and the top-up
        Path folder = desk.reportArchive().day(DAY);
        String hall = PdfFiles.text(Files.readAllBytes(folder.resolve(ReportPdfs.HALL_FILE)));
        assertThat(hall).contains("营业厅日报", "现金 2 " + taken.format(), "IC卡购气 1 " + gas.volumeM3() + " "
                + gas.amount().format(), "服务用时与承诺（分钟）", latePayment);
        Path cashReport;
        try (var files = Files.list(folder)) {
            cashReport = files.filter(f -> f.getFileName().toString().startsWith("cash-report-1001-")).findFirst()
                    .orElseThrow();
        }
        assertThat(PdfFiles.text(Files.readAllBytes(cashReport))).contains("营业厅现金日报表", "1001 王伟",
                "现金 2 " + taken.format(), "IC卡购气 1 " + gas.volumeM3() + " " + gas.amount().format(),
                "应有现金 " + expected.format(), "实点现金 " + counted.format());
        assertThat(PdfFiles.text(Files.readAllBytes(folder.resolve(ReportPdfs.SERVICE_TIMES_FILE))))
                .contains("服务时限报表", "缴费 1 0 1 4:00 4:00 3 分钟", "account:" + customer.accountNo());

        // and at the counter: the cashier cannot open a till on the signed day
        counter.press(KeyCode.CONTROL, KeyCode.L);
        counter.logIn("1001", "demo1001");
        counter.waitUntilFocused("till-float");
        counter.type("500").press(KeyCode.ENTER);
        counter.waitUntil("the till is refused", () -> counter.text("#till-message").orElse("")
                .contains(I18n.text("day.locked", DAY.toString())));
    }

    private static Money owed(TestBackend.Owing customer) {
        return customer.bills().stream().map(b -> b.outstanding().plus(b.lateFee())).reduce(Money.ZERO, Money::plus);
    }

    /** A count of the test day's rows. */
    private static long count(CounterDesk desk, String sql) {
        return desk.database().jdbi().withHandle(h -> h.createQuery(sql).bind("d", DAY).mapTo(Long.class).one());
    }

    /** The drawer as the cashier counts it: {@code amount} in the largest notes first. */
    private static Map<Denomination, Integer> drawer(Money amount) {
        Map<Denomination, Integer> pieces = new EnumMap<>(Denomination.class);
        long left = amount.fen();
        for (Denomination d : Denomination.values()) {
            pieces.put(d, (int) (left / d.faceValue().fen()));
            left %= d.faceValue().fen();
        }
        return pieces;
    }

    /** The manager's screen before the sign-off, for docs/screenshots/hall-signoff.png (target/ first, looked at). */
    private void snapshot() throws java.io.IOException {
        counter.snapshot(Path.of("target", "screenshots", "hall-signoff.png"));
    }
}
