package io.counterdesk.payment;

import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;
import java.util.Locale;

/** A bank-card or bank-slip payment: its amount and the slip's reference. */
public record MoneyTender(TenderKind kind, Money amount, String reference) {

    public MoneyTender {
        if (kind != TenderKind.BANK_CARD && kind != TenderKind.BANK_SLIP) {
            throw new BusinessException("payment.tender.kind");
        }
        if (amount == null) {
            throw new BusinessException("shared.amount.missing");
        }
        if (!amount.isPositive()) {
            throw new BusinessException("payment.tender.amountPositive");
        }
        reference = reference == null ? "" : reference.strip();
        if (!reference.matches("[0-9A-Za-z-]{4,40}")) {
            throw new BusinessException(kind == TenderKind.BANK_CARD ? "payment.card.reference" : "payment.slip.reference");
        }
        // stored and compared in one form: a slip typed "ab12" and later "AB12" is the same slip
        reference = reference.toUpperCase(Locale.ROOT);
    }
}
