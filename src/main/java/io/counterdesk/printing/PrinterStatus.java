package io.counterdesk.printing;

import io.counterdesk.shared.I18n;
import java.util.Locale;

/** What the receipt printer says about itself, as the status bar shows it. */
public enum PrinterStatus {
    /** Ready to print. */
    ONLINE(true),
    /** Ready, but the roll is nearly used up (paper near-end sensor): change it soon. */
    PAPER_NEAR_END(true),
    /** Switched off, unplugged, unreachable or in an error state. */
    OFFLINE(false),
    /** Out of paper. */
    PAPER_OUT(false),
    /** The cover (roll compartment) is open. */
    COVER_OPEN(false),
    /**
     * The printer does not report its state (a device file, the spooler, a printer that does not
     * answer DLE EOT). Printing is attempted; only the paper tells whether it worked.
     */
    UNKNOWN(true),
    /** No printer is configured, or its driver (JavaPOS) is not installed. */
    NOT_CONFIGURED(false);

    private final boolean canPrint;

    PrinterStatus(boolean canPrint) {
        this.canPrint = canPrint;
    }

    /** True when a job is sent in this state; false when it is refused before a byte is sent. */
    public boolean canPrint() {
        return canPrint;
    }

    /** The text key of the status bar's wording, {@code printing.status.<NAME>}. */
    public String textKey() {
        return "printing.status." + name();
    }

    /** The status bar's wording in the current locale, e.g. {@code 缺纸}. */
    public String text() {
        return I18n.text(textKey());
    }

    public String text(Locale locale) {
        return I18n.text(locale, textKey());
    }
}
