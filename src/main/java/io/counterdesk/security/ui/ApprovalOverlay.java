package io.counterdesk.security.ui;

import io.counterdesk.ui.OverlayHost;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The {@link ApprovalDialog} over a screen: asks for the reason and a hall manager's approval, closes
 * itself once granted and runs the action with it; Esc closes it without a change.
 */
public final class ApprovalOverlay {

    private final OverlayHost host;
    private final Approvals approvals;
    private boolean open;

    public ApprovalOverlay(OverlayHost host, Approvals approvals) {
        this.host = Objects.requireNonNull(host);
        this.approvals = Objects.requireNonNull(approvals);
    }

    /** Shows the dialog titled {@code titleKey} for {@code what}; {@code action} runs on the UI thread once approved. */
    public void ask(String titleKey, String what, Consumer<Approval> action) {
        if (open) {
            return;
        }
        ApprovalViewModel approval = approvals.form(what, granted -> {
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
