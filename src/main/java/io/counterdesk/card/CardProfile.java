package io.counterdesk.card;

import javax.smartcardio.ATR;
import javax.smartcardio.CardChannel;

/**
 * One kind of card behind a PC/SC reader: how its ATR looks, and how the card layout is read from
 * and written to it. {@link CardProfiles#standard} gives the built-in profiles (SLE4442, CPU card);
 * a vendor layout (AT88SC102, contactless M1 …) is another implementation. Every call works on a
 * channel that was just connected; profiles keep no state between calls. Failures are
 * {@link CardException}s; once a write has started to change the card, every failure is
 * {@link CardException.Reason#WRITE_UNCERTAIN}.
 */
public interface CardProfile {

    /** Short, stable name, recorded with each reading (for example {@code sle4442}, {@code cpu}). */
    String id();

    /** Whether this profile handles a card answering with {@code atr}. */
    boolean matches(ATR atr);

    /** Reads the card: its content (empty when blank) and, for SLE4442, the PSC error counter. Never presents a PSC. */
    CardContent read(CardChannel channel);

    /**
     * Makes the card hold {@code next}: unlocks it if the chip needs it (never risking a PSC lock),
     * writes only what changes, reads the card back and returns only when it holds {@code next}.
     *
     * @param current what {@link #read} returned on this same connection
     */
    void write(CardChannel channel, CardContent current, CardImage next);
}
