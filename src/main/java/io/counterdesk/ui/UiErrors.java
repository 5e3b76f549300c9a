package io.counterdesk.ui;

import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.I18n;

/** Turns what a background task threw into a sentence for the cashier. */
public final class UiErrors {

    private static final System.Logger LOG = System.getLogger(UiErrors.class.getName());

    private UiErrors() {
    }

    /**
     * A refusal ({@link BusinessException}) reads as its own message. Anything else is a fault the
     * cashier cannot fix: it is logged with its stack trace and shown as a short system error.
     */
    public static String text(Throwable error) {
        if (error instanceof BusinessException refusal) {
            return refusal.getMessage();
        }
        LOG.log(System.Logger.Level.ERROR, "unexpected error behind the counter screen", error);
        return I18n.text("ui.error.unexpected", describe(error));
    }

    /** The exception and its causes' messages, for a support person reading the screen. */
    public static String describe(Throwable error) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = error; t != null && out.length() < 400; t = t.getCause()) {
            if (!out.isEmpty()) {
                out.append(" ← ");
            }
            String message = t instanceof BusinessException b ? b.getMessage() : t.getMessage();
            out.append(message == null || message.isBlank() ? t.getClass().getSimpleName() : message);
            if (t.getCause() == t) {
                break;
            }
        }
        return out.toString();
    }
}
