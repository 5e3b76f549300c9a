package io.counterdesk.checkout.ui;

import io.counterdesk.checkout.CheckoutField;
import io.counterdesk.payment.PaymentResult;
import io.counterdesk.shared.I18n;
import io.counterdesk.ui.BackgroundTask;
import io.counterdesk.ui.MessageKind;
import io.counterdesk.ui.TaskExecutor;
import io.counterdesk.ui.UiErrors;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The confirm → take → print flow of a screen that takes money, one for the payment, the gas top-up,
 * the opening and the transfer (ADR 0025): F12 makes the confirmation in the background
 * ({@link #confirm}; or at once from rules already read, the opening's and transfer's summary), Esc goes back
 * to the form as typed ({@link #cancelConfirmation}), Enter takes exactly what was confirmed on a
 * background thread — a payment that leaves money owing only on a second Enter that names the amount —
 * and only once it is on disk are its receipts printed ({@link #commit}); F9 prints what the printer
 * missed, or marked copies ({@link #printAgain}); a business that prints papers of its own after the
 * receipts (the opening's and transfer's confirmation, {@link Papers}) prints them then, and again on F9.
 * It keeps the records of the flow: the confirmation, the outcome, the busy text, the owing question.
 *
 * <p>The screen keeps its own state enum (the payment's loading, the top-up's card reading and open
 * write around it); the flow moves it through the constants named as its {@link Step}s, so the
 * screen's state stays the one truth views and tests look at.
 *
 * @param <S> the screen's state enum: it has a constant named as each {@link Step}
 */
public final class CheckoutFlow<S extends Enum<S>> {

    /** The steps of a checkout, each a constant of the same name in the screen's state. */
    public enum Step {
        /** The cashier types; quotes follow. */
        EDITING,
        /** F12: the final quote and the receipt drafts are being made. */
        CHECKING,
        /** The confirmation shows what will be printed; Enter takes it, Esc goes back. */
        CONFIRMING,
        /** The service is taking the money. */
        COMMITTING,
        /** Taken and on disk; the receipts are being printed. */
        PRINTING,
        /** Taken; the receipts printed, or kept unprinted for F9. */
        DONE
    }

    /** The screen's message line: a text and the field it is about (null: none). */
    @FunctionalInterface
    public interface Messages {
        void show(MessageKind kind, String text, CheckoutField field);
    }

    /** The service call that takes the confirmed money (on a background thread). */
    @FunctionalInterface
    public interface Take<T> {
        T take(Confirmation confirmed) throws Exception;
    }

    /**
     * What a business prints after the receipts of its money (the opening's and the transfer's business
     * confirmation, the opening's application form): run once the receipts are out (or at once when no
     * money was taken, {@code receipts.outcome()} null), and again after F9's receipts ({@code again});
     * it says on the screen how it all went and runs {@code done} when finished.
     */
    @FunctionalInterface
    public interface Papers {
        /** Nothing after the receipts (the payment, the top-up). */
        Papers NONE = (receipts, again, done) -> done.run();

        void print(ReceiptRun.Printed receipts, boolean again, Runnable done);
    }

    /**
     * How a screen takes its money: the busy text while taking ({@code busyKey}), the call itself, which
     * payments' receipts print in order ({@code receipts}), what the screen does once it is taken and
     * before printing ({@code taken}: reads the account again, notes the card write), the refusal's text
     * ({@code refusedKey}, with the reason) and field, what it prints after the receipts ({@code papers}) and
     * what it says once printed ({@code printed}).
     */
    public record Taking<T>(String busyKey, Take<T> take, Function<T, List<PaymentResult>> receipts,
                            Consumer<T> taken, String refusedKey, Function<Throwable, CheckoutField> refusedField,
                            Papers papers, Consumer<ReceiptRun.Printed> printed) {

        /** A business that prints only the receipts of its money. */
        public Taking(String busyKey, Take<T> take, Function<T, List<PaymentResult>> receipts, Consumer<T> taken,
                      String refusedKey, Function<Throwable, CheckoutField> refusedField,
                      Consumer<ReceiptRun.Printed> printed) {
            this(busyKey, take, receipts, taken, refusedKey, refusedField, Papers.NONE, printed);
        }

        public Taking {
            Objects.requireNonNull(papers);
            Objects.requireNonNull(busyKey);
            Objects.requireNonNull(take);
            Objects.requireNonNull(receipts);
            Objects.requireNonNull(taken);
            Objects.requireNonNull(refusedKey);
            Objects.requireNonNull(refusedField);
            Objects.requireNonNull(printed);
        }
    }

    private final TaskExecutor executor;
    private final ReceiptRun receiptRun;
    private final ReadOnlyObjectWrapper<S> state;
    private final Class<S> states;
    private final Messages messages;
    private final Function<Throwable, CheckoutField> fieldOf;

    private final ReadOnlyObjectWrapper<Confirmation> confirmation = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper busyText = new ReadOnlyStringWrapper("");
    /** A partial payment's question before it is taken (issue 15 §2): empty, or "尚欠 ￥X … 再按 Enter". */
    private final ReadOnlyStringWrapper owingPrompt = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper printingAgain = new ReadOnlyBooleanWrapper(false);
    /** The papers of the business last taken, printed again on F9. */
    private Papers papers = Papers.NONE;

    /**
     * @param state    the screen's state, moved by the flow through the constants named as the steps
     * @param messages the screen's message line
     * @param fieldOf  the field a refusal while checking is about (null: none)
     */
    public CheckoutFlow(TaskExecutor executor, ReceiptRun receiptRun, ReadOnlyObjectWrapper<S> state,
                        Messages messages, Function<Throwable, CheckoutField> fieldOf) {
        this.executor = Objects.requireNonNull(executor);
        this.receiptRun = Objects.requireNonNull(receiptRun);
        this.state = Objects.requireNonNull(state);
        this.states = state.get().getDeclaringClass();
        this.messages = Objects.requireNonNull(messages);
        this.fieldOf = Objects.requireNonNull(fieldOf);
        for (Step step : Step.values()) {
            Enum.valueOf(states, step.name()); // the screen's state has every step
        }
    }

    /** Whether the screen is at {@code step}. */
    public boolean at(Step step) {
        return state.get().name().equals(step.name());
    }

    private void to(Step step) {
        state.set(Enum.valueOf(states, step.name()));
    }

    /** True while checking, taking or printing (also again): the screen may not be left nor the form changed. */
    public boolean busy() {
        return at(Step.CHECKING) || at(Step.COMMITTING) || at(Step.PRINTING) || printingAgain.get();
    }

    /**
     * F12 on a form the screen has read and found complete: {@code make} quotes it once more and lays
     * out its receipts in the background; then {@code ready} (the screen shows the final figures) and
     * the confirmation ({@link Step#CONFIRMING}) — or the refusal on the message line, the field it
     * names set before the screen is back at {@link Step#EDITING} (so the view focuses it).
     */
    public void confirm(Callable<Confirmation> make, Consumer<Confirmation> ready) {
        if (!at(Step.EDITING)) {
            return;
        }
        to(Step.CHECKING);
        messages.show(MessageKind.INFO, I18n.text("ui.pay.checking"), null);
        BackgroundTask.of(make).onSuccess(made -> {
            if (!at(Step.CHECKING)) {
                return;
            }
            ready.accept(made);
            owingPrompt.set("");
            confirmation.set(made);
            to(Step.CONFIRMING);
        }).onFailure(error -> {
            if (at(Step.CHECKING)) {
                messages.show(MessageKind.ERROR, UiErrors.text(error), fieldOf.apply(error));
                to(Step.EDITING);
            }
        }).executeWith(executor);
    }

    /**
     * F12 on a form whose confirmation is made at once, from rules already read (the opening's and the
     * transfer's summary; {@code made.plan()} null when the form shows its own figures): straight to
     * {@link Step#CONFIRMING}.
     */
    public void confirm(Confirmation made) {
        if (!at(Step.EDITING)) {
            return;
        }
        owingPrompt.set("");
        confirmation.set(Objects.requireNonNull(made));
        to(Step.CONFIRMING);
    }

    /** Esc in the confirmation: back to the form, everything as typed. */
    public void cancelConfirmation() {
        owingPrompt.set("");
        if (at(Step.CONFIRMING)) {
            confirmation.set(null);
            to(Step.EDITING);
            messages.show(MessageKind.NONE, "", null);
        }
    }

    /**
     * Enter in the confirmation: takes exactly what was confirmed. Once the service returns it is
     * on disk with its receipt numbers, and only then do the receipts print. A refusal goes back to
     * the form with everything as typed and the reason on the message line.
     */
    public <T> void commit(Taking<T> taking) {
        Confirmation confirmed = confirmation.get();
        if (!at(Step.CONFIRMING) || confirmed == null) {
            return;
        }
        // a payment that leaves money owing is taken only on a second Enter that names the amount
        if (confirmed.plan() != null && confirmed.plan().stillOwed().isPositive() && owingPrompt.get().isEmpty()) {
            owingPrompt.set(I18n.text("ui.pay.confirm.owingPrompt", confirmed.plan().stillOwed().format()));
            return;
        }
        owingPrompt.set("");
        to(Step.COMMITTING);
        busyText.set(I18n.text(taking.busyKey()));
        BackgroundTask.of(() -> taking.take().take(confirmed))
                .onSuccess(result -> {
                    List<PaymentResult> toPrint = taking.receipts().apply(result);
                    try {
                        taking.taken().accept(result);
                    } finally {
                        to(Step.PRINTING);
                        busyText.set(I18n.text("ui.pay.printing"));
                        papers = taking.papers();
                        print(toPrint, 0, taking.printed());
                    }
                })
                .onFailure(error -> {
                    confirmation.set(null);
                    busyText.set("");
                    to(Step.EDITING);
                    messages.show(MessageKind.ERROR, I18n.text(taking.refusedKey(), UiErrors.text(error)),
                            taking.refusedField().apply(error));
                })
                .executeWith(executor);
    }

    /**
     * Prints the payments' receipts one payment after the other, then the business's papers; the last
     * payment's run is the outcome (none when no money was taken).
     */
    private void print(List<PaymentResult> payments, int index, Consumer<ReceiptRun.Printed> printed) {
        if (payments.isEmpty()) {
            printed(ReceiptRun.Printed.NOTHING, printed);
            return;
        }
        receiptRun.print(payments.get(index), run -> {
            if (index + 1 < payments.size()) {
                print(payments, index + 1, printed);
                return;
            }
            printed(run, printed);
        });
    }

    private void printed(ReceiptRun.Printed run, Consumer<ReceiptRun.Printed> printed) {
        papers.print(run, false, () -> {
            confirmation.set(null);
            busyText.set("");
            outcome.set(run.outcome());
            to(Step.DONE);
            printed.accept(run);
        });
    }

    /** Whether F9 applies: taken, with receipts or papers to print, and not already printing again. */
    public boolean canPrintAgain() {
        return at(Step.DONE) && (outcome.get() != null || papers != Papers.NONE) && !printingAgain.get();
    }

    /**
     * F9 on the result: prints the receipts the printer did not print (same numbers, as originals);
     * once all are out, prints marked copies (重打); then the business's papers again. The outcome follows,
     * the message line says how it went (the papers say it when there are any).
     */
    public void printAgain() {
        if (!canPrintAgain()) {
            return;
        }
        printingAgain.set(true);
        receiptRun.printAgain(outcome.get(), run -> {
            if (run.outcome() != null) {
                outcome.set(run.outcome());
            }
            if (papers == Papers.NONE) {
                messages.show(run.failed() ? MessageKind.ERROR : MessageKind.INFO, run.message(), null);
            }
            papers.print(run, true, () -> printingAgain.set(false));
        });
    }

    /** A new customer on the same screen: the last outcome is forgotten. */
    public void forgetOutcome() {
        outcome.set(null);
        papers = Papers.NONE;
    }

    /** The receipt run the flow prints through (a screen's other money back, e.g. a card refund). */
    public ReceiptRun receiptRun() {
        return receiptRun;
    }

    public ReadOnlyObjectProperty<Confirmation> confirmationProperty() {
        return confirmation.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty busyTextProperty() {
        return busyText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty owingPromptProperty() {
        return owingPrompt.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty printingAgainProperty() {
        return printingAgain.getReadOnlyProperty();
    }
}
