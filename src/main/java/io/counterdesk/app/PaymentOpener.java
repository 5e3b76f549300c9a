package io.counterdesk.app;

import io.counterdesk.security.ui.Approvals;
import io.counterdesk.account.ui.AccountDetailViewModel;
import io.counterdesk.security.ui.ApprovalOverlay;
import io.counterdesk.payment.ui.PaymentView;
import io.counterdesk.payment.ui.PaymentViewModel;
import io.counterdesk.payment.ui.ReversalView;
import io.counterdesk.payment.ui.ReversalViewModel;
import io.counterdesk.servicetime.CounterBusiness;
import io.counterdesk.ui.ServiceClock;

/** The payment screens of one session: a payment on an account (F5), the reversal (Ctrl+R). */
final class PaymentOpener {

    private final SessionContext session;

    PaymentOpener(SessionContext session) {
        this.session = session;
    }

    /** F5 on the account: the payment screen; the account is read again once a payment is taken. */
    void openPayment(AccountDetailViewModel detail) {
        if (!session.requireTill()) {
            return;
        }
        CounterDesk desk = session.desk();
        PaymentViewModel.Services services = new PaymentViewModel.Services(desk.payments(),
                desk.receiptPrinting(), desk.receiptStock(), desk.accounts(), desk.auth(), session.hall(),
                session.paper(), session.printerMonitor(), session.config().clock());
        ServiceClock.Timing timing = session.serviceClock().start(CounterBusiness.PAYMENT);
        PaymentViewModel model = new PaymentViewModel(session.executor(), services, session.operator(),
                detail.accountId(), paid -> {
                    timing.finished("account:" + paid.accountNo());
                    detail.reload();
                });
        PaymentView view = new PaymentView(model, session.window());
        session.shell().push(view);
        session.shell().whenClosed(view, timing::abandon);
        model.load();
    }

    /**
     * Ctrl+R: the payment reversal screen (冲正) above whatever the cashier was doing; the money goes
     * back through the cashier's till, so it needs one open.
     */
    void openReversal() {
        if (!session.requireTill()) {
            return;
        }
        CounterDesk desk = session.desk();
        ReversalViewModel model = new ReversalViewModel(session.executor(),
                new ReversalViewModel.Services(desk.paymentReversals(), desk.receiptPrinting(),
                        session.printerMonitor(), session.config().clock().getZone()), session.operator());
        session.shell().push(new ReversalView(model,
                new ApprovalOverlay(session.window(), new Approvals(session.executor(), desk.auth(), session.operator()))));
    }

    boolean reversalShowing() {
        return session.showing(ReversalView::isReversalScreen);
    }
}
