package io.counterdesk.app;

import io.counterdesk.receipt.ui.StockView;
import io.counterdesk.receipt.ui.StockViewModel;

/** The receipt stock screen (F11) of one session. */
final class StockOpener {

    private final SessionContext session;

    StockOpener(SessionContext session) {
        this.session = session;
    }

    /**
     * F11: the receipt stock screen, above whatever the cashier was doing (a payment being typed
     * stays as it was); Esc comes back to it.
     */
    void open() {
        CounterDesk desk = session.desk();
        StockViewModel model = new StockViewModel(session.executor(),
                new StockViewModel.Services(desk.receiptStock(), desk.auth(), session.config().clock()),
                session.operator());
        session.shell().push(new StockView(model, session.window(), session.shell()::push));
        model.load();
    }

    boolean showing() {
        return session.showing(StockView::isStockScreen);
    }
}
