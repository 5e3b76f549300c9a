package io.counterdesk.card;

import io.counterdesk.shared.BusinessException;

/**
 * A card or reader problem the cashier can act on. The {@link Reason} tells services what
 * happened; the message key (bundle {@code card}) tells the cashier what to do. Never thrown after a
 * partial write without saying so: {@link Reason#WRITE_UNCERTAIN} means the card may or may not hold
 * the new data and must be read again before anything else.
 */
public class CardException extends BusinessException {

    private static final long serialVersionUID = 1L;

    /** Why the card could not be used. */
    public enum Reason {
        /** The PC/SC service is not running or not installed. */
        SERVICE_UNAVAILABLE,
        /** No reader is attached, or the named reader is gone. */
        NO_READER,
        /** No card in the reader. */
        NO_CARD,
        /** The card left the reader (or the reader vanished) during the operation. */
        CARD_REMOVED,
        /** The card answered with an ATR or data no profile understands. */
        UNKNOWN_CARD,
        /** The card was never issued (blank) where an issued card is needed. */
        BLANK_CARD,
        /** The card's MAC does not match: forged or edited. */
        FORGED,
        /** The SLE4442 PSC counter has fewer than 2 tries left: the program will not risk locking it. */
        PSC_LOCK_RISK,
        /** The card refused the PSC (wrong key for this card). */
        PSC_REFUSED,
        /** The card does not hold what the system expected (another card, or changed since read). */
        CARD_CHANGED,
        /**
         * Nothing was written, and the card proves it: the reader refused the command outright (an
         * ISO 7816-4 checking error such as {@code 6D 00}, {@code 6A 8x}, {@code 69 82}, or a command
         * this reader cannot do) and the card read back holds exactly what it held before.
         */
        NOT_WRITTEN,
        /** The write was interrupted or the read-back differs: the card must be read again. */
        WRITE_UNCERTAIN,
        /** The reader or card reported an error. */
        READER_ERROR
    }

    private final Reason reason;

    public CardException(Reason reason, String key, Object... args) {
        super(key, args);
        this.reason = reason;
    }

    public CardException(Reason reason, Throwable cause, String key, Object... args) {
        this(reason, key, args);
        initCause(cause);
    }

    public Reason reason() {
        return reason;
    }
}
