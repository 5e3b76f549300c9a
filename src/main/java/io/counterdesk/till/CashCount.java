package io.counterdesk.till;

import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A drawer counted by denomination (pieces of each), counted blind: the cashier types what is in the
 * drawer without seeing what the system expects.
 */
public record CashCount(Map<Denomination, Integer> pieces) {

    /** More pieces of one denomination than a drawer holds: surely a typing mistake. */
    public static final int MAX_PIECES = 10_000;

    public CashCount {
        EnumMap<Denomination, Integer> copy = new EnumMap<>(Denomination.class);
        for (Denomination d : Denomination.values()) {
            Integer n = pieces.get(d);
            int count = n == null ? 0 : n;
            if (count < 0) {
                throw new BusinessException("till.count.negative");
            }
            if (count > MAX_PIECES) {
                throw new BusinessException("till.count.tooMany", MAX_PIECES);
            }
            copy.put(d, count);
        }
        pieces = Collections.unmodifiableMap(copy);
    }

    public static CashCount of(Map<Denomination, Integer> pieces) {
        return new CashCount(pieces);
    }

    public int piecesOf(Denomination d) {
        return pieces.get(d);
    }

    public Money total() {
        Money sum = Money.ZERO;
        for (Map.Entry<Denomination, Integer> e : pieces.entrySet()) {
            sum = sum.plus(e.getKey().times(e.getValue()));
        }
        return sum;
    }
}
