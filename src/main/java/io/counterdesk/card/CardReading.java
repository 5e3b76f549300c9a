package io.counterdesk.card;

import java.util.Optional;

/**
 * What a reader found: which profile handled the card, and either the issued card's content or
 * nothing for a blank card.
 *
 * @param readerName   the PC/SC reader
 * @param profileId    the card profile that read it (for example {@code sle4442}, {@code cpu})
 * @param image        the card content; empty for a blank card
 * @param pscTriesLeft the SLE4442 PSC error counter read before any presentation (-1 for cards without one)
 */
public record CardReading(String readerName, String profileId, Optional<CardImage> image, int pscTriesLeft) {

    public boolean blank() {
        return image.isEmpty();
    }

    public CardImage issued() {
        return image.orElseThrow(() -> new CardException(CardException.Reason.BLANK_CARD, "card.blank"));
    }
}
