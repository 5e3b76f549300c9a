package io.counterdesk.payment;

import io.counterdesk.persistence.Tx;
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

    /**
     * The fee lines of deposit items on the account's completed payments, oldest first: deposits
     * positive, their refunds negative. Lines are matched to the catalogue by the item's code, which
     * a fee line keeps (V11; older lines had their code filled in from their name). A deposit moved
     * to another account of the same holder (V13 {@code balance_move}) counts as a refund here on
     * the account it left and as a deposit on the account it joined.
     */
    public static List<Line> lines(Tx tx, long accountId) {
        return tx.handle().createQuery("""
                SELECT deposit_of, amount_fen FROM (
                    SELECT f.deposit_of, l.amount_fen, p.paid_at AS at, 0 AS src, p.id AS seq, l.line_no AS n
                    FROM payment_line l
                    JOIN payment p ON p.id = l.payment_id
                    JOIN fee_item f ON f.code = l.fee_code AND f.deposit_of IS NOT NULL
                    WHERE p.account_id = :id AND p.status = 'COMPLETED' AND l.kind = 'FEE_ITEM'
                    UNION ALL
                    SELECT m.deposit_code, CASE WHEN m.from_account_id = :id THEN -m.amount_fen ELSE m.amount_fen END,
                        m.moved_at, 1, m.id, 0
                    FROM balance_move m
                    WHERE m.kind = 'DEPOSIT' AND (m.from_account_id = :id OR m.to_account_id = :id)
                ) lines ORDER BY at, src, seq, n""")
                .bind("id", accountId)
                .map((rs, ctx) -> new Line(rs.getString("deposit_of"),
                        Money.ofFen(rs.getLong("amount_fen"))))
                .list();
    }
}
