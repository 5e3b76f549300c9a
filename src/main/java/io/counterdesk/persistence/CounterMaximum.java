package io.counterdesk.persistence;

import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;

/**
 * The largest amount a person may type at the counter (setting {@code counter.max.fen}, default
 * ¥100,000; V23, ADR 0013). Every amount typed into a service is checked against it before any
 * arithmetic, so sums of typed amounts stay far from a {@code long}'s range and a slip of the finger
 * (an extra zero or three) is refused instead of booked.
 */
public final class CounterMaximum {

    public static final String SETTING = "counter.max.fen";
    public static final Money DEFAULT = Money.ofYuan(100_000);
    /** The most of one fee item (or m³ of gas) on one business. */
    public static final int MAX_QUANTITY = 9_999;

    private final Settings settings = new Settings();

    /** The maximum as set for this database, or the default where unset or unreadable. */
    public Money of(Tx tx) {
        return settings.get(tx, SETTING).map(v -> {
            try {
                long fen = Long.parseLong(v.strip());
                return fen > 0 ? Money.ofFen(fen) : DEFAULT;
            } catch (NumberFormatException e) {
                return DEFAULT;
            }
        }).orElse(DEFAULT);
    }

    /** Refuses a typed amount that is missing or above the counter maximum. */
    public void check(Tx tx, Money typed) {
        if (typed == null) {
            throw new BusinessException("shared.amount.missing");
        }
        Money max = of(tx);
        if (typed.fen() > max.fen() || typed.fen() < -max.fen()) {
            throw new BusinessException("shared.amount.tooLarge", typed.format(), max.format());
        }
    }

    /** Refuses a quantity below 1 or above {@link #MAX_QUANTITY}. */
    public static void checkQuantity(long quantity) {
        if (quantity <= 0 || quantity > MAX_QUANTITY) {
            throw new BusinessException("shared.quantity.range", MAX_QUANTITY);
        }
    }
}
