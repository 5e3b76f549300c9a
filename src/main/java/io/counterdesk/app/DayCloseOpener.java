package io.counterdesk.app;

import io.counterdesk.shared.I18n;
import io.counterdesk.till.ui.DayCloseView;
import io.counterdesk.till.ui.DayCloseViewModel;

/** The cashier's day close (Ctrl+E) of one session. */
final class DayCloseOpener {

    private final SessionContext session;

    DayCloseOpener(SessionContext session) {
        this.session = session;
    }

    /**
     * Ctrl+E: the cashier's day close (deposits, blind count, slips, close) above whatever the
     * cashier was doing. Once closed, the status bar says so and no more money can be taken.
     */
    void open() {
        if (!session.tillOpen()) {
            session.shell().showError(I18n.text("ui.dayClose.noTill"));
            return;
        }
        CounterDesk desk = session.desk();
        DayCloseViewModel model = new DayCloseViewModel(session.executor(), desk.dayClose(),
                desk.cashReportPrinting(), session.operator(),
                () -> session.status().tillNotOpen(I18n.text("ui.status.tillClosed")));
        session.shell().push(new DayCloseView(model));
        model.load();
    }

    boolean showing() {
        return session.showing(DayCloseView::isDayCloseScreen);
    }
}
