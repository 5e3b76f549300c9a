package io.counterdesk.account.opening;

import io.counterdesk.payment.PaymentResult;
import java.util.Optional;

/**
 * A committed opening: the account is open and its fee taken (durable before this is returned). For an
 * IC meter, {@code cardSerial} is the first card written onto the blank card in the reader, or empty
 * with {@code cardError} saying why it was not written; the card is then issued again with
 * {@link AccountOpeningService#issueCard} (the account stays open, its money recorded).
 */
public record OpeningResult(long accountId, String accountNo, Optional<PaymentResult> payment,
                            Optional<String> cardSerial, Optional<RuntimeException> cardError) {

    /** An IC account whose first card is still to be written. */
    public boolean cardPending() {
        return cardError.isPresent();
    }
}
