package io.counterdesk.account.ui;

import io.counterdesk.account.status.AccountStatusService;
import io.counterdesk.account.status.AccountStatusService.ClosureQuote;
import io.counterdesk.checkout.ui.ReceiptRun;
import io.counterdesk.printing.PaperWidth;
import io.counterdesk.printing.PreviewRenderer;
import io.counterdesk.receipt.ReceiptPrinting;
import io.counterdesk.security.ApprovalGrant;
import io.counterdesk.security.Operator;
import io.counterdesk.shared.I18n;
import io.counterdesk.shared.Money;
import io.counterdesk.ui.BackgroundTask;
import io.counterdesk.ui.PrinterActivity;
import io.counterdesk.ui.TaskExecutor;
import io.counterdesk.ui.UiErrors;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * 停气 (F6), 复气 (F7) and 销户 (F8) on one account's detail. Each runs in the background; the
 * account is read again once a change is on disk; a closure's refund receipt prints only after
 * the closure is committed. What the cashier is told goes to the {@link Listener} (the shell's
 * message line).
 */
public final class AccountStatusViewModel {

    /** What the screen works with, wired by the application. */
    public record Services(AccountStatusService status, ReceiptPrinting printing, PrinterActivity printerActivity,
                           PaperWidth paper) {
        public Services {
            Objects.requireNonNull(status);
            Objects.requireNonNull(printing);
            Objects.requireNonNull(printerActivity);
            Objects.requireNonNull(paper);
        }
    }

    /** Where results go: the message line and the account's detail. */
    public interface Listener {
        void info(String text);

        void error(String text);

        /** The account changed on disk: read it again. */
        void changed();
    }

    private final TaskExecutor executor;
    private final Services services;
    private final Operator cashier;
    private final long accountId;
    private final Listener listener;
    private final ReceiptRun receiptRun;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    public AccountStatusViewModel(TaskExecutor executor, Services services, Operator cashier, long accountId,
                                  Listener listener) {
        this.executor = Objects.requireNonNull(executor);
        this.services = Objects.requireNonNull(services);
        this.cashier = Objects.requireNonNull(cashier);
        this.accountId = accountId;
        this.listener = Objects.requireNonNull(listener);
        this.receiptRun = new ReceiptRun(executor, services.printing(), services.printerActivity(),
                new PreviewRenderer(services.paper()), cashier);
    }

    /** 停气 with the cashier's reason; a refusal is told and changes nothing. */
    public void suspend(String reason) {
        run(() -> services.status().suspend(cashier, accountId, reason),
                change -> listener.info(I18n.text("ui.accountStatus.suspended", change.accountNo())));
    }

    /** 复气: refused with what is still owed while anything is. */
    public void restore() {
        run(() -> services.status().restore(cashier, accountId),
                change -> listener.info(I18n.text("ui.accountStatus.restored", change.accountNo())));
    }

    /**
     * 销户, step one: what the closure would pay back. {@code then} gets the quote on the UI thread
     * when the account may be closed; a refusal is told instead.
     */
    public void prepareClose(Consumer<ClosureQuote> then) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        BackgroundTask.of(() -> services.status().closureQuote(cashier, accountId))
                .onSuccess(quote -> {
                    busy.set(false);
                    if (quote.closable()) {
                        then.accept(quote);
                    } else {
                        listener.error(quote.refusal().orElseThrow().getMessage());
                    }
                })
                .onFailure(error -> {
                    busy.set(false);
                    listener.error(UiErrors.text(error));
                })
                .executeWith(executor);
    }

    /** What the closure does, for the confirmation: "销户 3300000101：退 表具检测押金退还 ¥300.00 …". */
    public static String closeText(ClosureQuote quote) {
        if (!quote.refund().total().isPositive()) {
            return I18n.text("ui.accountStatus.closeWhatNoRefund", quote.accountNo(), quote.holderName());
        }
        String lines = quote.lines().stream().map(l -> l.name() + " " + l.amount().format())
                .collect(Collectors.joining(I18n.text("ui.pay.listSeparator")));
        return I18n.text("ui.accountStatus.closeWhat", quote.accountNo(), quote.holderName(), lines,
                quote.refund().total().format());
    }

    /**
     * 销户, step two: closes with the reason (and the manager's approval when money is paid back);
     * once on disk the refund's receipt prints.
     */
    public void close(String reason, ApprovalGrant grant) {
        run(() -> services.status().close(cashier, accountId, reason, grant), closure -> {
            Money paid = closure.refund().total();
            String closed = paid.isPositive()
                    ? I18n.text("ui.accountStatus.closedRefund", closure.change().accountNo(), paid.format())
                    : I18n.text("ui.accountStatus.closed", closure.change().accountNo());
            listener.info(closed);
            closure.refundPayment().ifPresent(payment -> {
                busy.set(true);
                receiptRun.print(payment, printed -> {
                    busy.set(false);
                    if (printed.failed()) {
                        listener.error(closed + "\n" + printed.message());
                    } else {
                        listener.info(closed + "\n" + I18n.text("ui.accountStatus.refundPrinted",
                                ReceiptRun.labels(printed.outcome().receipts())));
                    }
                });
            });
        });
    }

    /** True while a change or its printing runs (keys do nothing then). */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public long accountId() {
        return accountId;
    }

    private <T> void run(java.util.concurrent.Callable<T> work, Consumer<T> done) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        BackgroundTask.of(work)
                .onSuccess(result -> {
                    busy.set(false);
                    listener.changed();
                    done.accept(result);
                })
                .onFailure(error -> {
                    busy.set(false);
                    listener.error(UiErrors.text(error));
                })
                .executeWith(executor);
    }
}
