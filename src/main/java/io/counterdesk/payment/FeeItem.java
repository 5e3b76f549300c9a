package io.counterdesk.payment;

import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;

/**
 * An entry of the fee catalogue (meter test deposit 300, its refund −300, dismantling fee 20 …).
 * A refund has a negative price and is paid out of the till.
 */
public record FeeItem(String code, String name, Money price) {

    public FeeItem {
        if (price == null) {
            throw new BusinessException("shared.amount.missing");
        }
        if (code == null || !code.matches("[A-Z0-9_-]{2,30}")) {
            throw new BusinessException("payment.fee.notInCatalogue", String.valueOf(code));
        }
        if (name == null || name.isBlank()) {
            throw new BusinessException("payment.fee.notInCatalogue", code);
        }
    }

    /** Code prefix of the gas a card purchase sells, one item per price tier (never in the catalogue). */
    public static final String GAS_TIER_PREFIX = "GAS_TIER_";

    public boolean isRefund() {
        return price.isNegative();
    }

    /**
     * Gas sold onto an IC card at one tier's price (quantity = m³); a negative price takes gas back
     * (reversal or refund of a purchase).
     */
    public static FeeItem gasTier(int tierNo, String name, Money pricePerM3) {
        return new FeeItem(GAS_TIER_PREFIX + tierNo, name, pricePerM3);
    }

    public boolean isGas() {
        return code.startsWith(GAS_TIER_PREFIX);
    }

    /** A chosen item with its quantity. */
    public record Line(FeeItem item, int quantity) {
        public Line {
            if (item == null) {
                throw new BusinessException("payment.fee.notInCatalogue", "");
            }
            if (quantity <= 0) {
                throw new BusinessException("payment.fee.quantity");
            }
        }

        public Money amount() {
            return item.price().times(quantity);
        }
    }
}
