package io.counterdesk.payment;

import io.counterdesk.shared.Money;
import java.time.YearMonth;
import java.util.Objects;

/**
 * An unpaid bill as it stands on the day of payment: the principal still owed and the late fee
 * due (after any approved waiver).
 */
public record DueBill(long billId, YearMonth period, long volumeM3, Money amount, Money outstanding, Money lateFee) {

    public DueBill {
        Objects.requireNonNull(period);
        if (outstanding.isNegative() || lateFee.isNegative() || outstanding.compareTo(amount) > 0) {
            throw new IllegalArgumentException("bill " + billId + ": inconsistent amounts");
        }
    }

    public Money total() {
        return outstanding.plus(lateFee);
    }

    /** Cubic metres not yet paid for: the outstanding share of the volume, rounded up. */
    long unpaidVolumeM3() {
        if (amount.isZero() || volumeM3 == 0) {
            return 0;
        }
        return Math.floorDiv(Math.addExact(Math.multiplyExact(outstanding.fen(), volumeM3), amount.fen() - 1), amount.fen());
    }

    /** The money value of {@code m3} of this bill's gas, at its average price, never above what is owed. */
    Money valueOf(long m3) {
        if (m3 >= unpaidVolumeM3()) {
            return outstanding;
        }
        long fen = Math.floorDiv(Math.addExact(Math.multiplyExact(m3, amount.fen()) * 2, volumeM3), 2 * volumeM3);
        return Money.ofFen(fen).min(outstanding);
    }
}
