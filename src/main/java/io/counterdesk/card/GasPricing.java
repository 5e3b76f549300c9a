package io.counterdesk.card;

import io.counterdesk.billing.Tariff;
import io.counterdesk.billing.TariffTier;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;
import java.util.ArrayList;
import java.util.List;

/**
 * Money ↔ gas for a card purchase (购气) with residential tiers (阶梯气价, DESIGN 2.5): the tiers
 * count the account's purchases of the calendar year so far. Cards take whole cubic metres, so an
 * amount buys the most whole m³ it can pay for and the customer pays exactly their price.
 */
public final class GasPricing {

    /** The most one purchase may put on a card unless configured otherwise (meters hold 4 digits). */
    public static final long DEFAULT_MAX_PURCHASE_M3 = 999;

    private final long maxPurchaseM3;

    public GasPricing(long maxPurchaseM3) {
        if (maxPurchaseM3 < 1) {
            throw new IllegalArgumentException("the purchase limit is at least 1 m³");
        }
        this.maxPurchaseM3 = maxPurchaseM3;
    }

    /** One purchase priced tier by tier. */
    public record GasQuote(long volumeM3, Money amount, long yearVolumeBeforeM3, List<Tariff.TierCharge> tiers) {
        public GasQuote {
            tiers = List.copyOf(tiers);
        }
    }

    public long maxPurchaseM3() {
        return maxPurchaseM3;
    }

    /** The price of {@code volumeM3} when {@code yearSoFarM3} was bought this year. */
    public GasQuote forVolume(Tariff tariff, long yearSoFarM3, long volumeM3) {
        if (volumeM3 < 1) {
            throw new BusinessException("topup.purchase.tooSmall");
        }
        if (volumeM3 > maxPurchaseM3) {
            throw new BusinessException("topup.purchase.tooLarge", maxPurchaseM3);
        }
        List<Tariff.TierCharge> charges = tariff.charge(yearSoFarM3, volumeM3);
        return new GasQuote(volumeM3, sum(charges), yearSoFarM3, charges);
    }

    /** The most whole m³ {@code money} buys (never more than the purchase limit), at its exact price. */
    public GasQuote forMoney(Tariff tariff, long yearSoFarM3, Money money) {
        if (money.isNegative()) {
            throw new BusinessException("topup.purchase.tooSmall");
        }
        long left = money.fen();
        long position = yearSoFarM3;
        long volume = 0;
        for (TariffTier tier : tariff.tiers()) {
            long price = tier.pricePerM3().fen();
            long room = tier.upToM3() == null ? Long.MAX_VALUE : tier.upToM3() - position;
            if (room <= 0) {
                continue;
            }
            long affordable = Math.min(Math.min(room, left / price), maxPurchaseM3 - volume);
            volume += affordable;
            position += affordable;
            left -= affordable * price;
            if (affordable < room || volume == maxPurchaseM3) {
                break;
            }
        }
        if (volume == 0) {
            throw new BusinessException("topup.purchase.moneyTooLittle", money.format());
        }
        return forVolume(tariff, yearSoFarM3, volume);
    }

    private static Money sum(List<Tariff.TierCharge> charges) {
        return charges.stream().map(Tariff.TierCharge::amount).reduce(Money.ZERO, Money::plus);
    }
}
