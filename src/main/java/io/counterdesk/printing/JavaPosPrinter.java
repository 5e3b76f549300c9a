package io.counterdesk.printing;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import jpos.CashDrawerControl114;
import jpos.JposConst;
import jpos.JposException;
import jpos.POSPrinterConst;
import jpos.POSPrinterControl114;

/**
 * A receipt printer (and its cash drawer) driven through the vendor's JavaPOS service, programmed
 * against the UnifiedPOS interfaces {@link POSPrinterControl114} and {@link CashDrawerControl114}.
 *
 * <p>On first use it opens the logical device named in {@code jpos.xml}, claims it, enables it and
 * keeps it until {@link #close()}. A document is printed as a transaction
 * ({@code transactionPrint}) when the device can, so a refused or failed job leaves nothing on
 * paper: lines through {@code printNormal} with UnifiedPOS escape sequences ({@code ESC|cA} centre,
 * {@code ESC|bC} bold, {@code ESC|4C} double size …), the QR code through {@code printBarCode}
 * when {@code CapRecBarCode} (else its content as text), the cut through {@code cutPaper(100)}, the
 * drawer through {@code openDrawer}. Status comes from {@code PowerState}, {@code CoverOpen},
 * {@code RecEmpty} and {@code RecNearEnd}.
 *
 * <p>Without the vendor's classes on the class path the printer is
 * {@link PrinterStatus#NOT_CONFIGURED} and says which class is missing.
 */
public final class JavaPosPrinter implements PrinterDevice {

    private static final System.Logger LOG = System.getLogger(JavaPosPrinter.class.getName());
    /** The UnifiedPOS escape prefix, ESC '|'. */
    static final String ESC = "\u001b|";
    private static final int CLAIM_TIMEOUT_MS = 3000;
    private static final int QR_SIZE_DOTS = 200;
    private static final int RECEIPT = POSPrinterConst.PTR_S_RECEIPT;

    private final POSPrinterControl114 printer;
    private final CashDrawerControl114 drawer;
    private final String printerName;
    private final String drawerName;
    private final PaperWidth paper;
    private final String missing;
    private boolean printerOpen;
    private boolean drawerOpen;
    private int columns;

    /**
     * A printer over controls given directly (a test service, or controls created elsewhere).
     *
     * @param drawer     the drawer control, or null when the drawer is wired to nothing JavaPOS knows
     * @param drawerName the drawer's logical name in {@code jpos.xml}, or null with no drawer
     */
    public JavaPosPrinter(POSPrinterControl114 printer, String printerName, CashDrawerControl114 drawer,
                          String drawerName, PaperWidth paper) {
        this(Objects.requireNonNull(printer), printerName, drawer, drawerName, paper, null);
    }

    private JavaPosPrinter(POSPrinterControl114 printer, String printerName, CashDrawerControl114 drawer,
                           String drawerName, PaperWidth paper, String missing) {
        this.printer = printer;
        this.printerName = Objects.requireNonNull(printerName);
        this.drawer = drawerName == null ? null : drawer;
        this.drawerName = drawerName;
        this.paper = Objects.requireNonNull(paper);
        this.missing = missing;
        this.columns = paper.columns();
    }

    /**
     * The printer named {@code printerName} in {@code jpos.xml}, with its controls created from the
     * vendor's classes ({@code jpos.POSPrinter}, {@code jpos.CashDrawer}).
     *
     * @param drawerName  the cash drawer's logical name, or null for none
     * @param jarDirectory a directory of the vendor's jars, or null when they are on the class path
     */
    public static JavaPosPrinter fromClassPath(String printerName, String drawerName, PaperWidth paper, Path jarDirectory) {
        return fromClassLoader(printerName, drawerName, paper, JavaPosControls.loader(jarDirectory));
    }

    static JavaPosPrinter fromClassLoader(String printerName, String drawerName, PaperWidth paper, ClassLoader loader) {
        var printer = JavaPosControls.create(JavaPosControls.POS_PRINTER, POSPrinterControl114.class, loader);
        if (printer.isEmpty()) {
            return new JavaPosPrinter(null, printerName, null, null, paper, JavaPosControls.POS_PRINTER);
        }
        CashDrawerControl114 drawer = null;
        if (drawerName != null) {
            drawer = JavaPosControls.create(JavaPosControls.CASH_DRAWER, CashDrawerControl114.class, loader).orElse(null);
            if (drawer == null) {
                LOG.log(System.Logger.Level.WARNING, "JavaPOS cash drawer " + drawerName + ": "
                        + JavaPosControls.CASH_DRAWER + " is not on the class path; the drawer will not open");
            }
        }
        return new JavaPosPrinter(printer.get(), printerName, drawer, drawerName, paper, null);
    }

    @Override
    public synchronized PrinterStatus print(PrintDocument document) {
        requireInstalled();
        boolean printing = false;
        try {
            open();
            PrinterStatus before = readStatus();
            if (!before.canPrint()) {
                throw PrinterException.refused(before, describe());
            }
            boolean transaction = printer.getCapTransaction();
            if (transaction) {
                printer.transactionPrint(RECEIPT, POSPrinterConst.PTR_TP_TRANSACTION);
            } else {
                printing = true;
            }
            for (PaperLayout.Step step : PaperLayout.lay(document, columns)) {
                if (step instanceof PaperLayout.Line line) {
                    printer.printNormal(RECEIPT, escapes(line) + line.text() + "\n");
                } else if (step instanceof PaperLayout.Qr qr) {
                    printQr(qr.content());
                } else if (step instanceof PaperLayout.CutPaper) {
                    cut();
                } else if (step instanceof PaperLayout.KickDrawer) {
                    openDrawer();
                }
            }
            if (transaction) {
                printing = true;
                printer.transactionPrint(RECEIPT, POSPrinterConst.PTR_TP_NORMAL);
            }
            return before;
        } catch (JposException e) {
            throw failure(e, printing);
        } catch (PrinterException e) {
            throw e;
        } catch (RuntimeException vendorBug) {
            close();
            throw new PrinterException(PrinterStatus.OFFLINE, printing, vendorBug, "printing.error.javapos", printerName,
                    "-", vendorBug.toString());
        }
    }

    @Override
    public synchronized PrinterStatus status() {
        if (printer == null) {
            return PrinterStatus.NOT_CONFIGURED;
        }
        try {
            open();
            return readStatus();
        } catch (JposException e) {
            return failure(e, false).status();
        } catch (RuntimeException vendorBug) {
            LOG.log(System.Logger.Level.WARNING, "JavaPOS printer " + printerName + " failed to report its status", vendorBug);
            close();
            return PrinterStatus.OFFLINE;
        }
    }

    @Override
    public String describe() {
        return "JavaPOS " + printerName;
    }

    /** Releases and closes the devices; the next print opens them again. */
    @Override
    public synchronized void close() {
        if (printerOpen) {
            closeQuietly(printerName, printer);
            printerOpen = false;
        }
        if (drawerOpen) {
            closeQuietly(drawerName, drawer);
            drawerOpen = false;
        }
    }

    private void requireInstalled() {
        if (printer == null) {
            throw new PrinterException(PrinterStatus.NOT_CONFIGURED, false, null, "printing.error.javaposMissing", missing);
        }
    }

    /** open, claim, (power notify,) enable; sets the line width to the paper's where the device allows. */
    private void open() throws JposException {
        if (printerOpen) {
            return;
        }
        printer.open(printerName);
        try {
            printer.claim(CLAIM_TIMEOUT_MS);
            if (printer.getCapPowerReporting() != JposConst.JPOS_PR_NONE) {
                printer.setPowerNotify(JposConst.JPOS_PN_ENABLED);
            }
            printer.setDeviceEnabled(true);
            printer.setAsyncMode(false);
            printer.setMapMode(POSPrinterConst.PTR_MM_DOTS);
            adoptLineWidth();
        } catch (JposException e) {
            closeQuietly(printerName, printer);
            throw e;
        }
        printerOpen = true;
    }

    private void adoptLineWidth() {
        try {
            if (printer.getRecLineChars() != paper.columns()) {
                printer.setRecLineChars(paper.columns());
            }
        } catch (JposException notSupported) {
            LOG.log(System.Logger.Level.DEBUG, "RecLineChars " + paper.columns() + " not supported by " + printerName);
        }
        try {
            int deviceColumns = printer.getRecLineChars();
            columns = deviceColumns > 0 ? deviceColumns : paper.columns();
        } catch (JposException unknown) {
            columns = paper.columns();
        }
    }

    private PrinterStatus readStatus() throws JposException {
        if (printer.getCapPowerReporting() != JposConst.JPOS_PR_NONE) {
            int power = printer.getPowerState();
            if (power == JposConst.JPOS_PS_OFF || power == JposConst.JPOS_PS_OFFLINE
                    || power == JposConst.JPOS_PS_OFF_OFFLINE) {
                return PrinterStatus.OFFLINE;
            }
        }
        if (printer.getCapCoverSensor() && printer.getCoverOpen()) {
            return PrinterStatus.COVER_OPEN;
        }
        if (printer.getCapRecEmptySensor() && printer.getRecEmpty()) {
            return PrinterStatus.PAPER_OUT;
        }
        if (printer.getState() == JposConst.JPOS_S_ERROR) {
            return PrinterStatus.OFFLINE;
        }
        if (printer.getCapRecNearEndSensor() && printer.getRecNearEnd()) {
            return PrinterStatus.PAPER_NEAR_END;
        }
        return PrinterStatus.ONLINE;
    }

    /** The UnifiedPOS escape sequences that start a line: normal, then alignment, bold, size. */
    static String escapes(PaperLayout.Line line) {
        StringBuilder s = new StringBuilder(ESC + "N");
        switch (line.alignment()) {
            case CENTER -> s.append(ESC).append("cA");
            case RIGHT -> s.append(ESC).append("rA");
            default -> {
            }
        }
        if (line.style().bold()) {
            s.append(ESC).append("bC");
        }
        TextStyle style = line.style();
        if (style.doubleWidth() && style.doubleHeight()) {
            s.append(ESC).append("4C");
        } else if (style.doubleWidth()) {
            s.append(ESC).append("2C");
        } else if (style.doubleHeight()) {
            s.append(ESC).append("3C");
        }
        return s.toString();
    }

    private void printQr(String content) throws JposException {
        if (printer.getCapRecBarCode()) {
            printer.printBarCode(RECEIPT, content, POSPrinterConst.PTR_BCS_QRCODE, QR_SIZE_DOTS, QR_SIZE_DOTS,
                    POSPrinterConst.PTR_BC_CENTER, POSPrinterConst.PTR_BC_TEXT_NONE);
        } else {
            for (String line : TextWidth.wrap(content, columns)) {
                printer.printNormal(RECEIPT, ESC + "N" + ESC + "cA" + line + "\n");
            }
        }
    }

    private void cut() throws JposException {
        int feed = printer.getRecLinesToPaperCut();
        if (feed > 0) {
            printer.printNormal(RECEIPT, ESC + feed + "lF");
        }
        if (printer.getCapRecPapercut()) {
            printer.cutPaper(100);
        }
    }

    /** The drawer opening is a convenience: if it fails the receipt still prints and the cashier uses the key. */
    private void openDrawer() {
        if (drawer == null) {
            if (drawerName != null) {
                LOG.log(System.Logger.Level.WARNING, "cash drawer " + drawerName + " not available; not opened");
            }
            return;
        }
        try {
            if (!drawerOpen) {
                drawer.open(drawerName);
                try {
                    drawer.claim(CLAIM_TIMEOUT_MS);
                    drawer.setDeviceEnabled(true);
                } catch (JposException e) {
                    closeQuietly(drawerName, drawer);
                    throw e;
                }
                drawerOpen = true;
            }
            drawer.openDrawer();
        } catch (JposException e) {
            LOG.log(System.Logger.Level.WARNING, "cash drawer " + drawerName + " did not open: " + e.getMessage(), e);
            if (drawerOpen) {
                closeQuietly(drawerName, drawer);
                drawerOpen = false;
            }
        }
    }

    /** The JavaPOS error as a {@link PrinterException}; the device is reopened next time unless it is only out of paper or open. */
    private PrinterException failure(JposException e, boolean mayHavePrinted) {
        int code = e.getErrorCode();
        int extended = e.getErrorCodeExtended();
        if (code == JposConst.JPOS_E_EXTENDED && extended == POSPrinterConst.JPOS_EPTR_REC_EMPTY) {
            clearOutput();
            return new PrinterException(PrinterStatus.PAPER_OUT, mayHavePrinted, e, "printing.error.paperOut", describe());
        }
        if (code == JposConst.JPOS_E_EXTENDED && extended == POSPrinterConst.JPOS_EPTR_COVER_OPEN) {
            clearOutput();
            return new PrinterException(PrinterStatus.COVER_OPEN, mayHavePrinted, e, "printing.error.coverOpen", describe());
        }
        close();
        if (code == JposConst.JPOS_E_NOEXIST || code == JposConst.JPOS_E_NOSERVICE) {
            return new PrinterException(PrinterStatus.NOT_CONFIGURED, false, e, "printing.error.javaposNoDevice",
                    printerName, String.valueOf(e.getMessage()));
        }
        if (code == JposConst.JPOS_E_CLAIMED) {
            return new PrinterException(PrinterStatus.OFFLINE, false, e, "printing.error.javaposClaimed", printerName);
        }
        return new PrinterException(PrinterStatus.OFFLINE, mayHavePrinted, e, "printing.error.javapos", printerName,
                String.valueOf(code), String.valueOf(e.getMessage()));
    }

    /** Drops what a failed transaction left buffered, so a resumed job starts clean. */
    private void clearOutput() {
        try {
            printer.clearOutput();
        } catch (JposException e) {
            LOG.log(System.Logger.Level.DEBUG, "clearOutput after a failed job", e);
        }
    }

    private static void closeQuietly(String name, jpos.BaseControl control) {
        for (ControlStep step : List.<ControlStep>of(c -> c.setDeviceEnabled(false), jpos.BaseControl::release,
                jpos.BaseControl::close)) {
            try {
                step.run(control);
            } catch (JposException | RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing JavaPOS device " + name, e);
            }
        }
    }

    @FunctionalInterface
    private interface ControlStep {
        void run(jpos.BaseControl control) throws JposException;
    }
}
