package io.counterdesk.app;

import io.counterdesk.account.AccountStatus;
import io.counterdesk.account.opening.ui.AutoDebitDialog;
import io.counterdesk.account.opening.ui.AutoDebitViewModel;
import io.counterdesk.account.transfer.ui.BalanceMoveDialog;
import io.counterdesk.account.transfer.ui.BalanceMoveViewModel;
import io.counterdesk.account.ui.AccountDetailView;
import io.counterdesk.account.ui.AccountDetailViewModel;
import io.counterdesk.account.ui.AccountStatusKeys;
import io.counterdesk.account.ui.AccountStatusViewModel;
import io.counterdesk.account.ui.SuspensionListView;
import io.counterdesk.account.ui.SuspensionListViewModel;
import io.counterdesk.security.ui.ApprovalDialog;
import io.counterdesk.security.ui.ApprovalViewModel;
import io.counterdesk.security.ui.Approvals;
import io.counterdesk.security.Permission;
import io.counterdesk.servicetime.CounterBusiness;
import io.counterdesk.shared.I18n;
import io.counterdesk.ui.CounterAction;
import io.counterdesk.ui.CounterKeys;
import io.counterdesk.ui.CounterShell;
import io.counterdesk.ui.MainWindow;
import io.counterdesk.ui.ServiceClock;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The account screens of one session: an account opened from the search with its keys (F5 payment,
 * F6/F7/F8 停气/复气/销户, Ctrl+K auto-debit, Ctrl+J balance move) and the suspension list (Ctrl+U).
 */
final class AccountOpener {

    private final SessionContext session;
    private final PaymentOpener payments;

    AccountOpener(SessionContext session, PaymentOpener payments) {
        this.session = session;
        this.payments = payments;
    }

    /**
     * An account opened from the search: its bills and figures on screen, timed as a bill query
     * (账单查询) until the cashier leaves it; F5 turns it into a payment, which is timed on its own.
     */
    void openAccount(long accountId) {
        AccountDetailViewModel model = new AccountDetailViewModel(session.executor(), session.desk().accounts(),
                session.operator(), accountId);
        ServiceClock.Timing query = session.serviceClock().start(CounterBusiness.BILL_QUERY);
        AccountDetailView view = new AccountDetailView(model, () -> {
            query.abandon();
            payments.openPayment(model);
        });
        session.shell().whenClosed(view, () -> query.finished(Optional.ofNullable(model.factsProperty().get())
                .map(facts -> "account:" + facts.accountNo()).orElse("account-id:" + accountId)));
        if (session.operator().may(Permission.COUNTER_BUSINESS)) {
            view.withActions(accountStatusKeys(model).actions());
            view.withActions(List.of(autoDebitAction(model), balanceMoveAction(model)));
        }
        session.shell().push(view);
        model.load();
    }

    /** F6 停气, F7 复气, F8 销户 on an account; results on the message line, the account read again. */
    private AccountStatusKeys accountStatusKeys(AccountDetailViewModel detail) {
        CounterShell shell = session.shell();
        AccountStatusViewModel.Listener listener = new AccountStatusViewModel.Listener() {
            @Override
            public void info(String text) {
                shell.showInfo(text);
            }

            @Override
            public void error(String text) {
                shell.showError(text);
            }

            @Override
            public void changed() {
                detail.reload();
            }
        };
        CounterDesk desk = session.desk();
        AccountStatusViewModel model = new AccountStatusViewModel(session.executor(), new AccountStatusViewModel.Services(
                desk.accountStatus(), desk.receiptPrinting(), session.printerMonitor(), session.paper()),
                session.operator(), detail.accountId(), listener);
        return new AccountStatusKeys(model, detail, session.window(),
                new Approvals(session.executor(), desk.auth(), session.operator()));
    }

    /** True while the account is shown and not closed: Ctrl+K and Ctrl+J apply. */
    private static BooleanSupplier openAccountShown(AccountDetailViewModel detail) {
        return () -> detail.stateProperty().get() == AccountDetailViewModel.State.LOADED
                && detail.factsProperty().get() != null
                && detail.factsProperty().get().status() != AccountStatus.CLOSED;
    }

    /**
     * Ctrl+K on an account not closed: the auto-debit dialog (银行代扣变更/取消), timed as AUTO_DEBIT
     * from the key to its commit; the result on the message line, the account read again.
     */
    private CounterAction autoDebitAction(AccountDetailViewModel detail) {
        MainWindow window = session.window();
        CounterShell shell = session.shell();
        return CounterAction.of("account.autoDebit", CounterKeys.AUTO_DEBIT, "Ctrl+K", CounterKeys.GROUP_SEARCH,
                "ui.keys.openingAutoDebit", () -> {
                    AutoDebitViewModel model = new AutoDebitViewModel(session.executor(), new AutoDebitViewModel.Services(
                            session.desk().autoDebits(), session.serviceClock()), session.operator(),
                            detail.accountId(), done -> {
                                window.closeOverlay();
                                shell.showInfo(AutoDebitViewModel.doneText(done));
                                detail.reload();
                            });
                    model.load(() -> {
                        AutoDebitDialog dialog = new AutoDebitDialog(model);
                        window.showOverlay(dialog.node(), () -> {
                            model.closed();
                            window.closeOverlay();
                        });
                        dialog.focus();
                    }, shell::showError);
                }).when(openAccountShown(detail));
    }

    /**
     * Ctrl+J on an account not closed: move its credit or a deposit to another account of the
     * same holder; checked before the hall manager approves; the account read again after.
     */
    private CounterAction balanceMoveAction(AccountDetailViewModel detail) {
        MainWindow window = session.window();
        CounterShell shell = session.shell();
        return CounterAction.of("account.moveBalance", CounterKeys.MOVE_BALANCE, "Ctrl+J", CounterKeys.GROUP_SEARCH,
                "ui.keys.openingMoveBalance", () -> {
                    BalanceMoveViewModel model = new BalanceMoveViewModel(session.executor(),
                            session.desk().balanceMoves(), session.operator(), detail.accountId());
                    model.load(() -> {
                        BalanceMoveDialog dialog = new BalanceMoveDialog(model, () -> model.confirm(checked -> {
                            window.closeOverlay();
                            ApprovalViewModel approval = new ApprovalViewModel(session.executor(), session.desk().auth(),
                                    session.operator(), BalanceMoveViewModel.moveText(checked), granted -> {
                                        window.closeOverlay();
                                        model.move(checked, granted.reason(), granted.grant(), moved -> {
                                            shell.showInfo(I18n.text("ui.opening.move.done", moved.fromNo(),
                                                    moved.what(), moved.amount().format(), moved.toNo()));
                                            detail.reload();
                                        }, shell::showError);
                                    });
                            ApprovalDialog approve = new ApprovalDialog(approval, "ui.opening.move.approvalTitle");
                            window.showOverlay(approve.node(), window::closeOverlay);
                            approve.focus();
                        }));
                        window.showOverlay(dialog.node(), window::closeOverlay);
                        dialog.focus();
                    }, shell::showError);
                }).when(openAccountShown(detail));
    }

    /** Ctrl+U on the search: the accounts due for suspension today; Enter opens one. */
    void openSuspensionList() {
        SuspensionListViewModel model = new SuspensionListViewModel(session.executor(), session.desk().accountStatus(),
                session.operator(), this::openAccount);
        session.shell().push(new SuspensionListView(model));
        model.load();
    }
}
