package io.counterdesk.account.transfer.ui;

import io.counterdesk.account.transfer.BalanceMoveService;
import io.counterdesk.security.ApprovalGrant;
import io.counterdesk.security.Operator;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.I18n;
import io.counterdesk.shared.Money;
import io.counterdesk.ui.BackgroundTask;
import io.counterdesk.ui.FormStatus;
import io.counterdesk.ui.TaskExecutor;
import io.counterdesk.ui.UiErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * 余额/押金转移 from the account shown (Ctrl+J on the account detail): what it holds (credit, each
 * deposit), the account it goes to, the amount. Enter checks here (an amount, a target) and then with
 * the service (same holder, not closed, not more than held) before the hall manager is called over;
 * the move itself runs with the manager's approval and reason. Refusals keep what was typed.
 */
public final class BalanceMoveViewModel {

    /** One thing the account can move: its credit ({@code depositCode} null) or a deposit. */
    public record Option(String depositCode, String name, Money held) {
        @Override
        public String toString() {
            return name + " " + held.format();
        }
    }

    private final TaskExecutor executor;
    private final BalanceMoveService moves;
    private final Operator cashier;
    private final long accountId;
    private final StringProperty target = new SimpleStringProperty("");
    private final StringProperty amount = new SimpleStringProperty("");
    private final ObjectProperty<Option> option = new SimpleObjectProperty<>();
    private final FormStatus status = new FormStatus();
    private final List<Option> options = new ArrayList<>();
    private BalanceMoveService.Holdings holdings;

    public BalanceMoveViewModel(TaskExecutor executor, BalanceMoveService moves, Operator cashier, long accountId) {
        this.executor = Objects.requireNonNull(executor);
        this.moves = Objects.requireNonNull(moves);
        this.cashier = Objects.requireNonNull(cashier);
        this.accountId = accountId;
        option.addListener((obs, was, now) -> {
            if (now != null) {
                amount.set(now.held().toPlainString());
            }
        });
    }

    /** Reads what the account holds; {@code then} runs when it holds something to move. */
    public void load(Runnable then, Consumer<String> refused) {
        BackgroundTask.of(() -> moves.holdings(cashier, accountId))
                .onSuccess(read -> {
                    holdings = read;
                    options.clear();
                    if (read.credit().isPositive()) {
                        options.add(new Option(null, I18n.text("opening.move.credit"), read.credit()));
                    }
                    read.deposits().forEach(d -> options.add(new Option(d.depositCode(), d.name(), d.amount())));
                    if (options.isEmpty()) {
                        refused.accept(I18n.text("ui.opening.move.nothing", read.accountNo()));
                        return;
                    }
                    option.set(options.get(0));
                    then.run();
                })
                .onFailure(error -> refused.accept(UiErrors.text(error)))
                .executeWith(executor);
    }

    public String what() {
        return I18n.text("ui.opening.move.what", holdings.accountNo(), holdings.holderName());
    }

    public List<Option> options() {
        return List.copyOf(options);
    }

    /**
     * Enter: checks the form, then the move with the service; {@code approve} gets the checked move
     * (on the UI thread) to ask the hall manager.
     */
    public void confirm(Consumer<BalanceMoveService.Move> approve) {
        if (status.isBusy() || option.get() == null) {
            return;
        }
        if (target.get() == null || target.get().isBlank()) {
            status.error(I18n.text("ui.opening.move.targetRequired"));
            return;
        }
        Money money;
        try {
            money = Money.parse(amount.get());
        } catch (BusinessException e) {
            status.error(e.getMessage());
            return;
        }
        Option chosen = option.get();
        status.setBusy(true);
        BackgroundTask.of(() -> moves.check(cashier, accountId, target.get(), chosen.depositCode(), money))
                .onSuccess(checked -> {
                    status.setBusy(false);
                    status.clear();
                    approve.accept(checked);
                })
                .onFailure(error -> {
                    status.setBusy(false);
                    status.error(UiErrors.text(error));
                })
                .executeWith(executor);
    }

    /** After the manager approved: the move itself; {@code done} or {@code failed} on the UI thread. */
    public void move(BalanceMoveService.Move checked, String reason, ApprovalGrant grant,
                     Consumer<BalanceMoveService.Move> done, Consumer<String> failed) {
        Option chosen = option.get();
        BackgroundTask.of(() -> moves.move(cashier, accountId, checked.toNo(), chosen.depositCode(), checked.amount(),
                        reason, grant))
                .onSuccess(done::accept)
                .onFailure(error -> failed.accept(UiErrors.text(error)))
                .executeWith(executor);
    }

    /** "将 3300000001 的气费押金 ¥400.00 转入 3300000002（某某学校）". */
    public static String moveText(BalanceMoveService.Move move) {
        return I18n.text("ui.opening.move.approvalWhat", move.fromNo(), move.what(), move.amount().format(),
                move.toNo(), move.toHolder());
    }

    public StringProperty targetProperty() {
        return target;
    }

    public StringProperty amountProperty() {
        return amount;
    }

    public ObjectProperty<Option> optionProperty() {
        return option;
    }

    public FormStatus status() {
        return status;
    }
}
