package io.counterdesk.account.opening;

import io.counterdesk.account.UseType;
import io.counterdesk.shared.Money;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The opening fees in force (DESIGN 2.2): the residential installation fee per household by
 * building type, the non-residential rate per kW of appliance power by use type, and the
 * non-residential gas deposit. Each is a setting ({@link #settingName}); {@link #DEFAULT} holds the
 * figures of 第十条(三).
 */
public record OpeningTariff(Map<BuildingType, Money> residentialFees, Map<UseType, Money> ratesPerKw,
                            Money gasDeposit) {

    public static final OpeningTariff DEFAULT = new OpeningTariff(
            Map.of(BuildingType.MULTI_STOREY, Money.ofYuan(2400), BuildingType.HIGH_RISE, Money.ofYuan(2850),
                    BuildingType.VILLA, Money.ofYuan(4000)),
            Map.of(UseType.COMMERCIAL_KITCHEN, Money.ofYuan(280), UseType.NON_COMMERCIAL_KITCHEN, Money.ofYuan(220),
                    UseType.BOILER, Money.ofYuan(170)),
            Money.ofYuan(1000));

    /** Setting of the gas deposit (yuan). */
    public static final String DEPOSIT_SETTING = "opening.deposit";

    public OpeningTariff {
        residentialFees = new EnumMap<>(residentialFees);
        ratesPerKw = new EnumMap<>(ratesPerKw);
        Objects.requireNonNull(gasDeposit);
        for (BuildingType type : BuildingType.values()) {
            requireNotNegative(residentialFees.get(type), type.name());
        }
        for (UseType type : UseType.values()) {
            requireNotNegative(ratesPerKw.get(type), type.name());
        }
        requireNotNegative(gasDeposit, "deposit");
        residentialFees = Map.copyOf(residentialFees);
        ratesPerKw = Map.copyOf(ratesPerKw);
    }

    public Money fee(BuildingType type) {
        return residentialFees.get(type);
    }

    public Money ratePerKw(UseType type) {
        return ratesPerKw.get(type);
    }

    /** "opening.fee.HIGH_RISE", "opening.rate.BOILER": where a figure is set (in yuan). */
    public static String settingName(BuildingType type) {
        return "opening.fee." + type.name();
    }

    public static String settingName(UseType type) {
        return "opening.rate." + type.name();
    }

    private static void requireNotNegative(Money amount, String what) {
        if (amount == null || amount.isNegative()) {
            throw new IllegalArgumentException("opening tariff: " + what + " missing or negative");
        }
    }
}
