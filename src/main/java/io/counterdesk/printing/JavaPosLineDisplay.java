package io.counterdesk.printing;

import java.nio.file.Path;
import java.util.Objects;
import jpos.JposException;
import jpos.LineDisplayConst;
import jpos.LineDisplayControl114;

/**
 * The customer display (客显) through the vendor's JavaPOS LineDisplay service: two short lines the
 * customer reads while the cashier announces the amounts (唱收唱付), e.g. {@code 应收 128.50} /
 * {@code 实收 150.00 找零 21.50}. A display that fails never stops a payment: {@link #show} says
 * false and logs why.
 */
public final class JavaPosLineDisplay implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(JavaPosLineDisplay.class.getName());
    private static final int CLAIM_TIMEOUT_MS = 3000;

    private final LineDisplayControl114 display;
    private final String name;
    private boolean open;

    /** A display over a control given directly; {@code display} null means none installed. */
    public JavaPosLineDisplay(LineDisplayControl114 display, String logicalName) {
        this.display = display;
        this.name = Objects.requireNonNull(logicalName);
    }

    /** The display named {@code logicalName} in {@code jpos.xml}, from the vendor's {@code jpos.LineDisplay}. */
    public static JavaPosLineDisplay fromClassPath(String logicalName, Path jarDirectory) {
        return new JavaPosLineDisplay(JavaPosControls.create(JavaPosControls.LINE_DISPLAY, LineDisplayControl114.class,
                JavaPosControls.loader(jarDirectory)).orElse(null), logicalName);
    }

    /** True when the vendor's LineDisplay control is there. */
    public boolean installed() {
        return display != null;
    }

    /**
     * Shows two lines, each cut to the display's width (Chinese characters count two columns).
     *
     * @return false when the display is not installed or failed
     */
    public synchronized boolean show(String first, String second) {
        if (display == null) {
            return false;
        }
        try {
            openIfNeeded();
            int width = display.getColumns();
            display.clearText();
            display.displayTextAt(0, 0, fit(first, width), LineDisplayConst.DISP_DT_NORMAL);
            if (display.getRows() > 1) {
                display.displayTextAt(1, 0, fit(second, width), LineDisplayConst.DISP_DT_NORMAL);
            }
            return true;
        } catch (JposException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "customer display " + name + " failed: " + e.getMessage(), e);
            close();
            return false;
        }
    }

    /** Blanks the display (between customers). */
    public synchronized boolean clear() {
        if (display == null) {
            return false;
        }
        try {
            openIfNeeded();
            display.clearText();
            return true;
        } catch (JposException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "customer display " + name + " failed: " + e.getMessage(), e);
            close();
            return false;
        }
    }

    @Override
    public synchronized void close() {
        if (!open) {
            return;
        }
        open = false;
        try {
            display.setDeviceEnabled(false);
            display.release();
        } catch (JposException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing customer display " + name, e);
        }
        try {
            display.close();
        } catch (JposException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing customer display " + name, e);
        }
    }

    private void openIfNeeded() throws JposException {
        if (open) {
            return;
        }
        display.open(name);
        try {
            display.claim(CLAIM_TIMEOUT_MS);
            display.setDeviceEnabled(true);
        } catch (JposException e) {
            try {
                display.close();
            } catch (JposException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        open = true;
    }

    /** The first line of {@code text} wrapped to {@code width} columns. */
    static String fit(String text, int width) {
        return TextWidth.wrap(text, Math.max(2, width)).get(0);
    }
}
