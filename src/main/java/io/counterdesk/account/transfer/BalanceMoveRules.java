package io.counterdesk.account.transfer;

import io.counterdesk.account.AccountStatus;
import io.counterdesk.account.Holder;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;

/**
 * Moving a credit balance (预存余额) or a deposit (押金) from one account to another of the same
 * holder (DESIGN 2.3), in plain Java: two different accounts, neither closed, the same holder (same
 * ID type and number), a positive amount no larger than what the first account holds.
 */
public final class BalanceMoveRules {

    private BalanceMoveRules() {
    }

    /** One side of the move as the rules see it. */
    public record Side(String accountNo, AccountStatus status, Holder holder) {
    }

    /**
     * @param held what the first account holds of the thing moved (its credit, or that deposit)
     * @param what the thing moved, as the message names it ("预存余额", "气费押金")
     */
    public static void check(Side from, Side to, String what, Money held, Money amount) {
        if (from.accountNo().equals(to.accountNo())) {
            throw new BusinessException("opening.move.sameAccount");
        }
        for (Side side : new Side[] {from, to}) {
            if (side.status() == AccountStatus.CLOSED) {
                throw new BusinessException("opening.move.closed", side.accountNo());
            }
        }
        if (from.holder().idType() != to.holder().idType()
                || !from.holder().idNumber().equalsIgnoreCase(to.holder().idNumber())) {
            throw new BusinessException("opening.move.otherHolder", from.accountNo(), to.accountNo());
        }
        if (amount == null || !amount.isPositive()) {
            throw new BusinessException("opening.move.amountRequired");
        }
        if (amount.compareTo(held) > 0) {
            throw new BusinessException("opening.move.tooMuch", amount.format(), from.accountNo(), what, held.format());
        }
    }

    /** A reason is always written down. */
    public static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BusinessException("opening.move.reasonRequired");
        }
        String r = reason.strip();
        return r.length() > 200 ? r.substring(0, 200) : r;
    }
}
