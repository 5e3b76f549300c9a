package io.counterdesk.card.ui;

import io.counterdesk.security.AuthService;
import io.counterdesk.security.Operator;
import io.counterdesk.ui.OverlayHost;
import io.counterdesk.ui.TaskExecutor;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The {@link ApprovalDialog} over a screen: asks for the reason and a hall manager's approval, closes
 * itself once granted and runs the action with it; Esc closes it without a change.
 */
public final class ApprovalOverlay {

    private final OverlayHost host;
    private final TaskExecutor executor;
    private final AuthService auth;
    private final Operator cashier;
    private boolean open;

    public ApprovalOverlay(OverlayHost host, TaskExecutor executor, AuthService auth, Operator cashier) {
        this.host = Objects.requireNonNull(host);
        this.executor = Objects.requireNonNull(executor);
        this.auth = Objects.requireNonNull(auth);
        this.cashier = Objects.requireNonNull(cashier);
    }

    /** Shows the dialog titled {@code titleKey} for {@code what}; {@code action} runs on the UI thread once approved. */
    public void ask(String titleKey, String what, Consumer<TopUpViewModel.Approval> action) {
        if (open) {
            return;
        }
        ApprovalViewModel approval = new ApprovalViewModel(executor, auth, cashier, what, granted -> {
            close();
            action.accept(granted);
        });
        ApprovalDialog dialog = new ApprovalDialog(approval, titleKey);
        open = true;
        host.showOverlay(dialog.node(), this::close);
        dialog.focus();
    }

    public void close() {
        if (open) {
            open = false;
            host.closeOverlay();
        }
    }
}
