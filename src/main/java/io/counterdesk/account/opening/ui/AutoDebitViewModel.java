package io.counterdesk.account.opening.ui;

import io.counterdesk.account.AccountStatus;
import io.counterdesk.account.opening.AutoDebitRules;
import io.counterdesk.account.opening.AutoDebitService;
import io.counterdesk.account.opening.Bank;
import io.counterdesk.account.opening.BankDebit;
import io.counterdesk.account.opening.Document;
import io.counterdesk.security.Operator;
import io.counterdesk.servicetime.CounterBusiness;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.I18n;
import io.counterdesk.ui.BackgroundTask;
import io.counterdesk.ui.FormStatus;
import io.counterdesk.ui.ServiceClock;
import io.counterdesk.ui.TaskExecutor;
import io.counterdesk.ui.UiErrors;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * 银行代扣变更/取消 on an account (Ctrl+K on the account detail). {@link #load} reads the account and its
 * enrolment and starts the service-time clock (AUTO_DEBIT); the cashier chooses the bank, types the
 * card or account number and its name, ticks the papers, or ticks 取消代扣; Enter checks all of it
 * here (a card number's check digit included) and then changes or cancels in the background. A
 * refusal is shown in the dialog and keeps what was typed; Esc abandons the clock.
 */
public final class AutoDebitViewModel {

    /** What the dialog works with, wired by the application. */
    public record Services(AutoDebitService debits, ServiceClock clock) {
        public Services {
            Objects.requireNonNull(debits);
            Objects.requireNonNull(clock);
        }
    }

    private final TaskExecutor executor;
    private final Services services;
    private final Operator cashier;
    private final long accountId;
    private final Consumer<AutoDebitService.Outcome> onDone;
    private final ObjectProperty<Bank> bank = new SimpleObjectProperty<>(Bank.ICBC);
    private final BooleanProperty byCard = new SimpleBooleanProperty(true);
    private final StringProperty number = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final BooleanProperty cancel = new SimpleBooleanProperty(false);
    private final Map<Document, BooleanProperty> ticked = new EnumMap<>(Document.class);
    private final FormStatus status = new FormStatus();
    private AutoDebitService.Current current;
    private ServiceClock.Timing timing;
    private boolean done;

    /** @param onDone runs on the UI thread once the change or cancellation is on disk */
    public AutoDebitViewModel(TaskExecutor executor, Services services, Operator cashier, long accountId,
                              Consumer<AutoDebitService.Outcome> onDone) {
        this.executor = Objects.requireNonNull(executor);
        this.services = Objects.requireNonNull(services);
        this.cashier = Objects.requireNonNull(cashier);
        this.accountId = accountId;
        this.onDone = Objects.requireNonNull(onDone);
        for (Document d : Document.values()) {
            ticked.put(d, new SimpleBooleanProperty(false));
        }
        cancel.addListener((obs, was, now) -> status.clear());
    }

    /**
     * Reads the account; {@code then} runs on the UI thread when it may have its auto-debit changed
     * (the clock starts then), {@code refused} with the message otherwise.
     */
    public void load(Runnable then, Consumer<String> refused) {
        BackgroundTask.of(() -> services.debits().current(cashier, accountId))
                .onSuccess(read -> {
                    if (read.status() == AccountStatus.CLOSED) {
                        refused.accept(I18n.text("opening.autoDebit.closed", read.accountNo()));
                        return;
                    }
                    current = read;
                    name.set(read.debit().map(d -> d.accountName()).orElse(read.holderName()));
                    read.debit().ifPresent(d -> bank.set(d.bank()));
                    timing = services.clock().start(CounterBusiness.AUTO_DEBIT);
                    then.run();
                })
                .onFailure(error -> refused.accept(UiErrors.text(error)))
                .executeWith(executor);
    }

    /** "3300000101 李明 · 现代扣：中国工商银行 **** 0128（李明）" or "… · 未办理银行代扣". */
    public String what() {
        String debit = current.debit().map(d -> I18n.text("ui.opening.autoDebit.currentDebit",
                        I18n.text("opening.bank." + d.bank().name()), d.maskedNumber(), d.accountName()))
                .orElse(I18n.text("ui.opening.autoDebit.noDebit"));
        return I18n.text("ui.opening.autoDebit.what", current.accountNo(), current.holderName(), debit);
    }

    /** The papers offered to tick: those a change asks for (a cancellation asks for the first). */
    public List<Document> documents() {
        return AutoDebitRules.required(current.kind(), AutoDebitRules.Action.CHANGE);
    }

    /** Enter: checks everything; then changes or cancels in the background. Refusals keep the form. */
    public void confirm() {
        if (status.isBusy() || done || current == null) {
            return;
        }
        AutoDebitRules.Action action = cancel.get() ? AutoDebitRules.Action.CANCEL : AutoDebitRules.Action.CHANGE;
        BankDebit debit = null;
        if (action == AutoDebitRules.Action.CHANGE) {
            if (number.get() == null || number.get().isBlank()) {
                status.error(I18n.text("ui.opening.error.debitNumber"));
                return;
            }
            try {
                debit = new BankDebit(bank.get(), byCard.get(), number.get(), name.get());
            } catch (BusinessException e) {
                status.error(e.getMessage());
                return;
            }
        }
        Set<Document> seen = EnumSet.noneOf(Document.class);
        ticked.forEach((d, on) -> {
            if (on.get()) {
                seen.add(d);
            }
        });
        try {
            AutoDebitRules.requireTicked(current.kind(), action, seen);
        } catch (BusinessException e) {
            status.error(e.getMessage());
            return;
        }
        BankDebit chosen = debit;
        status.setBusy(true);
        status.info(I18n.text("ui.opening.autoDebit.working"));
        BackgroundTask.of(() -> chosen == null
                        ? services.debits().cancel(cashier, accountId, seen, timing.timer())
                        : services.debits().change(cashier, accountId, chosen, seen, timing.timer()))
                .onSuccess(outcome -> {
                    status.setBusy(false);
                    status.clear();
                    done = true;
                    timing.recorded();
                    onDone.accept(outcome);
                })
                .onFailure(error -> {
                    status.setBusy(false);
                    status.error(UiErrors.text(error));
                })
                .executeWith(executor);
    }

    /** Esc: the dialog closes; an unfinished business is not timed. */
    public void closed() {
        if (timing != null && !done) {
            timing.abandon();
        }
    }

    /** What the message line says once on disk. */
    public static String doneText(AutoDebitService.Outcome outcome) {
        return outcome.debit().map(d -> I18n.text("ui.opening.autoDebit.changed", outcome.accountNo(),
                        I18n.text("opening.bank." + d.bank().name()), d.maskedNumber()))
                .orElse(I18n.text("ui.opening.autoDebit.cancelled", outcome.accountNo()));
    }

    public ObjectProperty<Bank> bankProperty() {
        return bank;
    }

    public BooleanProperty byCardProperty() {
        return byCard;
    }

    public StringProperty numberProperty() {
        return number;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public BooleanProperty cancelProperty() {
        return cancel;
    }

    public BooleanProperty tickedProperty(Document document) {
        return ticked.get(document);
    }

    public FormStatus status() {
        return status;
    }
}
