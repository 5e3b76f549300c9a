package io.counterdesk.payment;

import io.counterdesk.payment.PaymentPlan.Line;
import io.counterdesk.payment.PaymentPlan.LineKind;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The arithmetic and the refusals of a payment reversal (冲正, DESIGN 2.7). Pure: the original
 * payment as it was recorded, and the account as it stands, in; the reversal out, or a refusal.
 *
 * <p>A reversal is the original with every figure negated: each line (bill principal, late fee, fee
 * item, credit added) with its bill; the bills get back exactly what the lines paid (principal and
 * late fee, whatever a waiver had made the fee); credit the payment used goes back onto the
 * account and credit it added comes off. All money that came from outside (cash net of change, bank
 * card, bank slip) is handed back in cash: the hall has no link to refund a card or a slip.
 *
 * <p>Refused: a reversal itself; a payment reversed before; IC gas (reversed on the card, Ctrl+G F7);
 * the fee of an opening or of a status change (they belong to that business); gas vouchers (they are
 * cancelled when taken and cannot be handed back); a payment that paid money out (a deposit
 * refund — take the deposit again as a fee item); a closed account; credit added that has been
 * spent since (the account would go below zero).
 */
public final class ReversalRules {

    private ReversalRules() {
    }

    /** The business another record ties a payment to; such a payment is reversed through it, or not at all. */
    /**
     * The business another record ties the payment to. {@code BEFORE_TRANSFER}: the account changed
     * holder (过户) after the payment — a transfer's own arrears included — so taking it back would put
     * the old holder's bills on the new holder's account, undoing the rule that arrears are settled first.
     */
    public enum LinkedBusiness { NONE, IC_GAS, OPENING, STATUS_CHANGE, BEFORE_TRANSFER }

    /**
     * The original payment as recorded, and the facts of today that decide whether it can be reversed.
     *
     * @param reversedBy the receipt number of the reversal that already took it back, or null
     */
    public record Original(long paymentId, String receiptNo, String accountStatus, Money accountCredit,
                           List<Line> lines, Money cashReceived, Money change, List<MoneyTender> bankTenders,
                           Money creditUsed, Money creditAdded, long voucherM3, boolean isReversal,
                           String reversedBy, LinkedBusiness linked) {

        public Original {
            lines = List.copyOf(lines);
            bankTenders = List.copyOf(bankTenders);
            Objects.requireNonNull(linked);
        }

        /** Cash net of change plus the bank tenders: the money that came from outside. */
        public Money moneyFromOutside() {
            Money bank = bankTenders.stream().map(MoneyTender::amount).reduce(Money.ZERO, Money::plus);
            return cashReceived.minus(change).plus(bank);
        }
    }

    /** What one bill gets back: the principal and the late fee the payment had paid on it. */
    public record BillRestore(long billId, Money principal, Money lateFee) {
    }

    /**
     * The reversal worked out.
     *
     * @param lines           the original's lines negated, in the original's order
     * @param cashPaidBack    cash handed to the customer (all money that came from outside)
     * @param creditRestored  credit the original used, back on the account
     * @param creditWithdrawn credit the original added, taken off the account
     */
    public record Reversal(List<Line> lines, Money cashPaidBack, Money creditRestored, Money creditWithdrawn,
                           List<BillRestore> bills) {

        public Reversal {
            lines = List.copyOf(lines);
            bills = List.copyOf(bills);
        }

        /** The change of the account's credit: restored less withdrawn. */
        public Money creditDelta() {
            return creditRestored.minus(creditWithdrawn);
        }

        /** What the reversal receipt totals: the negated lines settled with money (credit added excluded). */
        public Money total() {
            return lines.stream().filter(l -> l.kind() != LineKind.CREDIT_ADDED).map(Line::amount)
                    .reduce(Money.ZERO, Money::plus);
        }
    }

    /** The reversal of {@code original}, or a {@link BusinessException} saying why not. */
    public static Reversal of(Original original) {
        refuse(original);
        List<Line> lines = new ArrayList<>();
        Map<Long, Money[]> bills = new LinkedHashMap<>();
        Money settled = Money.ZERO;
        for (Line line : original.lines()) {
            lines.add(new Line(line.kind(), line.billId(), line.label(), line.amount().negate(), -line.volumeM3(),
                    line.feeCode()));
            if (line.kind() != LineKind.CREDIT_ADDED) {
                settled = settled.plus(line.amount());
            }
            if (line.billId() != 0) {
                Money[] sums = bills.computeIfAbsent(line.billId(), k -> new Money[] {Money.ZERO, Money.ZERO});
                int i = line.kind() == LineKind.LATE_FEE ? 1 : 0;
                sums[i] = sums[i].plus(line.amount());
            }
        }
        Money fromOutside = original.moneyFromOutside();
        // the recorded figures must tie: lines settled = money in − change − credit added
        if (!settled.equals(fromOutside.plus(original.creditUsed()).minus(original.creditAdded()))) {
            throw new IllegalStateException("payment " + original.paymentId() + " does not add up: lines " + settled
                    + ", money " + fromOutside + " + credit used " + original.creditUsed() + " − credit added "
                    + original.creditAdded());
        }
        List<BillRestore> restores = new ArrayList<>();
        bills.forEach((id, sums) -> restores.add(new BillRestore(id, sums[0], sums[1])));
        return new Reversal(lines, fromOutside, original.creditUsed(), original.creditAdded(), restores);
    }

    private static void refuse(Original o) {
        String no = o.receiptNo();
        if (o.isReversal()) {
            throw new BusinessException("reversal.refused.isReversal", no);
        }
        if (o.reversedBy() != null) {
            throw new BusinessException("reversal.refused.alreadyReversed", no, o.reversedBy());
        }
        boolean gas = o.lines().stream()
                .anyMatch(l -> l.kind() == LineKind.GAS_PURCHASE || l.kind() == LineKind.GAS_BY_VOUCHER);
        if (o.linked() == LinkedBusiness.IC_GAS || gas) {
            throw new BusinessException("reversal.refused.icGas", no);
        }
        if (o.linked() == LinkedBusiness.OPENING) {
            throw new BusinessException("reversal.refused.opening", no);
        }
        if (o.linked() == LinkedBusiness.STATUS_CHANGE) {
            throw new BusinessException("reversal.refused.statusChange", no);
        }
        if (o.linked() == LinkedBusiness.BEFORE_TRANSFER) {
            throw new BusinessException("reversal.refused.transferred", no);
        }
        boolean voucherLines = o.lines().stream()
                .anyMatch(l -> l.kind() == LineKind.PRINCIPAL_BY_VOUCHER || l.kind() == LineKind.VOUCHER_FACE_CASH);
        if (o.voucherM3() != 0 || voucherLines) {
            throw new BusinessException("reversal.refused.vouchers", no);
        }
        if (o.lines().stream().anyMatch(l -> l.amount().isNegative())) {
            throw new BusinessException("reversal.refused.paidOut", no);
        }
        if ("CLOSED".equals(o.accountStatus())) {
            throw new BusinessException("reversal.refused.accountClosed", no);
        }
        if (o.accountCredit().plus(o.creditUsed()).minus(o.creditAdded()).isNegative()) {
            throw new BusinessException("reversal.refused.creditSpent", no, o.creditAdded().format(),
                    o.accountCredit().format());
        }
    }
}
