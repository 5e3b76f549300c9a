package io.counterdesk.account.ui;

import io.counterdesk.account.AccountStatus;
import io.counterdesk.account.status.AccountStatusService.ClosureQuote;
import io.counterdesk.security.ui.ApprovalDialog;
import io.counterdesk.security.ui.ApprovalViewModel;
import io.counterdesk.security.ui.Approvals;
import io.counterdesk.shared.I18n;
import io.counterdesk.ui.CounterAction;
import io.counterdesk.ui.CounterKeys;
import io.counterdesk.ui.OverlayHost;
import java.util.List;
import java.util.Objects;

/**
 * The account detail's keys for the account's status: F6 停气 (a reason), F7 复气, F8 销户 (a reason;
 * the hall manager's approval when deposits or credit are paid back). Each key is offered only
 * where it applies: F6 on an active account, F7 on a suspended one, F8 on any not yet closed.
 */
public final class AccountStatusKeys {

    /** The reason offered for a suspension (the cashier may type another). */
    static final String DEFAULT_SUSPEND_REASON_KEY = "ui.accountStatus.defaultSuspendReason";

    private final AccountStatusViewModel model;
    private final AccountDetailViewModel detail;
    private final OverlayHost host;
    private final Approvals approvals;

    public AccountStatusKeys(AccountStatusViewModel model, AccountDetailViewModel detail, OverlayHost host,
                             Approvals approvals) {
        this.model = Objects.requireNonNull(model);
        this.detail = Objects.requireNonNull(detail);
        this.host = Objects.requireNonNull(host);
        this.approvals = Objects.requireNonNull(approvals);
    }

    public List<CounterAction> actions() {
        return List.of(
                CounterAction.of("account.suspend", CounterKeys.ACCOUNT_SUSPEND, "F6", CounterKeys.GROUP_SEARCH,
                        "ui.keys.accountSuspend", this::suspend).when(() -> is(AccountStatus.ACTIVE)),
                CounterAction.of("account.restore", CounterKeys.ACCOUNT_RESTORE, "F7", CounterKeys.GROUP_SEARCH,
                        "ui.keys.accountRestore", model::restore).when(() -> is(AccountStatus.SUSPENDED)),
                CounterAction.of("account.close", CounterKeys.ACCOUNT_CLOSE, "F8", CounterKeys.GROUP_SEARCH,
                        "ui.keys.accountClose", this::close)
                        .when(() -> is(AccountStatus.ACTIVE) || is(AccountStatus.SUSPENDED)));
    }

    private boolean is(AccountStatus status) {
        AccountFacts facts = detail.factsProperty().get();
        return detail.stateProperty().get() == AccountDetailViewModel.State.LOADED && facts != null
                && facts.status() == status && !model.busyProperty().get();
    }

    private void suspend() {
        AccountFacts facts = detail.factsProperty().get();
        ReasonViewModel reason = new ReasonViewModel(I18n.text("ui.accountStatus.suspendWhat", facts.accountNo(),
                facts.holderName(), facts.arrears()), I18n.text(DEFAULT_SUSPEND_REASON_KEY), typed -> {
                    host.closeOverlay();
                    model.suspend(typed);
                });
        showReason(reason, "ui.accountStatus.suspendTitle");
    }

    private void close() {
        model.prepareClose(this::confirmClose);
    }

    private void confirmClose(ClosureQuote quote) {
        String what = AccountStatusViewModel.closeText(quote);
        if (quote.refund().needsApproval()) {
            ApprovalViewModel approval = approvals.form(what, granted -> {
                host.closeOverlay();
                model.close(granted.reason(), granted.grant());
            });
            ApprovalDialog dialog = new ApprovalDialog(approval, "ui.accountStatus.closeApprovalTitle");
            host.showOverlay(dialog.node(), host::closeOverlay);
            dialog.focus();
        } else {
            showReason(new ReasonViewModel(what, "", typed -> {
                host.closeOverlay();
                model.close(typed, null);
            }), "ui.accountStatus.closeTitle");
        }
    }

    private void showReason(ReasonViewModel reason, String titleKey) {
        ReasonDialog dialog = new ReasonDialog(reason, titleKey);
        host.showOverlay(dialog.node(), host::closeOverlay);
        dialog.focus();
    }
}
