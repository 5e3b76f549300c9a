package io.counterdesk.app;

import io.counterdesk.security.Operator;
import io.counterdesk.security.Permission;
import io.counterdesk.ui.CounterAction;
import io.counterdesk.ui.CounterKeys;
import java.util.List;

/**
 * The keys that work on every screen of a session (F1's general list): each names its key, its text
 * and when it applies, and hands the work to the session or a feature's opener.
 */
final class GlobalKeys {

    private GlobalKeys() {
    }

    /** The session's global keys; {@code lock} is Ctrl+L (back to the log-in page). */
    static List<CounterAction> of(CounterSession session, Runnable lock) {
        Operator operator = session.operator();
        SessionContext context = session.context();
        CounterSession.Openers open = session.openers();
        boolean counterBusiness = operator.may(Permission.COUNTER_BUSINESS);
        List<CounterAction> keys = List.of(
                CounterAction.of("search.focus", CounterKeys.FOCUS_SEARCH, "F2", CounterKeys.GROUP_GENERAL,
                        "ui.keys.focusSearch", session::focusSearch).when(session::searchShown),
                CounterAction.of("back", CounterKeys.BACK, "Esc", CounterKeys.GROUP_GENERAL,
                        "ui.keys.back", context.shell()::escape),
                CounterAction.of("lock", CounterKeys.LOCK, "Ctrl+L", CounterKeys.GROUP_GENERAL,
                        "ui.keys.lock", lock),
                CounterAction.of("till.open", CounterKeys.OPEN_TILL, "F10", CounterKeys.GROUP_GENERAL,
                        "ui.keys.openTill", session::openTill)
                        .when(() -> session.searchShown() && !session.tillScreenShowing() && !context.tillOpen()
                                && operator.may(Permission.OPEN_TILL)),
                CounterAction.of("print.resume", CounterKeys.PRINT, "F9", CounterKeys.GROUP_GENERAL,
                        "ui.keys.printUnprinted", session::resumeUnprinted)
                        .when(() -> counterBusiness),
                CounterAction.of("stock.open", CounterKeys.STOCK, "F11", CounterKeys.GROUP_GENERAL,
                        "ui.keys.stock", open.stock()::open)
                        .when(() -> session.searchShown() && !open.stock().showing() && counterBusiness),
                CounterAction.of("topup.open", CounterKeys.TOP_UP, "Ctrl+G", CounterKeys.GROUP_GENERAL,
                        "ui.keys.topup", open.cards()::openTopUp)
                        .when(() -> session.searchShown() && !open.cards().topUpShowing() && counterBusiness),
                CounterAction.of("cardservice.open", CounterKeys.CARD_SERVICE, "Ctrl+B", CounterKeys.GROUP_GENERAL,
                        "ui.keys.cardService", open.cards()::openCardService)
                        .when(() -> session.searchShown() && !open.cards().cardServiceShowing() && counterBusiness),
                CounterAction.of("suspension.list", CounterKeys.SUSPENSION_LIST, "Ctrl+U", CounterKeys.GROUP_SEARCH,
                        "ui.keys.suspensionList", open.accounts()::openSuspensionList)
                        .when(() -> session.searchShown() && session.searchShowing()),
                CounterAction.of("opening.open", CounterKeys.OPENING, "Ctrl+O", CounterKeys.GROUP_GENERAL,
                        "ui.keys.opening", open.opening()::open)
                        .when(() -> session.searchShown() && !open.opening().showing() && counterBusiness),
                CounterAction.of("transfer.open", CounterKeys.TRANSFER, "Ctrl+T", CounterKeys.GROUP_GENERAL,
                        "ui.keys.transfer", open.transfer()::open)
                        .when(() -> session.searchShown() && !open.transfer().showing() && counterBusiness),
                CounterAction.of("dayclose.open", CounterKeys.DAY_CLOSE, "Ctrl+E", CounterKeys.GROUP_GENERAL,
                        "ui.keys.dayClose", open.dayClose()::open)
                        .when(() -> session.searchShown() && !open.dayClose().showing()
                                && operator.may(Permission.OPEN_TILL)),
                CounterAction.of("signoff.open", CounterKeys.SIGN_OFF, "Ctrl+H", CounterKeys.GROUP_GENERAL,
                        "ui.keys.signOff", open.signOff()::open)
                        .when(() -> session.searchShown() && !open.signOff().showing()
                                && operator.may(Permission.APPROVE)),
                CounterAction.of("reverse.open", CounterKeys.REVERSAL, "Ctrl+R", CounterKeys.GROUP_GENERAL,
                        "reversal.ui.keys.open", open.payments()::openReversal)
                        .when(() -> session.searchShown() && !open.payments().reversalShowing() && counterBusiness),
                CounterAction.of("demo.cards", CounterKeys.DEMO_CARDS, "Ctrl+D", CounterKeys.GROUP_GENERAL,
                        "ui.keys.demoCards", open.cards()::openDemoCards)
                        .when(() -> context.desk().demoCards().isPresent()));
        List<CounterAction> all = new java.util.ArrayList<>(notNow(keys, operator));
        all.addAll(keys);
        return List.copyOf(all);
    }

    /**
     * F1 names every global key, also those that do nothing on this screen or for this operator now:
     * a line saying when the key works, listed while the key itself is not (registered before the keys,
     * so a usable key wins its line).
     */
    private static List<CounterAction> notNow(List<CounterAction> keys, Operator operator) {
        java.util.Map<String, String> when = java.util.Map.of("till.open", "ui.keys.openTill.notNow",
                "stock.open", "ui.keys.stock.notNow", "signoff.open", "ui.keys.signOff.notNow",
                "suspension.list", "ui.keys.suspensionList.notNow");
        List<CounterAction> hints = new java.util.ArrayList<>();
        for (CounterAction key : keys) {
            String text = when.get(key.id());
            if (text != null && (operator.may(Permission.COUNTER_BUSINESS) || key.id().equals("signoff.open"))) {
                hints.add(CounterAction.hint(key.id() + ".notNow", key.keyLabel(), CounterKeys.GROUP_GENERAL, text)
                        .when(() -> !key.available().getAsBoolean()));
            }
        }
        return hints;
    }
}
