package io.counterdesk.card;

import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link CardProfile} read from a card: the content, the PSC tries left, and the raw bytes
 * it decoded them from (which a later write on the same connection compares against, to write
 * only what changes).
 */
public final class CardContent {

    private final Optional<CardImage> image;
    private final int pscTriesLeft;
    private final byte[] raw;

    /**
     * @param image        the issued card's content, empty for a blank card
     * @param pscTriesLeft SLE4442 PSC tries left (0–3), -1 for cards without a PSC
     * @param raw          the bytes read, in the profile's own arrangement; copied
     */
    public CardContent(Optional<CardImage> image, int pscTriesLeft, byte[] raw) {
        this.image = Objects.requireNonNull(image);
        this.pscTriesLeft = pscTriesLeft;
        this.raw = raw.clone();
    }

    public Optional<CardImage> image() {
        return image;
    }

    public int pscTriesLeft() {
        return pscTriesLeft;
    }

    public byte[] raw() {
        return raw.clone();
    }
}
