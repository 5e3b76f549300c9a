package io.counterdesk.card;

/**
 * The card in one reader, as services see it. Implementations pick the card profile from the ATR,
 * verify the MAC on every read and derive the SLE4442 PSC from the utility secret. Every method
 * connects, works and disconnects; nothing is cached between calls, so a card swapped in between
 * is noticed. All failures are {@link CardException}s.
 */
public interface CardAccess {

    /** The reader this access works on. */
    String readerName();

    /** Whether a card is in the reader right now. */
    boolean cardPresent();

    /** Reads the card in the reader. */
    CardReading read();

    /**
     * Writes {@code next} onto the card, but only if the card still holds {@code expected} (compared
     * field by field; {@code null} = the card must be blank), then reads it back. Returns normally
     * only when the read-back equals {@code next}. Throws {@link CardException.Reason#CARD_CHANGED}
     * without writing when the card is not the expected one, and
     * {@link CardException.Reason#WRITE_UNCERTAIN} when the card may have been partly written.
     * The meter area is never written by the counter: {@code next.meter()} must equal what the card holds.
     */
    void write(CardImage expected, CardImage next);
}
