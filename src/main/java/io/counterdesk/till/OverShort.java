package io.counterdesk.till;

import io.counterdesk.shared.Money;
import java.util.List;
import java.util.Set;

/**
 * Over/short (长短款) of a till, tender by tender: cash counted against expected; bank-card slips and
 * bank slips ticked against the system's list (an unticked slip is short by its amount).
 */
public record OverShort(Line cash, Line bankCard, Line bankSlip) {

    /** One tender: expected, actual and the difference actual − expected (positive 长款, negative 短款). */
    public record Line(String tender, Money expected, Money actual, List<SystemSlip> missing) {

        public Line {
            missing = List.copyOf(missing);
        }

        public Money difference() {
            return actual.minus(expected);
        }
    }

    public static OverShort of(TillFigures figures, CashCount count, List<SystemSlip> slips, Set<Long> ticked) {
        return new OverShort(new Line("CASH", figures.expectedCash(), count.total(), List.of()),
                slipLine(SystemSlip.BANK_CARD, slips, ticked), slipLine(SystemSlip.BANK_SLIP, slips, ticked));
    }

    private static Line slipLine(String kind, List<SystemSlip> slips, Set<Long> ticked) {
        List<SystemSlip> ofKind = slips.stream().filter(s -> s.kind().equals(kind)).toList();
        Money expected = ofKind.stream().map(SystemSlip::amount).reduce(Money.ZERO, Money::plus);
        List<SystemSlip> missing = ofKind.stream().filter(s -> !ticked.contains(s.postingId())).toList();
        Money actual = expected.minus(missing.stream().map(SystemSlip::amount).reduce(Money.ZERO, Money::plus));
        return new Line(kind, expected, actual, missing);
    }

    public List<Line> lines() {
        return List.of(cash, bankCard, bankSlip);
    }

    /** The sum of the tenders' differences. */
    public Money total() {
        return cash.difference().plus(bankCard.difference()).plus(bankSlip.difference());
    }

    /** True when any tender is over or short: the close then needs an explanation. */
    public boolean hasDifference() {
        return lines().stream().anyMatch(l -> !l.difference().isZero());
    }
}
