package io.counterdesk.till;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The till close rules (seed 第二十四条) in plain Java: expected cash, the count, over/short, deposits. */
class TillCloseRulesTest {

    private static Money m(String yuan) {
        return Money.parse(yuan);
    }

    @ParameterizedTest(name = "in {0}, out {1}: change {2}, refund {3}")
    @CsvSource(textBlock = """
            # cash in, cash out, change, refund paid out
            100.00,  10.00,  10.00,   0.00
            100.00,   0.00,   0.00,   0.00
              0.00, 300.00,   0.00, 300.00
            100.00, 380.00, 100.00, 280.00
            500.00, 400.00, 400.00,   0.00
             50.00,  50.00,  50.00,   0.00
              0.00,   0.00,   0.00,   0.00
             20.00,  20.10,  20.00,   0.10
            """)
    void cashHandedBackIsChangeUpToTheCashReceivedAndRefundBeyondIt(String in, String out, String change, String refund) {
        CashMovement movement = new CashMovement(m(in), m(out));

        assertThat(movement.change()).isEqualTo(m(change));
        assertThat(movement.refund()).isEqualTo(m(refund));
        assertThat(movement.change().plus(movement.refund())).isEqualTo(m(out));
    }

    @ParameterizedTest(name = "float {0}, movements {1}, deposits {2} -> expected {3}")
    @CsvSource(textBlock = """
            # float, payments as in/out pairs, deposits, in, change, refunds, deposited, expected cash
            500.00, '',                              '',               0.00,    0.00,   0.00,    0.00,  500.00
            500.00, '100.00/10.00',                  '',             100.00,   10.00,   0.00,    0.00,  590.00
            500.00, '100.00/10.00 0.00/300.00',      '',             100.00,   10.00, 300.00,    0.00,  290.00
            500.00, '100.00/10.00 2000.00/0.00',     '1500.00',     2100.00,   10.00,   0.00, 1500.00, 1090.00
              0.00, '61.00/0.00 29.00/1.00',         '50.00 30.00',   90.00,    1.00,   0.00,   80.00,    9.00
            200.00, '0.00/300.00',                   '',               0.00,    0.00, 300.00,    0.00, -100.00
            500.00, '100.00/380.00',                 '',             100.00,  100.00, 280.00,    0.00,  220.00
            1000.00,'0.10/0.00 0.50/0.00',           '0.60',           0.60,    0.00,   0.00,    0.60, 1000.00
            """)
    void expectedCashIsFloatPlusCashInLessChangeRefundsAndDeposits(String openingFloat, String payments, String deposits,
                                                                   String in, String change, String refunds,
                                                                   String deposited, String expected) {
        List<CashMovement> movements = new ArrayList<>();
        for (String pair : words(payments)) {
            String[] p = pair.split("/");
            movements.add(new CashMovement(m(p[0]), m(p[1])));
        }
        List<Money> made = words(deposits).stream().map(Money::parse).toList();

        TillFigures f = TillFigures.of(m(openingFloat), movements, made);

        assertThat(f.cashIn()).isEqualTo(m(in));
        assertThat(f.change()).isEqualTo(m(change));
        assertThat(f.refunds()).isEqualTo(m(refunds));
        assertThat(f.deposits()).isEqualTo(m(deposited));
        assertThat(f.expectedCash()).isEqualTo(m(expected));
        assertThat(f.expectedCash()).isEqualTo(f.openingFloat().plus(f.cashIn()).minus(f.change()).minus(f.refunds())
                .minus(f.deposits()));
    }

    private static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.asList(text.strip().split("\\s+"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            # pieces of 100 50 20 10 5 1 0.5 0.1 0.05 0.02 0.01, total
            '0 0 0 0 0 0 0 0 0 0 0',          0.00
            '1 0 0 0 0 0 0 0 0 0 0',        100.00
            '0 0 0 0 0 0 0 1 0 0 0',          0.10
            '0 0 0 0 0 0 1 0 0 0 0',          0.50
            '5 1 2 3 1 4 1 3 0 0 0',        629.80
            '10 0 0 0 0 0 0 0 0 0 0',      1000.00
            '0 0 0 0 0 0 0 10 0 0 0',         1.00
            '12 3 4 5 6 7 8 9 0 0 0',      1521.90
            '0 0 0 0 0 0 0 0 1 0 0',          0.05
            '0 0 0 0 0 0 0 0 0 1 0',          0.02
            '0 0 0 0 0 0 0 0 0 0 1',          0.01
            '0 0 0 0 0 0 0 0 1 2 3',          0.12
            '0 0 0 0 0 0 1 3 1 1 1',          0.88
            '0 0 0 0 0 0 0 0 20 50 100',      3.00
            '12 3 4 5 6 7 8 9 7 3 4',      1522.35
            """)
    void aCountAddsUpItsDenominations(String pieces, String total) {
        assertThat(count(pieces).total()).isEqualTo(m(total));
    }

    static CashCount count(String pieces) {
        String[] p = pieces.strip().split("\\s+");
        Map<Denomination, Integer> map = new EnumMap<>(Denomination.class);
        Denomination[] all = Denomination.values();
        for (int i = 0; i < all.length; i++) {
            map.put(all[i], Integer.parseInt(p[i]));
        }
        return new CashCount(map);
    }

    @Test
    void theDenominationsGoDownToTheFenBecauseChangeDoes() {
        // change is given to the fen (¥100 for a ¥99.16 bill gives ¥0.84), so the drawer must count to the fen
        assertThat(Arrays.stream(Denomination.values()).map(Denomination::faceValue))
                .containsExactly(m("100.00"), m("50.00"), m("20.00"), m("10.00"), m("5.00"), m("1.00"), m("0.50"),
                        m("0.10"), m("0.05"), m("0.02"), m("0.01"));
    }

    @Test
    void aDrawerThatGaveFenInChangeBalancesToTheFen() {
        // float ¥500, one cash payment of ¥99.16 paid with ¥100: the drawer holds ¥599.16
        TillFigures f = TillFigures.of(m("500.00"), List.of(new CashMovement(m("100.00"), m("0.84"))), List.of());
        assertThat(f.expectedCash()).isEqualTo(m("599.16"));
        // five 100s, nine 10s, nine 1s, one 1 角, one 5 分, and a 1 分 coin: ¥599.16 to the fen
        OverShort os = OverShort.of(f, count("5 0 0 9 0 9 0 1 1 0 1"), List.of(), Set.of());
        assertThat(os.cash().difference()).isEqualTo(Money.ZERO);
        assertThat(os.hasDifference()).isFalse();
    }

    @Test
    void aMissingDenominationCountsAsNone() {
        CashCount count = new CashCount(Map.of(Denomination.Y20, 3));

        assertThat(count.total()).isEqualTo(m("60.00"));
        assertThat(count.piecesOf(Denomination.Y100)).isZero();
    }

    @ParameterizedTest
    @CsvSource({"-1, till.count.negative", "10001, till.count.tooMany"})
    void impossiblePiecesAreRefused(int pieces, String key) {
        BusinessException refused = catchThrowableOfType(BusinessException.class,
                () -> new CashCount(Map.of(Denomination.Y10, pieces)));

        assertThat(refused.key()).isEqualTo(key);
    }

    @ParameterizedTest(name = "expected {0}, counted {1} -> {2}")
    @CsvSource(textBlock = """
            # expected cash, counted pieces, cash over/short
            590.00, '5 1 2 0 0 0 0 0 0 0 0',   0.00
            590.00, '5 1 2 1 0 0 0 0 0 0 0',  10.00
            590.00, '5 1 1 0 0 0 0 0 0 0 0', -20.00
            590.00, '5 1 1 1 1 4 1 4 0 0 0',  -0.10
              0.00, '0 0 0 0 0 0 0 0 0 0 0',   0.00
              0.00, '0 0 0 0 0 0 0 1 0 0 0',   0.10
            599.16, '5 0 0 9 0 9 0 1 1 0 1',   0.00
            599.16, '5 0 0 9 0 9 0 2 0 0 0',   0.04
            599.16, '5 0 0 9 0 9 0 1 1 0 0',  -0.01
            """)
    void cashIsOverOrShortByTheCountAgainstTheExpected(String expected, String pieces, String difference) {
        TillFigures f = new TillFigures(m(expected), Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);

        OverShort os = OverShort.of(f, count(pieces), List.of(), Set.of());

        assertThat(os.cash().difference()).isEqualTo(m(difference));
        assertThat(os.hasDifference()).isEqualTo(!m(difference).isZero());
        assertThat(os.total()).isEqualTo(m(difference));
    }

    @ParameterizedTest(name = "ticked {0}: card {1}, slip {2}")
    @CsvSource(textBlock = """
            # ticked posting ids, card over/short, slip over/short, missing count
            '1 2 3 4', 0.00,     0.00,    0
            '1 2 3',   0.00,   -29.00,    1
            '2 3 4',  -100.00,   0.00,    1
            '',       -150.50, -229.00,   4
            '1 4',     -50.50, -200.00,   2
            '1 2 3 4 99', 0.00,  0.00,    0
            """)
    void slipsNotTickedAreShortByTheirAmount(String ticked, String card, String slip, int missing) {
        List<SystemSlip> slips = List.of(
                new SystemSlip(1, SystemSlip.BANK_CARD, "POS-1", m("100.00"), "8000000001"),
                new SystemSlip(2, SystemSlip.BANK_CARD, "POS-2", m("50.50"), "8000000002"),
                new SystemSlip(3, SystemSlip.BANK_SLIP, "BS-1", m("200.00"), "8000000003"),
                new SystemSlip(4, SystemSlip.BANK_SLIP, "BS-2", m("29.00"), "8000000004"));
        Set<Long> ticks = new java.util.HashSet<>();
        words(ticked).forEach(w -> ticks.add(Long.parseLong(w)));
        TillFigures f = new TillFigures(Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);

        OverShort os = OverShort.of(f, count("0 0 0 0 0 0 0 0 0 0 0"), slips, ticks);

        assertThat(os.bankCard().expected()).isEqualTo(m("150.50"));
        assertThat(os.bankSlip().expected()).isEqualTo(m("229.00"));
        assertThat(os.bankCard().difference()).isEqualTo(m(card));
        assertThat(os.bankSlip().difference()).isEqualTo(m(slip));
        assertThat(os.bankCard().missing().size() + os.bankSlip().missing().size()).isEqualTo(missing);
        assertThat(os.total()).isEqualTo(m(card).plus(m(slip)));
    }

    @Test
    void overInCashAndShortOnASlipStillNeedAnExplanationThoughTheyCancel() {
        TillFigures f = new TillFigures(m("100.00"), Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);
        List<SystemSlip> slips = List.of(new SystemSlip(7, SystemSlip.BANK_CARD, "POS-7", m("10.00"), "8000000001"));

        OverShort os = OverShort.of(f, count("1 0 0 1 0 0 0 0 0 0 0"), slips, Set.of());

        assertThat(os.total()).isEqualTo(Money.ZERO);
        assertThat(os.hasDifference()).isTrue();
    }

    @ParameterizedTest(name = "{0} {1}/{2} #{3} -> {4}")
    @CsvSource({
            "王伟, 2025, 7, 1, 王伟7-1",
            "王伟, 2025, 7, 2, 王伟7-2",
            "李娜, 2025, 12, 14, 李娜12-14",
            "张敏, 2026, 1, 1, 张敏1-1"})
    void depositSlipsAreNumberedPerCashierAndMonth(String name, int year, int month, int seq, String slipNo) {
        assertThat(DepositRules.slipNumber(name, YearMonth.of(year, month), seq)).isEqualTo(slipNo);
    }

    @ParameterizedTest(name = "{0} leaving {1}: {2}")
    @CsvSource(textBlock = """
            # time of deposit, takings left after it, warnings
            10:00, 5000.00, ''
            15:59, 1000.01, ''
            16:00, 1000.00, ''
            16:00, 1000.01, DEPOSIT_DUE
            16:01,    0.00, LATE_DEPOSIT
            16:30, 1200.00, LATE_DEPOSIT DEPOSIT_DUE
            """)
    void depositsAfterFourAndTooMuchKeptAreWarnedAbout(String at, String left, String warnings) {
        assertThat(DepositRules.DEFAULT.forDeposit(LocalTime.parse(at), m(left)))
                .map(Enum::name).containsExactlyElementsOf(words(warnings));
    }

    @ParameterizedTest(name = "{0} with {1} in the drawer: {2}")
    @CsvSource(textBlock = """
            15:59, 9000.00, ''
            16:00, 1000.00, ''
            16:00, 1000.01, DEPOSIT_DUE
            18:00,  999.99, ''
            """)
    void pastFourTheCashierIsToldToDeposit(String now, String undeposited, String warnings) {
        assertThat(DepositRules.DEFAULT.whileOpen(LocalTime.parse(now), m(undeposited)))
                .map(Enum::name).containsExactlyElementsOf(words(warnings));
    }

    @ParameterizedTest(name = "keep up to {0}, kept {1}: {2}")
    @CsvSource(textBlock = """
            1000.00, 1000.00, ''
            1000.00, 1000.01, KEEPING_TOO_MUCH
             500.00,  600.00, KEEPING_TOO_MUCH
               0.00,    0.00, ''
            """)
    void theKeepThresholdIsConfigurable(String keep, String kept, String warnings) {
        DepositRules rules = new DepositRules(LocalTime.of(15, 0), m(keep));

        assertThat(rules.atClose(m(kept))).map(Enum::name).containsExactlyElementsOf(words(warnings));
    }

    @Test
    void theDepositTimeIsConfigurable() {
        DepositRules early = new DepositRules(LocalTime.of(15, 0), Money.ofYuan(1000));

        assertThat(early.isLate(LocalTime.of(15, 30))).isTrue();
        assertThat(DepositRules.DEFAULT.isLate(LocalTime.of(15, 30))).isFalse();
    }

    @ParameterizedTest(name = "takings {0}, deposited {1}, float {2}: depositable {3}")
    @CsvSource(textBlock = """
            1000.00,    0.00, 500.00, 1000.00
            1000.00, 1000.00, 500.00,    0.00
               0.00,    0.00, 500.00,    0.00
            """)
    void theFloatStaysInTheDrawer(String in, String deposited, String openingFloat, String depositable) {
        TillFigures f = new TillFigures(m(openingFloat), m(in), Money.ZERO, Money.ZERO, m(deposited));

        assertThat(f.depositable()).isEqualTo(m(depositable));
    }
}
