package io.counterdesk.card;

import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.Settings;
import io.counterdesk.persistence.Tx;
import io.counterdesk.shared.BusinessException;
import java.util.Arrays;

/**
 * The utility's card settings, kept in the database's settings (so every terminal of a hall has
 * them with its data): the utility and area codes written on every card, the most one purchase may
 * put on a card, and the utility's card secret the keys are derived from (created at random on
 * first use; a real hall sets the utility's own, the one its meters hold).
 *
 * @param maxPurchaseM3 the most one purchase may put on a card
 */
public record CardSettings(int utilityCode, int areaCode, long maxPurchaseM3) {

    public static final String SECRET = "card.utility.secret";
    public static final String UTILITY_CODE = "card.utility.code";
    public static final String AREA_CODE = "card.area.code";
    public static final String MAX_PURCHASE = "card.maxPurchaseM3";
    public static final int DEFAULT_UTILITY_CODE = 3301;
    public static final int DEFAULT_AREA_CODE = 1;

    /** The settings and the keys of the utility's cards. */
    public record Loaded(CardSettings settings, CardKeys keys) {
    }

    /** Reads the settings (the defaults where none is set) and makes the keys; creates the secret if there is none. */
    public static Loaded load(Database database) {
        return database.inTransaction(tx -> {
            Settings settings = new Settings();
            byte[] secret = settings.secret(tx, SECRET);
            try {
                CardSettings read = new CardSettings(
                        (int) number(tx, settings, UTILITY_CODE, DEFAULT_UTILITY_CODE, 0, 9_999),
                        (int) number(tx, settings, AREA_CODE, DEFAULT_AREA_CODE, 0, 9_999),
                        number(tx, settings, MAX_PURCHASE, GasPricing.DEFAULT_MAX_PURCHASE_M3, 1, 99_999));
                return new Loaded(read, new CardKeys(secret));
            } finally {
                Arrays.fill(secret, (byte) 0);
            }
        });
    }

    public GasPricing pricing() {
        return new GasPricing(maxPurchaseM3);
    }

    private static long number(Tx tx, Settings settings, String name, long fallback, long min, long max) {
        String text = settings.get(tx, name).map(String::strip).orElse("");
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BusinessException("topup.settings.invalid", name, text, min, max);
    }
}
