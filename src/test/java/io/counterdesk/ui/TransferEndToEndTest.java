package io.counterdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.account.Account;
import io.counterdesk.account.AccountRepository;
import io.counterdesk.account.HolderPeriod;
import io.counterdesk.app.CounterDesk;
import io.counterdesk.payment.DueBill;
import io.counterdesk.printing.CapturePrinter;
import io.counterdesk.printing.CapturedJob;
import io.counterdesk.printing.EscPosDecoder;
import io.counterdesk.security.Operator;
import io.counterdesk.shared.Masking;
import io.counterdesk.shared.Money;
import java.time.Duration;
import java.util.List;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 过户 end to end, keyboard only: cashier 1001 opens the transfer screen (Ctrl+T) for a demo account
 * that owes bills, types the new holder, ticks the documents, pays the arrears in cash, checks the
 * summary (F12) and transfers (Enter). The arrears are paid with a receipt, the new holder is on the
 * account and the old one stays in the history.
 */
class TransferEndToEndTest {

    @RegisterExtension
    final CounterApp program = CounterApp.demo(50);

    private final CounterDriver cashier = new CounterDriver();

    @Test
    void transferAnAccountThatOwesAfterTakingItsArrears() throws Exception {
        cashier.logIn("1001", "demo1001");
        cashier.openTill("500");
        CounterDesk desk = program.desk();
        Operator lookup = TestBackend.login(desk, "1002");
        TestBackend.Owing owing = TestBackend.owing(desk, lookup, o -> o.bills().size() <= 6).get(0);
        Money arrears = owing.bills().stream().map(DueBill::total).reduce(Money.ZERO, Money::plus);
        String oldHolder = desk.accounts().detail(lookup, owing.accountId()).account().holder().name();
        CapturePrinter capture = program.printer();
        int jobsBefore = capture.jobs().size();

        cashier.press(KeyCode.CONTROL, KeyCode.T);
        cashier.waitUntilFocused("transfer-account-no");
        cashier.type(owing.accountNo()).press(KeyCode.ENTER);
        cashier.waitUntil("the arrears show", () -> cashier.text("#transfer-arrears").orElse("")
                .equals(arrears.format()));
        cashier.waitUntilFocused("transfer-name");
        cashier.type("陈静").press(KeyCode.ENTER);
        cashier.type("13700001111").press(KeyCode.ENTER);
        cashier.waitUntilFocused("transfer-id-type");
        cashier.press(KeyCode.ENTER);
        cashier.type("11010519491231002X").press(KeyCode.ENTER);
        cashier.waitUntilFocused("transfer-proxy");
        cashier.press(KeyCode.ENTER);
        cashier.waitUntilFocused("transfer-doc-HOLDER_ID");
        for (int i = 0; i < 3; i++) {
            cashier.press(KeyCode.SPACE).press(KeyCode.ENTER);
        }
        cashier.waitUntilFocused("transfer-cash");
        Money cash = Money.ofYuan(arrears.fen() / 100 + 1);
        cashier.type(cash.toPlainString());
        cashier.waitUntil("the change shows", () -> cashier.text("#transfer-change").orElse("")
                .equals(cash.minus(arrears).format()));

        cashier.press(KeyCode.F12);
        cashier.waitUntil("the summary shows", () -> cashier.showing("#transfer-summary"));
        assertThat(cashier.allTexts()).contains("新户主：陈静", "先收欠费 " + arrears.format());
        cashier.press(KeyCode.ENTER);
        cashier.waitUntil("the transfer is done", () -> cashier.text("#transfer-message").orElse("")
                .contains("已过户"));
        assertThat(cashier.text("#transfer-hint")).hasValue("过户已完成：F9 再打印收据和业务回执；Esc 返回。");
        assertThat(cashier.text("#transfer-key-hint")).hasValue("F9 再打印 · Esc 返回");
        assertThat(cashier.focusedId()).as("no read-only field keeps the focus").isEqualTo("transfer");

        Account account = desk.database().read(tx -> new AccountRepository().findById(tx, owing.accountId()))
                .orElseThrow();
        assertThat(account.holder().name()).isEqualTo("陈静");
        List<HolderPeriod> history = desk.database().read(tx -> new AccountRepository().holderHistory(tx,
                owing.accountId()));
        assertThat(history).extracting(h -> h.holder().name()).contains("陈静", oldHolder);
        assertThat(desk.payments().dueBills(lookup, owing.accountId())).isEmpty();
        List<CapturedJob> jobs = capture.awaitJobs(jobsBefore + 2, Duration.ofSeconds(30));
        List<String> receipt = EscPosDecoder.lines(jobs.get(jobsBefore).bytes());
        assertThat(String.join("\n", receipt)).contains(owing.accountNo(), Masking.name(oldHolder));
        // then the business confirmation for the customer to sign
        String confirmation = String.join("\n", EscPosDecoder.lines(jobs.get(jobsBefore + 1).bytes()));
        assertThat(confirmation).contains("过户业务回执", owing.accountNo(), "原户主", Masking.name(oldHolder), "新户主",
                "陈*", arrears.format().replace('¥', '￥'), "客户签字");
        cashier.waitUntil("the screen says the confirmation printed", () -> cashier.text("#transfer-message")
                .orElse("").contains("业务回执已打印"));

        // F9: both again, as copies
        cashier.press(KeyCode.F9);
        List<CapturedJob> copies = capture.awaitJobs(jobsBefore + 4, Duration.ofSeconds(30));
        assertThat(String.join("\n", EscPosDecoder.lines(copies.get(jobsBefore + 3).bytes())))
                .contains("过户业务回执", "重打");
    }
}
