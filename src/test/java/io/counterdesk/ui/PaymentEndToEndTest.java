package io.counterdesk.ui;

import io.counterdesk.checkout.Tenders;
import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.app.CounterDesk;
import io.counterdesk.payment.PaymentInput;
import io.counterdesk.payment.PaymentPlan;
import io.counterdesk.payment.VoucherBatch;
import io.counterdesk.payment.ui.PaymentViewModel;
import io.counterdesk.printing.CapturePrinter;
import io.counterdesk.printing.CapturedJob;
import io.counterdesk.security.Operator;
import io.counterdesk.shared.I18n;
import io.counterdesk.shared.Money;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 3 §6 end to end, keyboard only: the real program on a fresh demo database; cashier 1001
 * logs in, opens the till, finds an account that owes exactly two bills, presses F5, pays both with
 * gas vouchers and cash, checks the confirmation and takes the payment. The capture printer must
 * then hold the voucher check slip 00010001 and the cash check slip 00010002 with the lines and the
 * change the payment service itself works out for the same input (asked before confirming).
 */
class PaymentEndToEndTest {

    private static final int VOUCHERS = 2;

    @RegisterExtension
    final CounterApp program = CounterApp.demo(500);

    private final CounterDriver cashier = new CounterDriver();

    @Test
    void findAccountPayTwoBillsWithVouchersAndCashAndTheCheckSlipsPrintWithNumbersLinesAndChange() throws Exception {
        cashier.logInAndOpenTill("1001", "demo1001", "500");

        // the customer and the figures, from the back end: an account owing exactly two bills today
        CounterDesk desk = program.desk();
        Operator backOffice = program.login("1001");
        TestBackend.Owing account = TestBackend.owing(desk, backOffice,
                a -> a.bills().size() == 2 && a.voucherCap() >= VOUCHERS).get(0);
        LocalDate validThrough = Tenders.endOfQuarter(LocalDate.now(program.config().clock()));
        PaymentPlan vouchersOnly = desk.payments().quote(backOffice, account.accountId(), input(validThrough, Money.ZERO));
        Money moneyDue = vouchersOnly.totalDue().minus(vouchersOnly.voucherValue());
        Money cash = Money.ofYuan(moneyDue.fen() / 10_000 * 100 + 100); // the next ¥100 note above
        PaymentPlan expected = desk.payments().quote(backOffice, account.accountId(), input(validThrough, cash));
        assertThat(expected.voucherM3()).isEqualTo(VOUCHERS * 5L);
        assertThat(expected.stillOwed()).isEqualTo(Money.ZERO);
        assertThat(expected.change()).isEqualTo(cash.minus(moneyDue)).isGreaterThan(Money.ZERO);
        CapturePrinter capture = program.printer();
        int jobsBefore = capture.jobs().size();

        // find the account and open it
        cashier.search(account.accountNo());
        assertThat(cashier.text("#search-status")).hasValue("找到 1 户");
        cashier.openWithEnter();
        assertThat(cashier.text("#detail-account-no")).hasValue(account.accountNo());

        // F5: the payment screen, the focus in the cash field
        cashier.payBills(account.accountNo());

        // vouchers: Ctrl+4, count, Enter, face value, Enter, valid through
        cashier.enterVouchers("pay", VOUCHERS, "0", validThrough.toString());

        // cash: Ctrl+1, the amount; the figures follow as typed (唱收唱付)
        cashier.enterCash("pay-cash", cash.toPlainString(), "#pay-change", expected.change().format());
        assertThat(cashier.text("#pay-total-due")).hasValue(expected.totalDue().format());
        assertThat(cashier.text("#pay-money-due")).hasValue(moneyDue.format());
        assertThat(cashier.text("#pay-received")).hasValue(cash.format());
        assertThat(cashier.text("#pay-voucher-settled")).hasValueSatisfying(t -> assertThat(t)
                .contains(expected.voucherValue().format()).contains(VOUCHERS * 5 + " m³"));

        // F12: what will be printed, before anything is taken
        cashier.askToConfirm();
        assertThat(cashier.text("#pay-confirm-receipts")).hasValueSatisfying(t -> assertThat(t)
                .contains("燃气票核对单 · 预计票号 00010001").contains("现金核对单 · 预计票号 00010002"));
        assertThat(cashier.text("#confirm-change")).hasValue(expected.change().format());
        assertThat(capture.jobs()).as("nothing printed before the payment is taken").hasSize(jobsBefore);

        // Enter: taken, then printed
        cashier.takeMoney();
        List<CapturedJob> jobs = capture.awaitJobs(jobsBefore + 2, Duration.ofSeconds(30));
        List<String> voucherSlip = jobs.get(jobsBefore).lines();
        List<String> cashSlip = jobs.get(jobsBefore + 1).lines();
        System.out.println("account " + account.accountNo() + ", cash " + cash.format() + ", expected " + expected);
        System.out.println(jobs.get(jobsBefore).text() + "\n\n" + jobs.get(jobsBefore + 1).text());

        assertThat(String.join("\n", voucherSlip)).contains("燃气票核对单", account.accountNo(), "燃气票 " + VOUCHERS + " 张")
                .doesNotContain("找零").doesNotContain("[DRAWER]");
        assertThat(line(voucherSlip, I18n.text("receipt.print.number"))).endsWith("00010001");
        List<PaymentPlan.Line> byVoucher = expected.lines().stream()
                .filter(l -> l.kind() == PaymentPlan.LineKind.PRINCIPAL_BY_VOUCHER).toList();
        assertThat(byVoucher).isNotEmpty();
        for (PaymentPlan.Line l : byVoucher) {
            assertThat(line(voucherSlip, I18n.text("receipt.line.PRINCIPAL_BY_VOUCHER", l.label()) + " "
                    + l.volumeM3() + " m3")).endsWith(" " + l.amount().toPlainString());
        }

        assertThat(String.join("\n", cashSlip)).contains("现金核对单", account.accountNo(), "[DRAWER]");
        assertThat(line(cashSlip, I18n.text("receipt.print.number"))).endsWith("00010002");
        List<PaymentPlan.Line> byMoney = expected.lines().stream()
                .filter(l -> l.kind() == PaymentPlan.LineKind.LATE_FEE || l.kind() == PaymentPlan.LineKind.PRINCIPAL)
                .toList();
        assertThat(byMoney).as("late fees and principal paid in cash").isNotEmpty();
        for (PaymentPlan.Line l : byMoney) {
            assertThat(line(cashSlip, I18n.text("receipt.line." + l.kind().name(), l.label())))
                    .endsWith(" " + l.amount().toPlainString());
        }
        assertThat(line(cashSlip, I18n.text("receipt.tender.CASH"))).endsWith(" " + cash.toPlainString());
        assertThat(line(cashSlip, I18n.text("receipt.print.change")))
                .endsWith(expected.change().format().replace('¥', '￥'));

        // on screen: the change to hand back and both receipts printed
        assertThat(cashier.text("#pay-result-change")).hasValue(expected.change().format());
        assertThat(cashier.text("#pay-result-receipt-0")).hasValueSatisfying(t -> assertThat(t)
                .contains("燃气票核对单", "00010001", "已打印"));
        assertThat(cashier.text("#pay-result-receipt-1")).hasValueSatisfying(t -> assertThat(t)
                .contains("现金核对单", "00010002", "已打印"));

        // Esc: back on the account, read again: nothing owed any more
        cashier.press(KeyCode.ESCAPE);
        String arrearsNow = desk.accounts().detail(backOffice, account.accountId()).arrears().format();
        cashier.waitUntil("the account is read again", () -> cashier.showing("#account-detail")
                && cashier.text("#detail-arrears").orElse("").equals(arrearsNow));
        assertThat(arrearsNow).isEqualTo("¥0.00");
    }

    private PaymentInput input(LocalDate validThrough, Money cash) {
        return new PaymentInput(PaymentInput.Bills.ALL, List.of(), cash, List.of(),
                List.of(new VoucherBatch(VOUCHERS, Money.ZERO, validThrough)), Money.ZERO, false, List.of());
    }

    /** The printed line that starts with {@code start} (labels are padded to the amount on the right). */
    private static String line(List<String> lines, String start) {
        return lines.stream().filter(l -> l.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with " + start + " in\n" + String.join("\n", lines)));
    }
}
