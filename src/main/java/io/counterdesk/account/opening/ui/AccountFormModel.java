package io.counterdesk.account.opening.ui;

import io.counterdesk.account.opening.Document;
import io.counterdesk.checkout.ui.CheckoutFlow;
import io.counterdesk.checkout.ui.Confirmation;
import io.counterdesk.checkout.ui.ReceiptRun;
import io.counterdesk.payment.PaymentInput;
import io.counterdesk.payment.PaymentPlan;
import io.counterdesk.payment.PaymentResult;
import io.counterdesk.shared.ChineseAmount;
import io.counterdesk.shared.I18n;
import io.counterdesk.shared.Money;
import io.counterdesk.ui.MessageKind;
import io.counterdesk.ui.ServiceClock;
import io.counterdesk.ui.TaskExecutor;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the account forms (opening 开户, transfer 过户) hold alike: a text per typed field, the documents
 * the case needs and which of them are ticked, the money received and the change to call out, the message
 * with the field it blames, the summary's lines, the checkout the four money screens share
 * ({@link CheckoutFlow}: the summary is its confirmation, Enter takes the business with its money, the
 * receipts print once it is committed and then the business's own papers, again with F9), and the
 * business's service-time clock (abandoned when the screen is left unfinished). Each form's own facts,
 * checks and steps stay in it.
 *
 * @param <F> the form's inputs
 * @param <S> the screen's state: its own constants around the checkout's steps
 */
public abstract class AccountFormModel<F extends Enum<F>, S extends Enum<S>> {

    private final Map<F, StringProperty> text;
    private final Map<Document, BooleanProperty> ticked = new EnumMap<>(Document.class);
    private final ObservableList<Document> required = FXCollections.observableArrayList();
    /** Held here: a list listener on a read-only view taken anew each call is lost when that view is collected. */
    private final ObservableList<Document> requiredReadOnly = FXCollections.unmodifiableObservableList(required);
    private final ReadOnlyStringWrapper received = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper change = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper changeInWords = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<MessageKind> messageKind = new ReadOnlyObjectWrapper<>(MessageKind.NONE);
    private final ReadOnlyObjectWrapper<F> invalidField = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> summary = FXCollections.observableArrayList();
    /** Held here: a list listener on a read-only view taken anew each call is lost when that view is collected. */
    private final ObservableList<String> summaryReadOnly = FXCollections.unmodifiableObservableList(summary);
    private final ReadOnlyObjectWrapper<S> state;
    private final CheckoutFlow<S> checkout;
    private final ServiceClock.Timing timing;
    private boolean disposed;

    /**
     * A text for every input but {@code ticks} (the documents, which are ticked, not typed); the screen
     * starts in {@code initial}; receipts print through {@code receiptRun}; {@code timing} is the clock of
     * this business, started.
     */
    protected AccountFormModel(Class<F> inputs, F ticks, S initial, TaskExecutor executor, ReceiptRun receiptRun,
                               ServiceClock.Timing timing) {
        this.state = new ReadOnlyObjectWrapper<>(initial);
        // a refusal is the business's as a whole: it names no field of the form
        this.checkout = new CheckoutFlow<>(executor, receiptRun, state, (kind, said, field) -> show(kind, said, null),
                error -> null);
        this.timing = Objects.requireNonNull(timing);
        text = new EnumMap<>(inputs);
        for (F f : inputs.getEnumConstants()) {
            if (f != ticks) {
                text.put(f, new SimpleStringProperty(""));
            }
        }
        for (Document d : Document.values()) {
            ticked.put(d, new SimpleBooleanProperty(false));
        }
    }

    /**
     * What Esc would throw away while the form is filled in ({@code editing}): the texts typed and the
     * documents ticked, empty when nothing (the shell then asks before leaving, {@code Screen.typedInput}).
     */
    public final String typedInput(boolean editing) {
        if (!editing) {
            return "";
        }
        StringBuilder typed = new StringBuilder();
        text.forEach((f, p) -> {
            if (p.get() != null && !p.get().isBlank()) {
                typed.append(f).append('=').append(p.get().strip()).append('\n');
            }
        });
        ticked.forEach((d, p) -> {
            if (p.get()) {
                typed.append(d).append('\n');
            }
        });
        return typed.toString();
    }

    /** Runs {@code changed} whenever a text (but those of {@code notWatched}) or a tick changes. */
    @SafeVarargs
    protected final void whenEdited(Runnable changed, F... notWatched) {
        Set<F> skip = Set.of(notWatched);
        text.forEach((f, p) -> {
            if (!skip.contains(f)) {
                p.addListener((obs, was, now) -> changed.run());
            }
        });
        ticked.values().forEach(p -> p.addListener((obs, was, now) -> changed.run()));
    }

    /** The typed text of {@code field}, stripped; empty when nothing is typed. */
    protected final String value(F field) {
        String v = text.get(field).get();
        return v == null ? "" : v.strip();
    }

    /** The documents this case needs become {@code docs} (in checklist order); the list changes only if they differ. */
    protected final void requireDocuments(Collection<Document> docs) {
        List<Document> list = List.copyOf(docs);
        if (!required.equals(list)) {
            required.setAll(list);
        }
    }

    /** The documents ticked that this case needs. */
    protected final Set<Document> tickedRequired() {
        Set<Document> docs = EnumSet.noneOf(Document.class);
        ticked.forEach((d, p) -> {
            if (p.get() && required.contains(d)) {
                docs.add(d);
            }
        });
        return docs;
    }

    protected final void showReceived(String amount) {
        received.set(amount);
    }

    /** The change to hand back, in figures and (when there is any) in words. */
    protected final void showChange(Money back) {
        change.set(back.format());
        changeInWords.set(back.isPositive() ? I18n.text("ui.pay.confirm.changeWords", ChineseAmount.of(back)) : "");
    }

    protected final void clearChange() {
        change.set("");
        changeInWords.set("");
    }

    protected final void show(MessageKind kind, String textToShow, F field) {
        message.set(textToShow);
        messageKind.set(MessageKind.NONE);
        messageKind.set(kind);
        invalidField.set(field);
    }

    /** A form that reads again clears the error it showed. */
    protected final void clearError() {
        if (messageKind.get() == MessageKind.ERROR) {
            show(MessageKind.NONE, "", null);
        }
    }

    /** F12 on a form that is not whole: says so, unless a problem is already shown. */
    protected final void refuseIncomplete() {
        if (messageKind.get() != MessageKind.ERROR) {
            show(MessageKind.ERROR, I18n.text("ui.opening.error.incomplete"), null);
        }
    }

    protected final void showSummary(List<String> lines) {
        summary.setAll(lines);
    }

    /** The screen's state, moved by the checkout through its steps and by the form through its own. */
    protected final ReadOnlyObjectWrapper<S> state() {
        return state;
    }

    /** The confirm → take → print flow the four money screens share. */
    public final CheckoutFlow<S> checkout() {
        return checkout;
    }

    /**
     * F12 on a whole form: the summary shows {@code lines} and becomes the checkout's confirmation of
     * {@code tenders} ({@code plan}: the money's quote, null when the form shows its own figures).
     */
    protected final void confirmSummary(List<String> lines, PaymentPlan plan, PaymentInput tenders) {
        showSummary(lines);
        checkout.confirm(new Confirmation(plan, tenders, List.of()));
    }

    /** Esc in the summary: back to the form as typed. */
    public final void cancelSummary() {
        checkout.cancelConfirmation();
    }

    /**
     * Enter in the summary: {@code take} commits the business with its money (one transaction, in the
     * background; {@code committingKey} said meanwhile); once on disk {@code taken} notes it, the receipts of
     * its {@code payment} print (none when nothing was taken), then its {@code papers}. A refusal goes back to
     * the form as typed, {@code refusedKey} saying why.
     */
    protected final <T> void take(String committingKey, CheckoutFlow.Take<T> take,
                                  Function<T, Optional<PaymentResult>> payment, java.util.function.Consumer<T> taken,
                                  String refusedKey, CheckoutFlow.Papers papers) {
        if (!checkout.at(CheckoutFlow.Step.CONFIRMING)) {
            return;
        }
        show(MessageKind.INFO, I18n.text(committingKey), null);
        checkout.commit(new CheckoutFlow.Taking<>(committingKey, take,
                done -> payment.apply(done).map(List::of).orElse(List.of()), taken, refusedKey, error -> null,
                papers, printed -> { }));
    }

    /** F9 on the result: the receipts the printer missed (or copies), then the business's papers again. */
    public final void printAgain() {
        checkout.printAgain();
    }

    /**
     * What to say of the receipts as {@code run} left them: printed, printed again (F9: {@code again}),
     * or not printed and why; {@code none} when no money was taken.
     */
    protected static String receiptText(ReceiptRun.Printed run, boolean again, String none) {
        if (run.outcome() == null) {
            return again ? "" : none;
        }
        return run.failed() || again ? run.message()
                : I18n.text("ui.opening.receiptsPrinted", ReceiptRun.labels(run.outcome().receipts()));
    }

    /** True unless a receipt of {@code run} did not print. */
    protected static boolean receiptsPrinted(ReceiptRun.Printed run) {
        return run.outcome() == null || run.outcome().allPrinted();
    }

    /** The service-time clock of this business. */
    protected final ServiceClock.Timing timing() {
        return timing;
    }

    /** True once the screen was left: nothing is checked or shown any more. */
    protected final boolean disposed() {
        return disposed;
    }

    /** Leaves the screen: an unfinished business's clock is abandoned. */
    public void dispose() {
        disposed = true;
        timing.abandon();
    }

    // ---- properties ----

    public final ReadOnlyObjectProperty<S> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public StringProperty text(F field) {
        return text.get(field);
    }

    public BooleanProperty ticked(Document document) {
        return ticked.get(document);
    }

    /** The documents this case needs, in checklist order. */
    public ObservableList<Document> requiredDocuments() {
        return requiredReadOnly;
    }

    public ReadOnlyStringProperty receivedProperty() {
        return received.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty changeProperty() {
        return change.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty changeInWordsProperty() {
        return changeInWords.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MessageKind> messageKindProperty() {
        return messageKind.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<F> invalidFieldProperty() {
        return invalidField.getReadOnlyProperty();
    }

    /** The summary's lines (F12). */
    public ObservableList<String> summaryLines() {
        return summaryReadOnly;
    }
}
