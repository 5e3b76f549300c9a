package io.counterdesk.ui;

import io.counterdesk.printing.PrinterStatus;
import io.counterdesk.printing.ReceiptPrinter;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Keeps the status bar's printer segment true: it hears every status the printer reports while
 * printing ({@link ReceiptPrinter#addStatusListener}) and asks the printer itself every few seconds
 * in the background, so paper running out or a cable pulled shows before the next receipt.
 *
 * <ul>
 *   <li>ONLINE, PAPER_NEAR_END (with its note), UNKNOWN (a printer that does not report; with its
 *       note) → ready;</li>
 *   <li>OFFLINE, PAPER_OUT, COVER_OPEN → fault, with the printer's own word (缺纸 …);</li>
 *   <li>NOT_CONFIGURED → not connected.</li>
 * </ul>
 */
public final class PrinterMonitor implements PrinterActivity {

    public static final Duration POLL_INTERVAL = Duration.ofSeconds(5);
    private static final System.Logger LOG = System.getLogger(PrinterMonitor.class.getName());

    private final TaskExecutor executor;
    private final ReceiptPrinter printer;
    private final StatusBarModel status;
    private final Duration interval;
    private final Consumer<PrinterStatus> listener;
    private PrinterStatus last = PrinterStatus.UNKNOWN;
    private boolean heard;
    private int printing;
    private boolean stopped = true;
    private boolean polling;
    private Cancellable nextPoll = Cancellable.NONE;

    public PrinterMonitor(TaskExecutor executor, ReceiptPrinter printer, StatusBarModel status, Duration interval) {
        this.executor = Objects.requireNonNull(executor);
        this.printer = Objects.requireNonNull(printer);
        this.status = Objects.requireNonNull(status);
        this.interval = Objects.requireNonNull(interval);
        // the printer calls its listeners on the thread that asked or printed: hop to the UI thread
        this.listener = reported -> executor.schedule(Duration.ZERO, () -> show(reported));
    }

    /**
     * Starts listening and asks the printer at once; until it answers the bar says "not connected".
     * Needs an executor that runs delayed actions later ({@link FxTaskExecutor}; in tests a manual
     * one): it asks again {@code interval} after each answer.
     */
    public void start() {
        if (!stopped) {
            return;
        }
        stopped = false;
        status.printerDescription(printer.describe());
        printer.addStatusListener(listener);
        poll();
    }

    /** Stops asking and listening (log-out). */
    public void stop() {
        stopped = true;
        nextPoll.cancel();
        printer.removeStatusListener(listener);
    }

    @Override
    public void printingStarted() {
        printing++;
        render();
    }

    @Override
    public void printingFinished() {
        printing = Math.max(0, printing - 1);
        render();
        if (printing == 0 && !stopped) {
            nextPoll.cancel();
            poll();
        }
    }

    /** What the status bar makes of a printer status. */
    public static DeviceState stateOf(PrinterStatus printerStatus) {
        return switch (printerStatus) {
            case ONLINE, PAPER_NEAR_END, UNKNOWN -> DeviceState.READY;
            case OFFLINE, PAPER_OUT, COVER_OPEN -> DeviceState.ERROR;
            case NOT_CONFIGURED -> DeviceState.NOT_CONNECTED;
        };
    }

    /** The word beside the state: the printer's own for a fault or a note, none when plainly ready. */
    static String detailOf(PrinterStatus printerStatus) {
        return switch (printerStatus) {
            case ONLINE, NOT_CONFIGURED -> "";
            default -> printerStatus.text();
        };
    }

    private void poll() {
        if (stopped || polling) {
            return;
        }
        if (printing > 0) {
            return; // printingFinished() asks again
        }
        polling = true;
        BackgroundTask.of(printer::status)
                .onSuccess(answer -> {
                    polling = false;
                    show(answer);
                    scheduleNext();
                })
                .onFailure(error -> {
                    polling = false;
                    LOG.log(System.Logger.Level.WARNING, "asking the receipt printer for its status failed", error);
                    show(PrinterStatus.OFFLINE);
                    scheduleNext();
                })
                .executeWith(executor);
    }

    private void scheduleNext() {
        if (!stopped) {
            nextPoll.cancel();
            nextPoll = executor.schedule(interval, this::poll);
        }
    }

    private void show(PrinterStatus reported) {
        if (stopped) {
            return;
        }
        last = reported;
        heard = true;
        render();
    }

    private void render() {
        if (!heard) {
            status.printer(printing > 0 ? DeviceState.BUSY : DeviceState.NOT_CONNECTED);
            return;
        }
        DeviceState state = stateOf(last);
        if (printing > 0 && state == DeviceState.READY) {
            status.printer(DeviceState.BUSY);
        } else {
            status.printer(state, detailOf(last));
        }
    }
}
