package io.counterdesk.payment;

import io.counterdesk.shared.Money;
import java.util.List;

/**
 * The worked-out payment: what each line received, in allocation order, and the money facts the
 * cashier calls out (唱收唱付): total due, received, change.
 *
 * @param lines             what was paid, line by line (bill late fees and principals, fee items,
 *                          voucher face-value cash, credit added)
 * @param totalDue          everything the chosen bills and items come to
 * @param voucherM3         gas volume settled by vouchers
 * @param voucherValue      the money value of that gas on the bills it settled
 * @param moneyReceived     cash received + bank tenders + credit used
 * @param change            cash handed back
 * @param creditAdded       surplus kept on the account
 * @param stillOwed         what remains unpaid of the chosen bills (a partial payment)
 * @param newVoucherPaidToReading the meter reading now paid for by vouchers, or null if unchanged
 */
public record PaymentPlan(List<Line> lines, Money totalDue, long voucherM3, Money voucherValue, Money moneyReceived,
                          Money change, Money creditAdded, Money stillOwed, Long newVoucherPaidToReading) {

    public PaymentPlan {
        lines = List.copyOf(lines);
    }

    /** One allocated line. {@code billId} is 0 for lines that are not a bill's. */
    /**
     * One line of a payment. {@code feeCode} names the catalogue item of a fee line (so a deposit is
     * found again whatever the item is called on the day or in the cashier's language); null on
     * other lines.
     */
    public record Line(LineKind kind, long billId, String label, Money amount, long volumeM3, String feeCode) {

        public Line(LineKind kind, long billId, String label, Money amount, long volumeM3) {
            this(kind, billId, label, amount, volumeM3, null);
        }
    }

    /** What a line pays. */
    public enum LineKind {
        FEE_ITEM,
        /** Gas sold onto an IC card (volume on the line; negative when a purchase is reversed). */
        GAS_PURCHASE,
        VOUCHER_FACE_CASH,
        LATE_FEE,
        PRINCIPAL,
        PRINCIPAL_BY_VOUCHER,
        /** Gas sold onto an IC card settled by vouchers (volume on the line, its value at the tier's price). */
        GAS_BY_VOUCHER,
        CREDIT_ADDED
    }

    /** The amount the lines settle with money (everything but what vouchers settled). */
    public Money settledWithMoney() {
        return lines.stream().filter(l -> l.kind() != LineKind.PRINCIPAL_BY_VOUCHER && l.kind() != LineKind.GAS_BY_VOUCHER
                        && l.kind() != LineKind.CREDIT_ADDED)
                .map(Line::amount).reduce(Money.ZERO, Money::plus);
    }
}
