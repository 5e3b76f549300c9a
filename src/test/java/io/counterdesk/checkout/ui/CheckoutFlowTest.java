package io.counterdesk.checkout.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.counterdesk.app.CounterDesk;
import io.counterdesk.checkout.CheckoutField;
import io.counterdesk.checkout.ReceiptDrafts;
import io.counterdesk.payment.DueBill;
import io.counterdesk.payment.PaymentInput;
import io.counterdesk.payment.PaymentResult;
import io.counterdesk.printing.CapturePrinter;
import io.counterdesk.printing.CapturedJob;
import io.counterdesk.printing.PaperWidth;
import io.counterdesk.printing.PreviewRenderer;
import io.counterdesk.security.Operator;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.I18n;
import io.counterdesk.shared.Money;
import io.counterdesk.ui.CurrentThreadTaskExecutor;
import io.counterdesk.ui.MessageKind;
import io.counterdesk.ui.PrinterActivity;
import io.counterdesk.ui.TestBackend;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The confirm → take → print flow that the payment and the top-up screens share, on its own: a
 * screen of its own state enum, the real back end (H2 with the demo hall, the payment service, the
 * capture printer), every background task run at once on the test's thread.
 */
class CheckoutFlowTest {

    /** A screen's state: its own constants around the checkout's steps (as the payment's LOADING). */
    enum Screen { LOADING, EDITING, CHECKING, CONFIRMING, COMMITTING, PRINTING, DONE }

    /** A screen's state without a printing step. */
    enum Incomplete { EDITING, CHECKING, CONFIRMING, COMMITTING, DONE }

    @TempDir
    Path directory;

    private CounterDesk desk;
    private Operator cashier;
    private CapturePrinter capture;
    private final ReadOnlyObjectWrapper<Screen> state = new ReadOnlyObjectWrapper<>(Screen.LOADING);
    /** Everything that happened, in order: messages, states, the screen's hooks. */
    private final List<String> events = new ArrayList<>();
    private CheckoutFlow<Screen> flow;

    @BeforeEach
    void openTheCounter() {
        desk = TestBackend.start(directory);
        cashier = TestBackend.login(desk, "1001");
        desk.tills().open(cashier, Money.ofYuan(500));
        capture = desk.printer().capturePrinter().orElseThrow();
        ReceiptRun run = new ReceiptRun(new CurrentThreadTaskExecutor(), desk.receiptPrinting(), PrinterActivity.NONE,
                new PreviewRenderer(PaperWidth.MM80), cashier);
        flow = new CheckoutFlow<>(new CurrentThreadTaskExecutor(), run, state,
                (kind, text, field) -> events.add("show " + kind + " " + field + " " + text),
                error -> CheckoutField.CARD_REFERENCE);
        state.addListener((obs, was, now) -> events.add("state " + now));
        state.set(Screen.EDITING);
        events.clear();
    }

    @AfterEach
    void close() {
        desk.close();
    }

    @Test
    void takesExactlyWhatWasConfirmedAndPrintsOnlyOnceItIsOnDiskThenReprintsAsCopies() throws Exception {
        TestBackend.Owing account = owing(0);
        PaymentInput input = cash(account, owed(account).plus(Money.ofYuan(10)));
        long before = payments();

        flow.confirm(() -> confirmation(account, input), made -> events.add("ready " + made.plan().change()));

        assertThat(state.get()).isEqualTo(Screen.CONFIRMING);
        assertThat(flow.confirmationProperty().get().input()).isEqualTo(input);
        assertThat(events).containsExactly("state CHECKING", "show INFO null " + I18n.text("ui.pay.checking"),
                "ready 10.00", "state CONFIRMING");
        assertThat(flow.busy()).isFalse();
        events.clear();

        List<PaymentResult> taken = new ArrayList<>();
        flow.commit(new CheckoutFlow.Taking<PaymentResult>("ui.pay.committing", confirmed -> {
            assertThat(state.get()).as("taken while the screen says so").isEqualTo(Screen.COMMITTING);
            assertThat(flow.busyTextProperty().get()).isEqualTo(I18n.text("ui.pay.committing"));
            return desk.payments().collect(cashier, account.accountId(), confirmed.input());
        }, List::of, result -> {
            assertThat(capture.jobs()).as("nothing printed before the screen heard it is taken").isEmpty();
            taken.add(result);
            events.add("taken");
        }, "ui.pay.refused", error -> null, printed -> events.add("printed " + printed.failed())));

        assertThat(state.get()).isEqualTo(Screen.DONE);
        assertThat(events).containsExactly("state COMMITTING", "taken", "state PRINTING", "state DONE",
                "printed false");
        Outcome outcome = flow.outcomeProperty().get();
        assertThat(outcome.result()).isEqualTo(taken.get(0));
        assertThat(outcome.allPrinted()).isTrue();
        assertThat(flow.confirmationProperty().get()).isNull();
        assertThat(flow.busyTextProperty().get()).isEmpty();
        List<CapturedJob> jobs = capture.awaitJobs(outcome.receipts().size(), Duration.ofSeconds(10));
        assertThat(jobs.get(0).text()).contains(outcome.receipts().get(0).receipt().formattedNumber());

        assertThat(flow.canPrintAgain()).isTrue();
        events.clear();
        flow.printAgain();
        List<CapturedJob> again = capture.awaitJobs(2 * outcome.receipts().size(), Duration.ofSeconds(10));
        assertThat(again.get(outcome.receipts().size()).text()).as("a marked copy").contains("重打");
        assertThat(events).hasSize(1).allMatch(e -> e.startsWith("show INFO null "));
        assertThat(flow.printingAgainProperty().get()).isFalse();
        assertThat(payments()).as("one payment, printed twice").isEqualTo(before + 1);
    }

    @Test
    void aPaymentThatLeavesMoneyOwingIsTakenOnlyOnASecondEnterThatNamesTheAmount() {
        TestBackend.Owing account = owing(0);
        PaymentInput input = cash(account, Money.ofYuan(1));
        long before = payments();
        flow.confirm(() -> confirmation(account, input), made -> { });
        Money owing = flow.confirmationProperty().get().plan().stillOwed();
        assertThat(owing.isPositive()).isTrue();

        flow.commit(collect(account));

        assertThat(state.get()).as("the first Enter only asks").isEqualTo(Screen.CONFIRMING);
        assertThat(flow.owingPromptProperty().get()).isEqualTo(I18n.text("ui.pay.confirm.owingPrompt", owing.format()));
        assertThat(payments()).isEqualTo(before);

        flow.cancelConfirmation();
        assertThat(flow.owingPromptProperty().get()).as("Esc forgets the question").isEmpty();
        assertThat(state.get()).isEqualTo(Screen.EDITING);
        flow.confirm(() -> confirmation(account, input), made -> { });
        flow.commit(collect(account));
        assertThat(state.get()).as("asked again after going back").isEqualTo(Screen.CONFIRMING);
        flow.commit(collect(account));

        assertThat(state.get()).isEqualTo(Screen.DONE);
        assertThat(flow.outcomeProperty().get().result().plan().stillOwed()).isEqualTo(owing);
        assertThat(payments()).isEqualTo(before + 1);
    }

    @Test
    void aRefusalWhileCheckingNamesItsFieldBeforeTheFormIsBack() {
        flow.confirm(() -> {
            throw new BusinessException("payment.fee.gasOnlyTopUp");
        }, made -> events.add("ready"));

        assertThat(state.get()).isEqualTo(Screen.EDITING);
        assertThat(flow.confirmationProperty().get()).isNull();
        assertThat(events).containsExactly("state CHECKING", "show INFO null " + I18n.text("ui.pay.checking"),
                "show ERROR CARD_REFERENCE " + I18n.text("payment.fee.gasOnlyTopUp"), "state EDITING");
    }

    @Test
    void aRefusalWhileTakingGoesBackToTheFormWithNothingTakenNorPrinted() {
        TestBackend.Owing account = owing(0);
        PaymentInput input = cash(account, owed(account));
        flow.confirm(() -> confirmation(account, input), made -> { });
        events.clear();

        flow.commit(new CheckoutFlow.Taking<PaymentResult>("ui.pay.committing", confirmed -> {
            throw new BusinessException("payment.slip.used", "BS-1", "2026-12-01");
        }, List::of, result -> events.add("taken"), "ui.pay.refused", error -> CheckoutField.SLIP_NUMBER,
                printed -> events.add("printed")));

        assertThat(state.get()).isEqualTo(Screen.EDITING);
        assertThat(flow.confirmationProperty().get()).isNull();
        assertThat(flow.busyTextProperty().get()).isEmpty();
        assertThat(flow.outcomeProperty().get()).isNull();
        assertThat(events).containsExactly("state COMMITTING", "state EDITING",
                "show ERROR SLIP_NUMBER " + I18n.text("ui.pay.refused", I18n.text("payment.slip.used", "BS-1", "2026-12-01")));
        assertThat(capture.jobs()).isEmpty();
        assertThat(flow.canPrintAgain()).isFalse();
    }

    @Test
    void severalPaymentsTakenAtOncePrintOneAfterTheOtherAndTheLastIsTheOutcome() throws Exception {
        TestBackend.Owing first = owing(0);
        TestBackend.Owing second = owing(1);
        PaymentInput input = cash(first, owed(first));
        flow.confirm(() -> confirmation(first, input), made -> { });
        List<PaymentResult> taken = new ArrayList<>();

        flow.commit(new CheckoutFlow.Taking<List<PaymentResult>>("ui.pay.committing",
                confirmed -> List.of(desk.payments().collect(cashier, first.accountId(), confirmed.input()),
                        desk.payments().collect(cashier, second.accountId(), cash(second, owed(second)))),
                both -> both, taken::addAll, "ui.pay.refused", error -> null, printed -> { }));

        assertThat(state.get()).isEqualTo(Screen.DONE);
        Outcome outcome = flow.outcomeProperty().get();
        assertThat(outcome.result().accountNo()).isEqualTo(second.accountNo());
        assertThat(outcome.result()).isEqualTo(taken.get(1));
        int firstReceipts = taken.get(0).receipts().size();
        List<CapturedJob> jobs = capture.awaitJobs(firstReceipts + outcome.receipts().size(), Duration.ofSeconds(10));
        assertThat(jobs.get(0).text()).as("the first payment's receipts first").contains(first.accountNo());
        assertThat(jobs.get(jobs.size() - 1).text()).contains(second.accountNo());
    }

    @Test
    void aBusinessWithPapersPrintsThemAfterItsReceiptsAndAgainAfterF9sCopies() throws Exception {
        TestBackend.Owing account = owing(0);
        PaymentInput input = cash(account, owed(account));
        flow.confirm(new Confirmation(null, input, List.of()));
        assertThat(state.get()).as("a summary made at once (opening, transfer)").isEqualTo(Screen.CONFIRMING);
        events.clear();
        List<Runnable> papersDone = new ArrayList<>();
        CheckoutFlow.Papers papers = (receipts, again, done) -> {
            events.add("papers again=" + again + " receipts=" + receipts.outcome().receipts().size() + " " + state.get());
            papersDone.add(done);
        };

        flow.commit(new CheckoutFlow.Taking<PaymentResult>("ui.pay.committing",
                confirmed -> desk.payments().collect(cashier, account.accountId(), confirmed.input()), List::of,
                result -> events.add("taken"), "ui.pay.refused", error -> null, papers, printed -> events.add("printed")));

        Outcome outcome = flow.outcomeProperty().get();
        assertThat(outcome).as("not done while the papers print").isNull();
        assertThat(flow.busy()).isTrue();
        papersDone.remove(0).run();
        outcome = flow.outcomeProperty().get();
        int receipts = outcome.receipts().size();
        assertThat(events).containsExactly("state COMMITTING", "taken", "state PRINTING",
                "papers again=false receipts=" + receipts + " PRINTING", "state DONE", "printed");
        capture.awaitJobs(receipts, Duration.ofSeconds(10));
        events.clear();

        flow.printAgain();
        List<CapturedJob> again = capture.awaitJobs(2 * receipts, Duration.ofSeconds(10));
        assertThat(again.get(receipts).text()).as("the receipts' marked copies first").contains("重打",
                outcome.receipts().get(0).receipt().formattedNumber());
        assertThat(events).as("the papers say how it went").containsExactly("papers again=true receipts=" + receipts
                + " DONE");
        assertThat(flow.busy()).as("busy until the papers are out").isTrue();
        assertThat(flow.canPrintAgain()).isFalse();
        papersDone.remove(0).run();
        assertThat(flow.busy()).isFalse();
        assertThat(flow.canPrintAgain()).isTrue();
    }

    @Test
    void aBusinessThatTookNoMoneyPrintsItsPapersAndF9PrintsThemAgain() {
        TestBackend.Owing account = owing(0);
        flow.confirm(new Confirmation(null, cash(account, Money.ZERO), List.of()));
        events.clear();
        CheckoutFlow.Papers papers = (receipts, again, done) -> {
            events.add("papers again=" + again + " outcome=" + receipts.outcome());
            done.run();
        };

        flow.commit(new CheckoutFlow.Taking<String>("ui.pay.committing", confirmed -> "opened", done -> List.of(),
                done -> events.add("taken"), "ui.pay.refused", error -> null, papers, printed -> events.add("printed")));

        assertThat(events).containsExactly("state COMMITTING", "taken", "state PRINTING",
                "papers again=false outcome=null", "state DONE", "printed");
        assertThat(flow.outcomeProperty().get()).isNull();
        assertThat(flow.canPrintAgain()).as("the papers print again").isTrue();
        events.clear();
        flow.printAgain();
        assertThat(events).containsExactly("papers again=true outcome=null");
        assertThat(capture.jobs()).as("no receipt: no money was taken").isEmpty();
        flow.forgetOutcome();
        assertThat(flow.canPrintAgain()).as("a new customer").isFalse();
    }

    @Test
    void aScreenStateWithoutEveryStepIsRefused() {
        ReceiptRun run = new ReceiptRun(new CurrentThreadTaskExecutor(), desk.receiptPrinting(), PrinterActivity.NONE,
                new PreviewRenderer(PaperWidth.MM80), cashier);
        assertThatThrownBy(() -> new CheckoutFlow<>(new CurrentThreadTaskExecutor(), run,
                new ReadOnlyObjectWrapper<>(Incomplete.EDITING), (kind, text, field) -> { }, error -> null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PRINTING");
    }

    // ---- helpers ----

    private CheckoutFlow.Taking<PaymentResult> collect(TestBackend.Owing account) {
        return new CheckoutFlow.Taking<>("ui.pay.committing",
                confirmed -> desk.payments().collect(cashier, account.accountId(), confirmed.input()), List::of,
                result -> { }, "ui.pay.refused", error -> null, printed -> { });
    }

    private Confirmation confirmation(TestBackend.Owing account, PaymentInput input) {
        return Confirmation.of(desk.payments().quote(cashier, account.accountId(), input), input,
                new ReceiptDrafts.Head(cashier.staffNo(), account.accountNo(), "李*", "", Instant.now()),
                desk.receiptPrinting().letterhead(), desk.receiptStock().ranges(cashier),
                new PreviewRenderer(PaperWidth.MM80));
    }

    private TestBackend.Owing owing(int index) {
        return TestBackend.owing(desk, cashier, a -> !a.bills().isEmpty()).get(index);
    }

    private static Money owed(TestBackend.Owing account) {
        return account.bills().stream().map(DueBill::total).reduce(Money.ZERO, Money::plus);
    }

    private static PaymentInput cash(TestBackend.Owing account, Money cash) {
        return new PaymentInput(PaymentInput.Bills.only(account.bills().stream().map(DueBill::billId).toList()),
                List.of(), cash, List.of(), List.of(), Money.ZERO, false, List.of());
    }

    private long count(String sql) {
        return desk.database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private long payments() {
        return count("SELECT COUNT(*) FROM payment");
    }
}
