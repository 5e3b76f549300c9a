package io.counterdesk.security.ui;

import io.counterdesk.security.AuthService;
import io.counterdesk.security.Operator;
import io.counterdesk.ui.TaskExecutor;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Makes the approval form's view model for one operator's screens: a screen's View asks for a
 * form ({@link ApprovalOverlay}, {@link ApprovalDialog}) without holding the log-in service itself
 * (ADR 0007: a View binds and forwards; the view model calls the service).
 */
public final class Approvals {

    private final TaskExecutor executor;
    private final AuthService auth;
    private final Operator cashier;

    public Approvals(TaskExecutor executor, AuthService auth, Operator cashier) {
        this.executor = Objects.requireNonNull(executor);
        this.auth = Objects.requireNonNull(auth);
        this.cashier = Objects.requireNonNull(cashier);
    }

    /**
     * A form for {@code what} (e.g. "冲正第 3 次购气 …"); {@code onApproved} runs on the UI thread
     * with the reason and the manager's approval.
     */
    public ApprovalViewModel form(String what, Consumer<Approval> onApproved) {
        return new ApprovalViewModel(executor, auth, cashier, what, onApproved);
    }
}
