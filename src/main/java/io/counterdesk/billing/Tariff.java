package io.counterdesk.billing;

import io.counterdesk.account.AccountKind;
import io.counterdesk.account.UseType;
import io.counterdesk.shared.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A gas price list in force from {@code effectiveFrom} for one kind of account (and use type for
 * non-residential ones). Residential tariffs are tiered by annual volume (阶梯气价); others have a
 * single tier.
 */
public record Tariff(long id, String code, String name, AccountKind kind, UseType useType, LocalDate effectiveFrom,
                     List<TariffTier> tiers) {

    public Tariff {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(effectiveFrom);
        tiers = List.copyOf(tiers);
        if (tiers.isEmpty()) {
            throw new IllegalArgumentException("a tariff needs at least one tier");
        }
        for (int i = 0; i < tiers.size(); i++) {
            TariffTier tier = tiers.get(i);
            boolean last = i == tiers.size() - 1;
            if (last != (tier.upToM3() == null)) {
                throw new IllegalArgumentException("only the last tier is open-ended: " + code);
            }
            if (i > 0 && !last && tier.upToM3() <= tiers.get(i - 1).upToM3()) {
                throw new IllegalArgumentException("tier bounds must increase: " + code);
            }
        }
    }

    /**
     * The price of {@code volumeM3} when {@code alreadyThisYearM3} has been used or bought this
     * year, tier by tier. Each element is one tier's share; their sum is the cost.
     */
    public List<TierCharge> charge(long alreadyThisYearM3, long volumeM3) {
        if (volumeM3 < 0 || alreadyThisYearM3 < 0) {
            throw new IllegalArgumentException("volumes are never negative");
        }
        List<TierCharge> charges = new ArrayList<>();
        long position = alreadyThisYearM3;
        long remaining = volumeM3;
        for (TariffTier tier : tiers) {
            if (remaining == 0) {
                break;
            }
            long room = tier.upToM3() == null ? Long.MAX_VALUE : tier.upToM3() - position;
            if (room <= 0) {
                continue;
            }
            long inTier = Math.min(room, remaining);
            charges.add(new TierCharge(tier.tierNo(), inTier, tier.pricePerM3(), tier.pricePerM3().times(inTier)));
            position += inTier;
            remaining -= inTier;
        }
        return charges;
    }

    public Money cost(long alreadyThisYearM3, long volumeM3) {
        return charge(alreadyThisYearM3, volumeM3).stream().map(TierCharge::amount).reduce(Money.ZERO, Money::plus);
    }

    /** The tariff in force on {@code day} among {@code candidates} for the same kind and use type. */
    public static Tariff inForce(List<Tariff> candidates, AccountKind kind, UseType useType, LocalDate day) {
        return candidates.stream()
                .filter(t -> t.kind() == kind && Objects.equals(t.useType(), useType))
                .filter(t -> !t.effectiveFrom().isAfter(day))
                .max(Comparator.comparing(Tariff::effectiveFrom))
                .orElseThrow(() -> new io.counterdesk.shared.BusinessException("billing.tariff.none"));
    }

    /** One tier's share of a charge. */
    public record TierCharge(int tierNo, long volumeM3, Money pricePerM3, Money amount) {
    }
}
