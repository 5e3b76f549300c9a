package io.counterdesk.payment;

import io.counterdesk.shared.Money;
import java.util.List;
import java.util.Objects;

/**
 * What the cashier entered on the payment screen.
 *
 * @param billIds the bills to pay; empty means every unpaid bill (they are paid oldest first anyway)
 */
public record PaymentInput(List<Long> billIds, List<FeeItem.Line> fees, Money cashReceived,
                           List<MoneyTender> bankTenders, List<VoucherBatch> vouchers, Money creditToUse,
                           boolean changeToCredit, List<LateFeeWaiver> waivers) {

    public PaymentInput {
        billIds = List.copyOf(billIds);
        fees = List.copyOf(fees);
        bankTenders = List.copyOf(bankTenders);
        vouchers = List.copyOf(vouchers);
        waivers = List.copyOf(waivers);
        Objects.requireNonNull(cashReceived);
        Objects.requireNonNull(creditToUse);
    }

    /** All unpaid bills, paid in cash. */
    public static PaymentInput cash(Money cashReceived) {
        return new PaymentInput(List.of(), List.of(), cashReceived, List.of(), List.of(), Money.ZERO, false, List.of());
    }
}
