package io.counterdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.app.CounterDesk;
import io.counterdesk.payment.PaymentInput;
import io.counterdesk.payment.PaymentPlan;
import io.counterdesk.printing.CapturePrinter;
import io.counterdesk.printing.CapturedJob;
import io.counterdesk.security.Operator;
import io.counterdesk.shared.Money;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 15 §2, by keys: a payment that takes less than is due shows 尚欠 as large as 找零 in the
 * warning colour, and the first Enter in the confirmation takes nothing — it names the amount left
 * owing and asks again; the second Enter takes the partial payment.
 */
class PartialPaymentEndToEndTest {

    @RegisterExtension
    final CounterApp program = CounterApp.demo(500);

    private final CounterDriver cashier = new CounterDriver();

    @Test
    void aPaymentShortOfWhatIsDueNamesTheAmountLeftOwingAndTakesASecondEnter() throws Exception {
        cashier.logInAndOpenTill("1001", "demo1001", "500");
        CounterDesk desk = program.desk();
        Operator backOffice = program.login("1001");
        TestBackend.Owing account = TestBackend.owing(desk, backOffice,
                a -> a.bills().stream().map(b -> b.total()).reduce(Money.ZERO, Money::plus)
                        .compareTo(Money.ofYuan(20)) > 0).get(0);
        Money cash = Money.ofYuan(10);
        PaymentPlan expected = desk.payments().quote(backOffice, account.accountId(), PaymentInput.cash(cash));
        assertThat(expected.stillOwed().isPositive()).isTrue();
        long paymentsBefore = payments();
        CapturePrinter capture = program.printer();
        int jobsBefore = capture.jobs().size();

        cashier.search(account.accountNo());
        cashier.openWithEnter();
        cashier.payBills(account.accountNo());
        cashier.enterCash("pay-cash", cash.toPlainString(), "#pay-still-owed", expected.stillOwed().format());
        assertThat(fontSize("#pay-still-owed")).as("尚欠 as large as 找零").isEqualTo(fontSize("#pay-change"));
        assertThat(CounterDriver.onFx(() -> cashier.scene().lookup("#pay-still-owed").getStyleClass()))
                .contains("pay-figure-owing");

        cashier.askToConfirm();
        assertThat(cashier.text("#confirm-still-owed")).hasValue(expected.stillOwed().format());
        assertThat(fontSize("#confirm-still-owed")).isEqualTo(fontSize("#confirm-change"));
        assertThat(cashier.showing("#pay-confirm-owing")).isFalse();

        // the first Enter takes nothing: it names what will still be owed
        cashier.press(KeyCode.ENTER);
        cashier.waitUntil("the owing question shows", () -> cashier.showing("#pay-confirm-owing"));
        assertThat(cashier.text("#pay-confirm-owing")).hasValueSatisfying(t -> assertThat(t)
                .contains("尚欠 " + expected.stillOwed().format()).contains("再按 Enter"));
        assertThat(cashier.showing("#pay-confirmation")).isTrue();
        assertThat(payments()).isEqualTo(paymentsBefore);
        assertThat(capture.jobs()).hasSize(jobsBefore);

        // the second Enter takes it
        cashier.takeMoney();
        assertThat(payments()).isEqualTo(paymentsBefore + 1);
        List<CapturedJob> jobs = capture.awaitJobs(jobsBefore + 1, Duration.ofSeconds(30));
        assertThat(jobs.get(jobsBefore).text()).contains("尚欠", expected.stillOwed().format().replace('¥', '￥'));
    }

    private double fontSize(String id) {
        return CounterDriver.onFx(() -> ((Label) cashier.scene().lookup(id)).getFont().getSize());
    }

    private long payments() {
        return program.desk().database().read(tx -> tx.handle().createQuery("SELECT COUNT(*) FROM payment")
                .mapTo(Long.class).one());
    }
}
