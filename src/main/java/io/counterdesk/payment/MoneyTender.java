package io.counterdesk.payment;

import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;
import java.util.Objects;

/** A bank-card or bank-slip payment: its amount and the slip's reference. */
public record MoneyTender(TenderKind kind, Money amount, String reference) {

    public MoneyTender {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(amount);
        if (kind != TenderKind.BANK_CARD && kind != TenderKind.BANK_SLIP) {
            throw new IllegalArgumentException("only bank card and bank slip carry a reference: " + kind);
        }
        if (!amount.isPositive()) {
            throw new BusinessException("payment.tender.amountPositive");
        }
        reference = reference == null ? "" : reference.strip();
        if (!reference.matches("[0-9A-Za-z-]{4,40}")) {
            throw new BusinessException(kind == TenderKind.BANK_CARD ? "payment.card.reference" : "payment.slip.reference");
        }
    }
}
