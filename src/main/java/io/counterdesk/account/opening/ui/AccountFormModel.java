package io.counterdesk.account.opening.ui;

import io.counterdesk.checkout.ui.Outcome;
import io.counterdesk.account.opening.Document;
import io.counterdesk.payment.PaymentResult;
import io.counterdesk.payment.ui.PaymentViewModel;
import io.counterdesk.checkout.ui.ReceiptRun;
import io.counterdesk.shared.ChineseAmount;
import io.counterdesk.shared.I18n;
import io.counterdesk.shared.Money;
import io.counterdesk.ui.MessageKind;
import io.counterdesk.ui.ServiceClock;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
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
 * with the field it blames, the summary's lines, the receipts of the money taken with the business
 * (printed once it is committed, again with F9), and the business's service-time clock (abandoned when the
 * screen is left unfinished). Each form's own facts, checks and steps stay in it.
 *
 * @param <F> the form's inputs
 */
public abstract class AccountFormModel<F extends Enum<F>> {

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
    private final ReceiptRun receiptRun;
    private final ServiceClock.Timing timing;
    private boolean disposed;
    /** The receipts as printed (null while none were printed: nothing taken, or not yet committed). */
    private Outcome receipts;

    /**
     * A text for every input but {@code ticks} (the documents, which are ticked, not typed); receipts print
     * through {@code receiptRun}; {@code timing} is the clock of this business, started.
     */
    protected AccountFormModel(Class<F> inputs, F ticks, ReceiptRun receiptRun, ServiceClock.Timing timing) {
        this.receiptRun = Objects.requireNonNull(receiptRun);
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

    /**
     * Prints the receipts of {@code payment}, then hands {@code then} what to say of them; with no payment
     * (nothing was taken) hands it {@code noReceipt} at once.
     */
    protected final void printReceipts(Optional<PaymentResult> payment, String noReceipt, Consumer<String> then) {
        if (payment.isEmpty()) {
            then.accept(noReceipt);
            return;
        }
        receiptRun.print(payment.get(), printed -> {
            receipts = printed.outcome();
            then.accept(printed.failed() ? printed.message()
                    : I18n.text("ui.opening.receiptsPrinted", ReceiptRun.labels(printed.outcome().receipts())));
        });
    }

    /** F9: the receipts the printer missed (or copies), then {@code then} with what to say of them. */
    protected final void printReceiptsAgain(Consumer<String> then) {
        receiptRun.printAgain(receipts, printed -> {
            receipts = printed.outcome();
            then.accept(printed.message());
        });
    }

    /** True unless a receipt did not print. */
    protected final boolean receiptsPrinted() {
        return receipts == null || receipts.allPrinted();
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
