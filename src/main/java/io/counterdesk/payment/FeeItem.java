package io.counterdesk.payment;

import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;
import java.util.Objects;

/**
 * An entry of the fee catalogue (meter test deposit 300, its refund −300, dismantling fee 20 …).
 * A refund has a negative price and is paid out of the till.
 */
public record FeeItem(String code, String name, Money price) {

    public FeeItem {
        Objects.requireNonNull(price);
        if (code == null || !code.matches("[A-Z0-9_-]{2,30}")) {
            throw new IllegalArgumentException("fee item code: " + code);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("fee item name");
        }
    }

    public boolean isRefund() {
        return price.isNegative();
    }

    /** A chosen item with its quantity. */
    public record Line(FeeItem item, int quantity) {
        public Line {
            Objects.requireNonNull(item);
            if (quantity <= 0) {
                throw new BusinessException("payment.fee.quantity");
            }
        }

        public Money amount() {
            return item.price().times(quantity);
        }
    }
}
