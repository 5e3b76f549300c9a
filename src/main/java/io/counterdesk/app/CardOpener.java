package io.counterdesk.app;

import io.counterdesk.security.ui.Approvals;
import io.counterdesk.account.Account;
import io.counterdesk.card.ui.CardServiceView;
import io.counterdesk.card.ui.CardServiceViewModel;
import io.counterdesk.card.ui.DemoCardsDialog;
import io.counterdesk.card.ui.DemoCardsViewModel;
import io.counterdesk.card.ui.TopUpView;
import io.counterdesk.card.ui.TopUpViewModel;
import io.counterdesk.servicetime.CounterBusiness;
import io.counterdesk.ui.Screen;
import io.counterdesk.ui.ServiceClock;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The IC-card screens of one session: the top-up (Ctrl+G, timed per customer's card), the card
 * service (Ctrl+B, 补卡/补气), the demo card reader (Ctrl+D), and what a card put into the reader does.
 */
final class CardOpener {

    private final SessionContext session;
    /** The gas purchase being timed on the top-up screen; null between customers. */
    private ServiceClock.Timing topUpTiming;

    CardOpener(SessionContext session) {
        this.session = session;
    }

    /**
     * Ctrl+G: the IC-card top-up screen above whatever the cashier was doing; it reads the card
     * in the reader at once and again whenever a card is put in.
     */
    void openTopUp() {
        if (!session.requireTill()) {
            return;
        }
        CounterDesk desk = session.desk();
        TopUpViewModel.Services services = new TopUpViewModel.Services(desk.topUps(), desk.cardReader(),
                desk.receiptPrinting(), desk.receiptStock(), desk.auth(), session.hall(), session.paper(),
                session.printerMonitor(), session.config().clock());
        topUpTiming = session.serviceClock().start(CounterBusiness.TOP_UP);
        TopUpViewModel model = new TopUpViewModel(session.executor(), services, session.operator(), paid -> {
            // a purchase ends the customer's business; a refund or reversal pays money back
            if (paid.plan().totalDue().isPositive() && topUpTiming != null) {
                topUpTiming.finished("account:" + paid.accountNo());
                topUpTiming = null;
            }
        });
        TopUpView view = new TopUpView(model, session.window(),
                new Approvals(session.executor(), desk.auth(), session.operator()));
        session.shell().push(view);
        session.shell().whenClosed(view, () -> {
            if (topUpTiming != null) {
                topUpTiming.abandon();
                topUpTiming = null;
            }
        });
        model.read();
    }

    boolean topUpShowing() {
        return session.showing(TopUpView::isTopUpScreen);
    }

    /**
     * Ctrl+B: the card service screen (补卡/补气) above whatever the cashier was doing. No till
     * is needed: it takes no money. In demo mode a reissued card becomes the customer's demo card,
     * and a first card written here makes a new demo customer (as the opening does).
     */
    void openCardService() {
        CounterDesk desk = session.desk();
        Consumer<String> keep = accountNo -> desk.demoCards().ifPresent(demo -> {
            Account issued = desk.cardIssue().account(session.operator(), accountNo);
            demo.keepIssued(accountNo, issued.holder().name(), issued.meterNo());
        });
        CardServiceViewModel.Services services = new CardServiceViewModel.Services(desk.cardIssue(),
                desk.topUps(), desk.cardRecords(), desk.cardReader(), session.printerMonitor(), keep,
                session.config().clock());
        CardServiceViewModel model = new CardServiceViewModel(session.executor(), services, session.operator());
        session.shell().push(new CardServiceView(model, session.window(),
                new Approvals(session.executor(), desk.auth(), session.operator())));
    }

    boolean cardServiceShowing() {
        return session.showing(CardServiceView::isCardServiceScreen);
    }

    /**
     * A card put into the reader: the top-up screen reads it; the card service screen finishes a
     * waiting re-credit with it; elsewhere {@code elsewhere} runs (open writes are recalled).
     */
    void cardInserted(Runnable elsewhere) {
        Optional<Screen> current = session.shell().current().filter(TopUpView::isTopUpScreen);
        Optional<Screen> service = session.shell().current().filter(CardServiceView::isCardServiceScreen);
        if (current.isPresent()) {
            if (topUpTiming == null) {
                // the next customer's card: the next purchase starts
                topUpTiming = session.serviceClock().start(CounterBusiness.TOP_UP);
            }
            ((TopUpView) current.get()).model().read();
        } else if (service.isPresent()) {
            ((CardServiceView) service.get()).model().cardInserted();
        } else {
            elsewhere.run();
        }
    }

    /** Ctrl+D (demo mode only): the demo card reader. */
    void openDemoCards() {
        session.desk().demoCards().ifPresent(demo -> {
            DemoCardsViewModel model = new DemoCardsViewModel(session.executor(), demo, session.shell()::showInfo);
            DemoCardsDialog dialog = new DemoCardsDialog(model);
            model.whenInserted(session.window()::closeOverlay);
            session.window().showOverlay(dialog.node(), session.window()::closeOverlay);
            dialog.focus();
            model.load();
        });
    }
}
