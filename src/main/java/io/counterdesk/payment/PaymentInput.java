package io.counterdesk.payment;

import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;
import java.util.List;

/**
 * What the cashier entered on the payment screen.
 *
 * @param bills which unpaid bills this payment settles
 */
public record PaymentInput(Bills bills, List<FeeItem.Line> fees, Money cashReceived,
                           List<MoneyTender> bankTenders, List<VoucherBatch> vouchers, Money creditToUse,
                           boolean changeToCredit, List<LateFeeWaiver> waivers) {

    public PaymentInput {
        if (bills == null || fees == null || bankTenders == null || vouchers == null || waivers == null
                || cashReceived == null || creditToUse == null
                || hasNull(fees) || hasNull(bankTenders) || hasNull(vouchers) || hasNull(waivers)) {
            throw new BusinessException("payment.input.incomplete");
        }
        fees = List.copyOf(fees);
        bankTenders = List.copyOf(bankTenders);
        vouchers = List.copyOf(vouchers);
        waivers = List.copyOf(waivers);
    }

    /** Whether {@code list} holds a null (immutable lists refuse {@code contains(null)} itself). */
    private static boolean hasNull(List<?> list) {
        return list.stream().anyMatch(java.util.Objects::isNull);
    }

    /** All unpaid bills, paid in cash. */
    public static PaymentInput cash(Money cashReceived) {
        return new PaymentInput(Bills.ALL, List.of(), cashReceived, List.of(), List.of(), Money.ZERO, false, List.of());
    }

    /**
     * Which bills a payment settles: every unpaid one, none (fee items only, for example a meter
     * test deposit taken while bills are still owed), or the ones chosen (oldest first).
     */
    public record Bills(boolean all, List<Long> chosen) {

        public static final Bills ALL = new Bills(true, List.of());
        public static final Bills NONE = new Bills(false, List.of());

        public Bills {
            if (chosen == null || hasNull(chosen) || all && !chosen.isEmpty()) {
                throw new BusinessException("payment.bill.notPayable");
            }
            chosen = List.copyOf(chosen);
        }

        public static Bills only(List<Long> billIds) {
            return new Bills(false, billIds);
        }
    }
}
