package io.counterdesk.account.transfer;

import io.counterdesk.payment.PaymentResult;
import java.util.Optional;

/**
 * A committed transfer: its row (for the business confirmation), the arrears payment it took first (if
 * any), and the card that stays with the meter.
 */
public record TransferResult(long transferId, long accountId, String accountNo, Optional<PaymentResult> arrearsPayment,
                             Optional<String> cardSerial) {
}
