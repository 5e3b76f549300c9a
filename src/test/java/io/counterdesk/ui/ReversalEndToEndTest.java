package io.counterdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.app.CounterDesk;
import io.counterdesk.payment.PaymentResult;
import io.counterdesk.persistence.TestClock;
import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.printing.CapturePrinter;
import io.counterdesk.printing.CapturedJob;
import io.counterdesk.report.CashierDayReport;
import io.counterdesk.report.DayCheck;
import io.counterdesk.report.HallDayReport;
import io.counterdesk.report.ReversalNote;
import io.counterdesk.security.Operator;
import io.counterdesk.shared.Money;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A payment of a signed-off day reversed on the next day, keyboard only. Day 1 (2025-03-10, through
 * the services): cashier 1001 takes a cash payment, closes the till, the hall manager signs the day
 * off. Day 2 at the counter: 1001 logs in, opens the till, Ctrl+R, types the receipt number, Enter
 * shows the payment, F12, the reason, the manager's 工号 and password, Enter: reversed, the reversal
 * receipt prints. Both days' reports say so and tie with the journal.
 */
class ReversalEndToEndTest {

    static final LocalDate DAY1 = LocalDate.of(2025, 3, 10);

    private final TestClock clock = new TestClock(TestDatabase.START, TestDatabase.ZONE);

    @RegisterExtension
    final CounterApp program = CounterApp.demo(300).withClock(clock);

    private final CounterDriver cashier = new CounterDriver();

    @Test
    void aPaymentOfASignedOffDayIsReversedOnTheNextDayByKeys() throws Exception {
        CounterDesk desk = program.desk();
        // day 1: 王伟 takes one cash payment and closes his till in the evening; the hall manager signs the day off
        PaymentResult paid = TestBackend.dayOfOnePayment(desk, clock, at(DAY1, 17, 30));
        Money due = paid.plan().settledWithMoney();
        String number = paid.receipts().get(0).formattedNumber();
        clock.set(at(DAY1, 18, 0));
        desk.hallSignOff().signOff(desk.auth().confirmOperator("2001", "demo2001".toCharArray()), DAY1, "");
        HallDayReport signed = desk.dayReports().hallDay(program.login("2001"), DAY1);
        clock.set(at(DAY1.plusDays(1), 9, 0));
        CapturePrinter capture = program.printer();
        int jobsBefore = capture.jobs().size();

        cashier.logIn("1001", "demo1001");
        cashier.openTill("500");
        cashier.press(KeyCode.CONTROL, KeyCode.R);
        cashier.waitUntilFocused("reversal-number");
        cashier.type(Long.toString(paid.receipts().get(0).number())).press(KeyCode.ENTER);
        cashier.waitUntil("the payment shows", () -> cashier.allTexts().contains(paid.accountNo()));
        assertThat(cashier.allTexts()).contains(number, "2025-03-10", "已签核锁定", "应退现金", due.format());
        snapshot("reversal.png");

        cashier.press(KeyCode.F12);
        cashier.waitUntilFocused("topup-approval-reason");
        assertThat(cashier.allTexts()).contains("冲正票号 " + number);
        cashier.type("重复收费");
        snapshot("reversal-approval.png");
        cashier.press(KeyCode.ENTER);
        cashier.waitUntilFocused("topup-approval-staff-no");
        cashier.type("2001").press(KeyCode.ENTER);
        cashier.waitUntilFocused("topup-approval-password");
        cashier.type("demo2001").press(KeyCode.ENTER);
        cashier.waitUntil("reversed", () -> cashier.text("#reversal-message").orElse("").startsWith("已冲正"));
        assertThat(cashier.text("#reversal-message").orElseThrow()).contains("退还现金 " + due.format());
        assertThat(cashier.focusedId()).isEqualTo("reversal-number");

        List<CapturedJob> jobs = capture.awaitJobs(jobsBefore + 1, java.time.Duration.ofSeconds(10));
        String receipt = jobs.get(jobs.size() - 1).text();
        assertThat(receipt).contains("冲正收据", "冲正原票", number, "2025-03-10", "重复收费", "退还现金", "[DRAWER]");

        // the same receipt cannot be reversed twice: typed again, the screen says so
        cashier.press(KeyCode.ESCAPE);
        cashier.type(Long.toString(paid.receipts().get(0).number())).press(KeyCode.ENTER);
        cashier.waitUntil("refused", () -> cashier.text("#reversal-message").orElse("").contains("不能重复冲正"));

        Operator manager = program.login("2001");
        HallDayReport first = desk.dayReports().hallDay(manager, DAY1);
        HallDayReport second = desk.dayReports().hallDay(manager, DAY1.plusDays(1));
        assertThat(first.byTender()).isEqualTo(signed.byTender());
        assertThat(first.cashiers().get(0).corrections()).extracting(ReversalNote::correctionText)
                .singleElement().asString().startsWith("已更正：票号 " + number + " 于 2025-03-11");
        CashierDayReport today = second.cashiers().get(0);
        assertThat(today.reversals()).extracting(ReversalNote::reversalText)
                .containsExactly("冲正 2025-03-10 票号 " + number + "（重复收费，批准人 2001 张敏）");
        assertThat(today.cash().refunds()).isEqualTo(due);
        DayCheck check = new DayCheck(desk.database(), desk.dayReports());
        assertThat(check.check(DAY1).differences()).isEmpty();
        assertThat(check.check(DAY1.plusDays(1)).differences()).isEmpty();
    }

    private static Instant at(LocalDate day, int hour, int minute) {
        return LocalDateTime.of(day, LocalTime.of(hour, minute)).atZone(TestDatabase.ZONE).toInstant();
    }

    /** The screen with the original shown, for docs/screenshots/reversal.png (target/ first, looked at). */
    private void snapshot(String name) throws java.io.IOException {
        cashier.snapshot(Path.of("target", "screenshots", name));
    }
}
