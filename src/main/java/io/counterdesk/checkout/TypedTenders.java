package io.counterdesk.checkout;

import io.counterdesk.payment.MoneyTender;
import io.counterdesk.payment.PaymentInput;
import io.counterdesk.payment.TenderKind;
import io.counterdesk.shared.Money;
import java.util.ArrayList;
import java.util.List;

/** Cash and a bank card as typed on the account forms (opening, transfer), read as the payment screen reads them. */
public final class TypedTenders {

    private TypedTenders() {
    }

    /**
     * @throws Tenders.Invalid naming the payment field that does not read
     * @throws io.counterdesk.shared.BusinessException when the card reference is refused
     */
    public static PaymentInput read(String cash, String cardAmount, String cardReference, PaymentInput.Bills bills) {
        Money cashReceived = Tenders.amount(cash, CheckoutField.CASH);
        List<MoneyTender> bank = new ArrayList<>();
        Tenders.bankTender(TenderKind.BANK_CARD, cardAmount, cardReference, CheckoutField.CARD_AMOUNT,
                CheckoutField.CARD_REFERENCE).ifPresent(bank::add);
        return new PaymentInput(bills, List.of(), cashReceived, bank, List.of(), Money.ZERO, false, List.of());
    }
}
