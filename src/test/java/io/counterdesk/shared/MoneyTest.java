package io.counterdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @ParameterizedTest(name = "\"{0}\" is {1} fen")
    @CsvSource(delimiter = '|', textBlock = """
            1005.5                  | 100550
            1005.50                 | 100550
            1,005.50                | 100550
            1,234,567.89            | 123456789
            ¥12                     | 1200
            ￥12                    | 1200
            12元                    | 1200
            ¥12.5元                 | 1250
            -3.20                   | -320
            -¥3.20                  | -320
            ¥-3.20                  | -320
            +8                      | 800
            '  12.00  '             | 1200
            '¥ 12'                  | 1200
            0                       | 0
            -0                      | 0
            0.07                    | 7
            .5                      | 50
            007                     | 700
            １２．５                | 1250
            '１，２３４'            | 123400
            92233720368547758.07    | 9223372036854775807
            -92233720368547758.08   | -9223372036854775808
            """)
    void parsesWhatCashiersTypeAndWhatTheProgramPrints(String text, long fen) {
        assertThat(Money.parse(text)).isEqualTo(Money.ofFen(fen));
    }

    @ParameterizedTest(name = "rejects \"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            ''
            '   '
            abc
            1.234
            1.230
            1.2.3
            12.
            .
            1,00
            1,0000
            ',100'
            '100,'
            12,345.6.7
            --3
            +-3
            -¥-3
            ¥
            元
            -
            ¥¥12
            12元元
            元12
            1 2
            1e3
            0x10
            NaN
            Infinity
            12 yuan
            $12
            92233720368547758.08
            -92233720368547758.09
            99999999999999999999
            """)
    void rejectsTextThatIsNotAnAmount(String text) {
        assertThatThrownBy(() -> Money.parse(text))
                .isInstanceOfSatisfying(BusinessException.class, refusal -> {
                    assertThat(refusal.key()).isEqualTo("money.invalid");
                    assertThat(refusal.args()).containsExactly(text);
                });
    }

    @ParameterizedTest
    @NullSource
    void rejectsMissingText(String text) {
        assertThatThrownBy(() -> Money.parse(text))
                .isInstanceOfSatisfying(BusinessException.class,
                        refusal -> assertThat(refusal.key()).isEqualTo("money.invalid"));
    }

    @Test
    void refusalTellsTheCashierWhatWasTypedAndWhatIsExpected() {
        BusinessException refusal = catchThrowableOfType(BusinessException.class, () -> Money.parse("12.345"));

        assertThat(refusal.message(I18n.CHINESE)).contains("12.345").contains("两位小数");
        assertThat(refusal.message(Locale.ENGLISH)).contains("12.345").contains("two decimals");
    }

    @ParameterizedTest(name = "{0} fen: {1}, {2}")
    @CsvSource(delimiter = '|', textBlock = """
            0                    | 0.00                  | ¥0.00
            7                    | 0.07                  | ¥0.07
            -7                   | -0.07                 | -¥0.07
            50                   | 0.50                  | ¥0.50
            100                  | 1.00                  | ¥1.00
            -320                 | -3.20                 | -¥3.20
            99999                | 999.99                | ¥999.99
            100000               | 1000.00               | ¥1,000.00
            100550               | 1005.50               | ¥1,005.50
            -100550              | -1005.50              | -¥1,005.50
            10000000             | 100000.00             | ¥100,000.00
            123456789            | 1234567.89            | ¥1,234,567.89
            9223372036854775807  | 92233720368547758.07  | ¥92,233,720,368,547,758.07
            -9223372036854775808 | -92233720368547758.08 | -¥92,233,720,368,547,758.08
            """)
    void printsPlainAndFormatted(long fen, String plain, String formatted) {
        Money amount = Money.ofFen(fen);

        assertThat(amount.toPlainString()).isEqualTo(plain);
        assertThat(amount.toString()).isEqualTo(plain);
        assertThat(amount.format()).isEqualTo(formatted);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, -1, 7, 50, 100550, -320, 123456789, Long.MAX_VALUE, Long.MIN_VALUE})
    void readsBackWhatItPrints(long fen) {
        Money amount = Money.ofFen(fen);

        assertThat(Money.parse(amount.format())).isEqualTo(amount);
        assertThat(Money.parse(amount.toPlainString())).isEqualTo(amount);
    }

    @Test
    void formattingDoesNotDependOnTheJvmLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(Money.ofFen(123456789).format()).isEqualTo("¥1,234,567.89");
            assertThat(Money.parse("1,234.50")).isEqualTo(Money.ofFen(123450));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void buildsFromYuanAndFen() {
        assertThat(Money.ofYuan(2400).fen()).isEqualTo(240000);
        assertThat(Money.ofYuan(-3).fen()).isEqualTo(-300);
        assertThat(Money.ofFen(0)).isSameAs(Money.ZERO);
        assertThat(Money.ZERO.fen()).isZero();
    }

    @Test
    void addsSubtractsAndMultipliesExactly() {
        Money price = Money.parse("0.10");
        Money sum = Money.ZERO;
        for (int i = 0; i < 10; i++) {
            sum = sum.plus(price);
        }

        assertThat(sum).isEqualTo(Money.ofYuan(1));
        assertThat(Money.parse("1005.50").minus(Money.parse("5.51"))).isEqualTo(Money.parse("999.99"));
        assertThat(Money.parse("2.85").times(3)).isEqualTo(Money.parse("8.55"));
        assertThat(Money.parse("2.85").times(-2)).isEqualTo(Money.parse("-5.70"));
        assertThat(Money.parse("3.20").negate()).isEqualTo(Money.parse("-3.20"));
        assertThat(Money.parse("-3.20").abs()).isEqualTo(Money.parse("3.20"));
        assertThat(Money.parse("3.20").abs()).isEqualTo(Money.parse("3.20"));
    }

    @Test
    void throwsInsteadOfOverflowing() {
        Money largest = Money.ofFen(Long.MAX_VALUE);
        Money smallest = Money.ofFen(Long.MIN_VALUE);

        assertThatThrownBy(() -> largest.plus(Money.ofFen(1))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> smallest.minus(Money.ofFen(1))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> largest.times(2)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(smallest::negate).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(smallest::abs).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.ofYuan(Long.MAX_VALUE / 10)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> largest.multiply(new BigDecimal("1.01"), RoundingMode.DOWN))
                .isInstanceOf(ArithmeticException.class);
    }

    @ParameterizedTest(name = "{0} floored to 0.50 steps is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0.00   | 0.00
            0.01   | 0.00
            0.49   | 0.00
            0.50   | 0.50
            0.99   | 0.50
            1.00   | 1.00
            1.49   | 1.00
            1.50   | 1.50
            62.96  | 62.50
            -0.49  | 0.00
            -0.99  | -0.50
            -1.50  | -1.50
            """)
    void floorsLateFeesToHalfYuanStepsTowardZero(String amount, String floored) {
        assertThat(Money.parse(amount).floorToStep(50)).isEqualTo(Money.parse(floored));
    }

    @Test
    void floorsToAnyPositiveStep() {
        assertThat(Money.parse("17.99").floorToStep(100)).isEqualTo(Money.parse("17.00"));
        assertThat(Money.parse("17.99").floorToStep(1)).isEqualTo(Money.parse("17.99"));
        assertThat(Money.parse("17.99").floorToStep(1000)).isEqualTo(Money.parse("10.00"));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -50})
    void rejectsStepThatIsNotPositive(long step) {
        assertThatThrownBy(() -> Money.ofYuan(1).floorToStep(step)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} × {1} rounded {2} is {3}")
    @CsvSource(delimiter = '|', textBlock = """
            1000.00  | 0.003   | HALF_UP   | 3.00
            333.33   | 0.003   | HALF_UP   | 1.00
            333.33   | 0.003   | DOWN      | 0.99
            1234.56  | 0.051   | DOWN      | 62.96
            1234.56  | 0.051   | HALF_UP   | 62.96
            0.05     | 0.5     | HALF_UP   | 0.03
            0.05     | 0.5     | HALF_EVEN | 0.02
            0.05     | 0.5     | HALF_DOWN | 0.02
            -0.05    | 0.5     | HALF_UP   | -0.03
            -10.01   | 0.5     | FLOOR     | -5.01
            -10.01   | 0.5     | CEILING   | -5.00
            2.85     | 10      | UNNECESSARY | 28.50
            100.00   | 0       | HALF_UP   | 0.00
            """)
    void multipliesByADecimalFactorExactlyThenRounds(String amount, String factor, RoundingMode mode, String result) {
        assertThat(Money.parse(amount).multiply(new BigDecimal(factor), mode)).isEqualTo(Money.parse(result));
    }

    @Test
    void refusesUnnecessaryRoundingWhenTheResultIsNotWholeFen() {
        assertThatThrownBy(() -> Money.parse("0.05").multiply(new BigDecimal("0.5"), RoundingMode.UNNECESSARY))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void comparesByAmount() {
        Money small = Money.parse("-3.20");
        Money large = Money.parse("1005.50");

        assertThat(small).isLessThan(large);
        assertThat(large.max(small)).isSameAs(large);
        assertThat(large.min(small)).isSameAs(small);
        assertThat(small.max(large)).isSameAs(large);
        assertThat(small.min(large)).isSameAs(small);
        assertThat(Money.parse("1,005.5")).isEqualByComparingTo(large);
    }

    @Test
    void equalAmountsAreEqualWhateverTheyWereWrittenAs() {
        assertThat(Money.parse("1005.5"))
                .isEqualTo(Money.parse("¥1,005.50"))
                .isEqualTo(Money.ofFen(100550))
                .hasSameHashCodeAs(Money.ofFen(100550))
                .isNotEqualTo(Money.ofFen(100551))
                .isNotEqualTo(100550L);
    }

    @Test
    void tellsSign() {
        assertThat(Money.ZERO.isZero()).isTrue();
        assertThat(Money.ZERO.isPositive()).isFalse();
        assertThat(Money.ZERO.isNegative()).isFalse();
        assertThat(Money.ofFen(1).isPositive()).isTrue();
        assertThat(Money.ofFen(1).isZero()).isFalse();
        assertThat(Money.ofFen(-1).isNegative()).isTrue();
        assertThat(Money.ofFen(-1).isPositive()).isFalse();
    }

    @Test
    void usesNoFloatingPointAnywhere() {
        List<Class<?>> types = new ArrayList<>();
        for (Field field : Money.class.getDeclaredFields()) {
            types.add(field.getType());
        }
        for (Method method : Money.class.getDeclaredMethods()) {
            types.add(method.getReturnType());
            types.addAll(Arrays.asList(method.getParameterTypes()));
        }

        assertThat(types).doesNotContain(double.class, float.class, Double.class, Float.class);
    }
}
