package io.counterdesk.printing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The counter's receipt printer as the rest of the program sees it: print a document, ask the
 * status, resume what failed. Calls block on I/O: make them from a background task, never on the
 * JavaFX thread.
 *
 * <p>A document that fails (paper out, offline …) is kept as pending, in order, until
 * {@link #resume()} prints it or {@link #discardPending()} drops it; its receipt number is in the
 * document, so a resumed receipt keeps its number. When the failure may have left part of the
 * receipt on paper ({@link PrinterException#mayHavePrinted()}) the drawer kick is dropped from the
 * pending copy, because the drawer may already have opened. Pending documents live in memory
 * only: the receipt records in the database are what survives a restart.
 *
 * <p>Status listeners hear every change of status (from printing and from {@link #status()}), on
 * the thread that made the call.
 */
public final class ReceiptPrinter implements AutoCloseable {

    private final PrinterDevice device;
    private final boolean drawerEnabled;
    private final CapturePrinter capture;
    private final List<Consumer<PrinterStatus>> listeners = new CopyOnWriteArrayList<>();
    private final List<PrintDocument> pending = new ArrayList<>();
    private volatile PrinterStatus lastStatus = PrinterStatus.UNKNOWN;

    /**
     * @param drawerEnabled false on a terminal without a cash drawer: drawer kicks are left out
     */
    public ReceiptPrinter(PrinterDevice device, boolean drawerEnabled) {
        this(device, drawerEnabled, null);
    }

    ReceiptPrinter(PrinterDevice device, boolean drawerEnabled, CapturePrinter capture) {
        this.device = Objects.requireNonNull(device);
        this.drawerEnabled = drawerEnabled;
        this.capture = capture;
    }

    /**
     * Prints the whole document, or throws and keeps it pending.
     *
     * @return the status seen while printing
     * @throws PrinterException with the printer's status and a text for the cashier
     */
    public synchronized PrinterStatus print(PrintDocument document) {
        PrintDocument job = drawerEnabled ? document : document.withoutDrawerKick();
        try {
            PrinterStatus status = device.print(job);
            pending.remove(document);
            pending.remove(job);
            changed(status);
            return status;
        } catch (PrinterException e) {
            PrintDocument kept = e.mayHavePrinted() ? job.withoutDrawerKick() : job;
            pending.remove(document);
            pending.remove(job);
            if (!pending.contains(kept)) {
                pending.add(kept);
            }
            changed(e.status());
            throw e;
        }
    }

    /** The documents that failed and wait to be resumed, oldest first. */
    public synchronized List<PrintDocument> pending() {
        return List.copyOf(pending);
    }

    /**
     * Prints the pending documents, oldest first, stopping at the first that fails again (it stays
     * pending, with the ones after it).
     *
     * @return how many were printed
     * @throws PrinterException when one fails again
     */
    public synchronized int resume() {
        int printed = 0;
        for (PrintDocument document : List.copyOf(pending)) {
            print(document);
            printed++;
        }
        return printed;
    }

    /** The oldest pending document, if any (what a "reprint" key would resume). */
    public synchronized Optional<PrintDocument> firstPending() {
        return pending.stream().findFirst();
    }

    /** Forgets the pending documents (the cashier voids or reprints them through the receipt screen instead). */
    public synchronized void discardPending() {
        pending.clear();
    }

    /** Asks the printer now (a network round trip at most), tells the listeners if it changed. */
    public PrinterStatus status() {
        PrinterStatus status = device.status();
        changed(status);
        return status;
    }

    /** The status last seen, without asking the printer. */
    public PrinterStatus lastStatus() {
        return lastStatus;
    }

    public void addStatusListener(Consumer<PrinterStatus> listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    public void removeStatusListener(Consumer<PrinterStatus> listener) {
        listeners.remove(listener);
    }

    /** What the printer is, for the status bar's tooltip and logs. */
    public String describe() {
        return device.describe();
    }

    /** The capture printer this one prints to, in demo mode ({@code printer.kind=capture}). */
    public Optional<CapturePrinter> capturePrinter() {
        return Optional.ofNullable(capture);
    }

    @Override
    public void close() {
        try {
            device.close();
        } finally {
            if (capture != null) {
                capture.close();
            }
        }
    }

    private void changed(PrinterStatus status) {
        PrinterStatus before = lastStatus;
        lastStatus = status;
        if (before != status) {
            for (Consumer<PrinterStatus> listener : listeners) {
                listener.accept(status);
            }
        }
    }
}
