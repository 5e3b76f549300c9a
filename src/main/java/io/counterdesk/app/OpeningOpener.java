package io.counterdesk.app;

import io.counterdesk.account.opening.ui.OpeningView;
import io.counterdesk.account.opening.ui.OpeningViewModel;

/** The opening screen (开户/报装, Ctrl+O) of one session. */
final class OpeningOpener {

    private final SessionContext session;

    OpeningOpener(SessionContext session) {
        this.session = session;
    }

    /**
     * Ctrl+O: the opening screen above whatever the cashier was doing. It is timed from here to its
     * receipt; an IC meter's first card goes onto the blank card in the reader (in demo mode it
     * becomes the new customer's demo card).
     */
    void open() {
        CounterDesk desk = session.desk();
        OpeningViewModel.CardKeeper keep = (accountNo, holder, meterNo) -> desk.demoCards().ifPresent(demo ->
                demo.readers().card(demo.readerName()).ifPresent(card -> demo.keep(accountNo, holder, meterNo, card)));
        OpeningViewModel.Services services = new OpeningViewModel.Services(desk.openings(),
                desk.openingConfirmations(), desk.cardReader(), desk.receiptPrinting(), session.printerMonitor(),
                session.paper(), session.serviceClock(), keep, (opening, cashier) -> desk.reportPdfs()
                        .archiveApplication(opening, cashier, desk.reportArchive()));
        OpeningViewModel model = new OpeningViewModel(session.executor(), services, session.operator());
        session.shell().push(new OpeningView(model, session.window()));
        model.load();
    }

    boolean showing() {
        return session.showing(OpeningView::isOpeningScreen);
    }
}
