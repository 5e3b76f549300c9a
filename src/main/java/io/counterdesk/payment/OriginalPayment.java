package io.counterdesk.payment;

import io.counterdesk.shared.Money;
import java.time.Instant;
import java.time.LocalDate;

/** A payment as recorded, with its account as it stands: what a reversal (冲正) starts from. */
public record OriginalPayment(long id, long accountId, String accountNo, String holderName, String address,
                              String accountStatus, Money accountCredit, LocalDate businessDay, Instant paidAt,
                              String cashierStaffNo, Money cashReceived, Money change, Money creditUsed,
                              Money creditAdded, long voucherM3) {
}
