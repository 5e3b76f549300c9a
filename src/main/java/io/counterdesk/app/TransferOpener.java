package io.counterdesk.app;

import io.counterdesk.account.transfer.ui.TransferView;
import io.counterdesk.account.transfer.ui.TransferViewModel;

/** The transfer screen (过户, Ctrl+T) of one session. */
final class TransferOpener {

    private final SessionContext session;

    TransferOpener(SessionContext session) {
        this.session = session;
    }

    /** Ctrl+T: the transfer screen above whatever the cashier was doing, timed to its commit. */
    void open() {
        CounterDesk desk = session.desk();
        TransferViewModel model = new TransferViewModel(session.executor(), new TransferViewModel.Services(
                desk.transfers(), desk.transferConfirmations(), desk.receiptPrinting(), session.printerMonitor(),
                session.paper(), session.serviceClock()), session.operator());
        session.shell().push(new TransferView(model, session.window()));
    }

    boolean showing() {
        return session.showing(TransferView::isTransferScreen);
    }
}
