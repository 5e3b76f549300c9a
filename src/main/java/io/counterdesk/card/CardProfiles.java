package io.counterdesk.card;

import java.util.List;
import javax.smartcardio.ATR;

/** The built-in card profiles, and picking one for a card by its ATR. */
public final class CardProfiles {

    private CardProfiles() {
    }

    /**
     * SLE4442 first (recognised by its ATR) as an ACS reader speaks to it, then the CPU card (any
     * other asynchronous card).
     */
    public static List<CardProfile> standard(CardKeys keys) {
        return standard(keys, ReaderDialect.ACS);
    }

    /** As {@link #standard(CardKeys)}, the SLE4442 spoken to in the reader's {@code dialect}. */
    public static List<CardProfile> standard(CardKeys keys, ReaderDialect dialect) {
        return List.of(new Sle4442Profile(keys, dialect), new CpuCardProfile(keys));
    }

    /** The first profile in {@code profiles} that handles {@code atr}. */
    public static CardProfile pick(List<CardProfile> profiles, ATR atr) {
        return profiles.stream().filter(profile -> profile.matches(atr)).findFirst()
                .orElseThrow(() -> new CardException(CardException.Reason.UNKNOWN_CARD, "card.unknown"));
    }
}
