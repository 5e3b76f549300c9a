package io.counterdesk.app;

import io.counterdesk.report.ui.HallSignOffView;
import io.counterdesk.report.ui.HallSignOffViewModel;

/** The hall's sign-off (Ctrl+H, hall managers) of one session. */
final class SignOffOpener {

    private final SessionContext session;

    SignOffOpener(SessionContext session) {
        this.session = session;
    }

    /** Ctrl+H: the sign-off, on the oldest recent day left unsigned, else today. */
    void open() {
        CounterDesk desk = session.desk();
        HallSignOffViewModel model = new HallSignOffViewModel(session.executor(), desk.dayReports(),
                desk.hallSignOff(), desk.auth(), session.operator(), session.config().clock(),
                HallSignOffViewModel.DayPapers.of(desk.dayCharts(), desk.reportPdfs(), desk.reportArchive(),
                        desk.serviceTimes()));
        model.sendNowWith(desk.sync()::sendNow);
        session.shell().push(new HallSignOffView(model));
        model.load();
    }

    boolean showing() {
        return session.showing(HallSignOffView::isSignOffScreen);
    }
}
