package io.counterdesk.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.counterdesk.account.AccountKind;
import io.counterdesk.account.UseType;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TariffTest {

    private static final LocalDate JAN_2024 = LocalDate.of(2024, 1, 1);
    private static final LocalDate JAN_2025 = LocalDate.of(2025, 1, 1);

    /** 阶梯气价: up to 400 m³ a year at 2.80, up to 1200 m³ at 3.36, above that 4.20. */
    private static Tariff residential(LocalDate from, long bumpFen) {
        return new Tariff(1, "RES", "居民生活用气（阶梯）", AccountKind.RESIDENTIAL, null, from, List.of(
                new TariffTier(1, 400L, Money.ofFen(280 + bumpFen)),
                new TariffTier(2, 1_200L, Money.ofFen(336 + bumpFen)),
                new TariffTier(3, null, Money.ofFen(420 + bumpFen))));
    }

    private static Tariff kitchen(LocalDate from, long priceFen) {
        return new Tariff(2, "NR-CK", "非居民·厨房用气（营业）", AccountKind.NON_RESIDENTIAL, UseType.COMMERCIAL_KITCHEN,
                from, List.of(new TariffTier(1, null, Money.ofFen(priceFen))));
    }

    private final Tariff tariff = residential(JAN_2024, 0);

    @ParameterizedTest(name = "{0} m³ used, buying {1} m³ costs {2} ({3})")
    @CsvSource(delimiter = '|', textBlock = """
            # used  | buying | cost      | m³ per tier
               0    |    0   |      0.00 | ''
               0    |    1   |      2.80 | 1:1
               0    |   10   |     28.00 | 1:10
               0    |  900   |   2800.00 | 1:400 2:500
             399    |    0   |      0.00 | ''
             399    |    1   |      2.80 | 1:1
             399    |   10   |     33.04 | 1:1 2:9
             399    |  900   |   3106.60 | 1:1 2:800 3:99
             400    |    1   |      3.36 | 2:1
             400    |   10   |     33.60 | 2:10
             400    |  900   |   3108.00 | 2:800 3:100
            1199    |    1   |      3.36 | 2:1
            1199    |   10   |     41.16 | 2:1 3:9
            1199    |  900   |   3779.16 | 2:1 3:899
            1200    |    1   |      4.20 | 3:1
            1500    |    1   |      4.20 | 3:1
            1500    |   10   |     42.00 | 3:10
            1500    |  900   |   3780.00 | 3:900
               0    | 1500   |   5068.00 | 1:400 2:800 3:300
            """)
    void chargesEachCubicMetreAtTheTierItFallsIn(long used, long buying, String cost, String perTier) {
        List<Tariff.TierCharge> charges = tariff.charge(used, buying);

        assertThat(tariff.cost(used, buying)).isEqualTo(Money.parse(cost));
        assertThat(charges.stream().map(c -> c.tierNo() + ":" + c.volumeM3()).collect(Collectors.joining(" ")))
                .isEqualTo(perTier);
        assertThat(charges.stream().mapToLong(Tariff.TierCharge::volumeM3).sum()).isEqualTo(buying);
        assertThat(charges).allSatisfy(c -> assertThat(c.amount()).isEqualTo(c.pricePerM3().times(c.volumeM3())));
    }

    @Test
    void singleTierTariffChargesOnePrice() {
        Tariff boiler = kitchen(JAN_2024, 370);

        assertThat(boiler.cost(100_000, 250)).isEqualTo(Money.parse("925.00"));
        assertThat(boiler.charge(0, 250)).singleElement().satisfies(c -> assertThat(c.tierNo()).isEqualTo(1));
    }

    @Test
    void negativeVolumesAreRefused() {
        assertThatThrownBy(() -> tariff.charge(0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tariff.charge(-1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyTheLastTierMayBeOpenEnded() {
        assertThatThrownBy(() -> new Tariff(0, "X", "x", AccountKind.RESIDENTIAL, null, JAN_2024, List.of(
                new TariffTier(1, null, Money.ofFen(280)), new TariffTier(2, 1_200L, Money.ofFen(336)))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tariff(0, "X", "x", AccountKind.RESIDENTIAL, null, JAN_2024, List.of(
                new TariffTier(1, 400L, Money.ofFen(280)))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tierBoundsMustIncrease() {
        assertThatThrownBy(() -> new Tariff(0, "X", "x", AccountKind.RESIDENTIAL, null, JAN_2024, List.of(
                new TariffTier(1, 400L, Money.ofFen(280)), new TariffTier(2, 400L, Money.ofFen(336)),
                new TariffTier(3, null, Money.ofFen(420)))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tariffWithoutTiersIsRefused() {
        assertThatThrownBy(() -> new Tariff(0, "X", "x", AccountKind.RESIDENTIAL, null, JAN_2024, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void inForcePicksTheLatestTariffEffectiveOnOrBeforeTheDay() {
        Tariff lastYear = residential(JAN_2024, 0);
        Tariff thisYear = residential(JAN_2025, 10);
        List<Tariff> candidates = List.of(thisYear, lastYear, kitchen(JAN_2025, 380));

        assertThat(Tariff.inForce(candidates, AccountKind.RESIDENTIAL, null, LocalDate.of(2024, 12, 31)))
                .isSameAs(lastYear);
        assertThat(Tariff.inForce(candidates, AccountKind.RESIDENTIAL, null, JAN_2025)).isSameAs(thisYear);
        assertThat(Tariff.inForce(candidates, AccountKind.RESIDENTIAL, null, LocalDate.of(2025, 6, 30)))
                .isSameAs(thisYear);
        assertThat(Tariff.inForce(candidates, AccountKind.RESIDENTIAL, null, JAN_2024)).isSameAs(lastYear);
    }

    @Test
    void inForceOnlyConsidersTheSameKindAndUseType() {
        Tariff residentialTariff = residential(JAN_2024, 0);
        Tariff kitchenTariff = kitchen(JAN_2025, 380);
        List<Tariff> candidates = List.of(residentialTariff, kitchenTariff);

        assertThat(Tariff.inForce(candidates, AccountKind.NON_RESIDENTIAL, UseType.COMMERCIAL_KITCHEN,
                LocalDate.of(2025, 3, 10))).isSameAs(kitchenTariff);
        BusinessException none = catchThrowableOfType(BusinessException.class, () -> Tariff.inForce(candidates,
                AccountKind.NON_RESIDENTIAL, UseType.BOILER, LocalDate.of(2025, 3, 10)));
        assertThat(none.key()).isEqualTo("billing.tariff.none");
    }

    @Test
    void inForceRefusesADayBeforeEveryTariff() {
        List<Tariff> candidates = List.of(residential(JAN_2024, 0), residential(JAN_2025, 10));

        BusinessException none = catchThrowableOfType(BusinessException.class,
                () -> Tariff.inForce(candidates, AccountKind.RESIDENTIAL, null, LocalDate.of(2023, 12, 31)));

        assertThat(none.key()).isEqualTo("billing.tariff.none");
        assertThat(catchThrowableOfType(BusinessException.class,
                () -> Tariff.inForce(List.of(), AccountKind.RESIDENTIAL, null, JAN_2025)).key())
                .isEqualTo("billing.tariff.none");
    }
}
