package io.counterdesk.payment;

import io.counterdesk.shared.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the cashier has entered for one payment: the bills chosen (oldest first), fee items, and
 * the tenders — cash received, bank card / bank slips, vouchers, and credit to use.
 *
 * @param changeToCredit keep surplus cash on the account as credit instead of giving change
 */
public record PaymentRequest(List<DueBill> bills, List<FeeItem.Line> fees, Money cashReceived,
                             List<MoneyTender> bankTenders, List<VoucherBatch> vouchers, Money creditToUse,
                             Money availableCredit, VoucherContext voucherContext, LocalDate payDay,
                             boolean changeToCredit) {

    public PaymentRequest {
        bills = List.copyOf(bills);
        fees = List.copyOf(fees);
        bankTenders = List.copyOf(bankTenders);
        vouchers = List.copyOf(vouchers);
        Objects.requireNonNull(cashReceived);
        Objects.requireNonNull(creditToUse);
        Objects.requireNonNull(availableCredit);
        Objects.requireNonNull(payDay);
    }

    public int voucherCount() {
        return vouchers.stream().mapToInt(VoucherBatch::count).sum();
    }
}
