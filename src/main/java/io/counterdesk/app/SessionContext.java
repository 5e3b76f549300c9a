package io.counterdesk.app;

import io.counterdesk.checkout.Hall;
import io.counterdesk.payment.ui.PaymentViewModel;
import io.counterdesk.printing.PaperWidth;
import io.counterdesk.security.Operator;
import io.counterdesk.security.Permission;
import io.counterdesk.shared.I18n;
import io.counterdesk.ui.CounterServiceClock;
import io.counterdesk.ui.CounterShell;
import io.counterdesk.ui.MainWindow;
import io.counterdesk.ui.PrinterMonitor;
import io.counterdesk.ui.Screen;
import io.counterdesk.ui.StatusBarModel;
import io.counterdesk.ui.TaskExecutor;
import java.util.function.Predicate;

/**
 * What every screen opener of one operator's session needs: the program's configuration and
 * executor, the window and the session's shell, the back end, the operator, the status bar and the
 * devices, and the receipt's head and paper (read once with the database).
 */
record SessionContext(AppConfig config, TaskExecutor executor, MainWindow window, CounterDesk desk, Operator operator,
        StatusBarModel status, CounterShell shell, PrinterMonitor printerMonitor, CounterServiceClock serviceClock,
        Hall hall, PaperWidth paper) {

    /** True if the cashier's till is open (money may be taken). */
    boolean tillOpen() {
        return status.tillOpenProperty().get();
    }

    /**
     * True if the till is open; otherwise the message line says why no money can be taken
     * (open a till first, or: this operator takes no money).
     */
    boolean requireTill() {
        if (tillOpen()) {
            return true;
        }
        shell.showError(I18n.text(operator.may(Permission.OPEN_TILL) ? "ui.pay.needTill" : "ui.pay.notAllowed"));
        return false;
    }

    /** True if the screen on top of the shell is one {@code kind} recognises. */
    boolean showing(Predicate<Screen> kind) {
        return shell.current().filter(kind).isPresent();
    }
}
