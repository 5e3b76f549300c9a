package io.counterdesk.payment;

import io.counterdesk.shared.Money;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The deposits an account holds (燃气押金, 表具检测押金 …): per deposit item, what was paid minus what
 * was paid back, from the payments' fee lines and the deposits moved between accounts. Used where a
 * deposit is paid back — a closure, a balance move, a refund fee line — so all three count alike.
 * The lines come from {@link PaymentRepository#depositLines}.
 */
public final class HeldDeposits {

    private HeldDeposits() {
    }

    /** One fee line of a deposit item as paid (positive) or refunded (negative) on the account. */
    public record Line(String depositCode, Money amount) {
        public Line {
            Objects.requireNonNull(depositCode);
            Objects.requireNonNull(amount);
        }
    }

    /** A deposit still held, to be paid back. */
    public record Held(String depositCode, Money amount) {
    }

    /**
     * Deposits still held (paid back at closure, by a balance move or a refund fee line): per deposit item, what was paid minus what was already
     * refunded; only what is still held (positive), in the order the deposits were first paid.
     */
    public static List<Held> held(List<Line> lines) {
        Map<String, Money> sums = new LinkedHashMap<>();
        for (Line line : lines) {
            sums.merge(line.depositCode(), line.amount(), Money::plus);
        }
        List<Held> held = new ArrayList<>();
        sums.forEach((code, sum) -> {
            if (sum.isPositive()) {
                held.add(new Held(code, sum));
            }
        });
        return held;
    }
}
