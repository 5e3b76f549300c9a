package io.counterdesk.card;

import java.util.List;
import javax.smartcardio.ATR;

/** The built-in card profiles, and picking one for a card by its ATR. */
public final class CardProfiles {

    private CardProfiles() {
    }

    /** SLE4442 first (recognised by its ATR), then the CPU card (any other asynchronous card). */
    public static List<CardProfile> standard(CardKeys keys) {
        return List.of(new Sle4442Profile(keys), new CpuCardProfile(keys));
    }

    /** The first profile in {@code profiles} that handles {@code atr}. */
    public static CardProfile pick(List<CardProfile> profiles, ATR atr) {
        return profiles.stream().filter(profile -> profile.matches(atr)).findFirst()
                .orElseThrow(() -> new CardException(CardException.Reason.UNKNOWN_CARD, "card.unknown"));
    }
}
