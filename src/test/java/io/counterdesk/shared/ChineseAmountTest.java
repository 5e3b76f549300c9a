package io.counterdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Rule table for amounts in Chinese capitals. Cases marked "PBOC" are the examples of
 * 「正确填写票据和结算凭证的基本规定」; where that text allows two forms, the one this program
 * writes is listed.
 */
class ChineseAmountTest {

    private static final String DIGITS = "零壹贰叁肆伍陆柒捌玖";

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # zero, fen only, jiao only
            0.00                  | 零元整
            0.01                  | 壹分
            0.07                  | 柒分
            0.10                  | 壹角
            0.50                  | 伍角
            0.57                  | 伍角柒分
            # whole yuan: 整 after 元
            1.00                  | 壹元整
            10.00                 | 壹拾元整
            11.00                 | 壹拾壹元整
            15.00                 | 壹拾伍元整
            30.00                 | 叁拾元整
            100.00                | 壹佰元整
            101.00                | 壹佰零壹元整
            110.00                | 壹佰壹拾元整
            1001.00               | 壹仟零壹元整
            1010.00               | 壹仟零壹拾元整
            1100.00               | 壹仟壹佰元整
            2400.00               | 贰仟肆佰元整
            # jiao and fen: no 整 after 角 or 分
            1.30                  | 壹元叁角
            1.35                  | 壹元叁角伍分
            1005.50               | 壹仟零伍元伍角
            1409.50               | 壹仟肆佰零玖元伍角
            1004.56               | 壹仟零肆元伍角陆分
            6007.14               | 陆仟零柒元壹角肆分
            9999.99               | 玖仟玖佰玖拾玖元玖角玖分
            # 零 after 元: 角 is zero (required) or the 元 digit is zero (this program's choice)
            1.05                  | 壹元零伍分
            325.04                | 叁佰贰拾伍元零肆分
            16409.02              | 壹万陆仟肆佰零玖元零贰分
            10.05                 | 壹拾元零伍分
            10.30                 | 壹拾元零叁角
            1680.32               | 壹仟陆佰捌拾元零叁角贰分
            20000.08              | 贰万元零捌分
            107000.53             | 壹拾万柒仟元零伍角叁分
            3000000.30            | 叁佰万元零叁角
            # across the 万 boundary
            10000.00              | 壹万元整
            10001.00              | 壹万零壹元整
            10010.00              | 壹万零壹拾元整
            10100.00              | 壹万零壹佰元整
            11000.00              | 壹万壹仟元整
            100010.00             | 壹拾万零壹拾元整
            325000.00             | 叁拾贰万伍仟元整
            1000000.00            | 壹佰万元整
            10001000.00           | 壹仟万壹仟元整
            10000001.00           | 壹仟万零壹元整
            12345678.90           | 壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元玖角
            # across the 亿 boundary
            100000000.00          | 壹亿元整
            100000001.00          | 壹亿零壹元整
            100010000.00          | 壹亿零壹万元整
            101000000.00          | 壹亿零壹佰万元整
            110000000.00          | 壹亿壹仟万元整
            1000000000.01         | 壹拾亿元零壹分
            1234567890.12         | 壹拾贰亿叁仟肆佰伍拾陆万柒仟捌佰玖拾元零壹角贰分
            1000000000000.00      | 壹万亿元整
            1200000000000.00      | 壹万贰仟亿元整
            92233720368547758.07  | 玖亿贰仟贰佰叁拾叁万柒仟贰佰零叁亿陆仟捌佰伍拾肆万柒仟柒佰伍拾捌元零柒分
            # negative amounts
            -0.07                 | 负柒分
            -3.20                 | 负叁元贰角
            -1005.50              | 负壹仟零伍元伍角
            -30.00                | 负叁拾元整
            -92233720368547758.08 | 负玖亿贰仟贰佰叁拾叁万柒仟贰佰零叁亿陆仟捌佰伍拾肆万柒仟柒佰伍拾捌元零捌分
            """)
    void writesAmountInChineseCapitals(String amount, String capitals) {
        assertThat(ChineseAmount.of(Money.parse(amount))).isEqualTo(capitals);
    }

    @Test
    void writesZhengOnlyAfterYuan() {
        assertThat(ChineseAmount.of(Money.parse("2850"))).endsWith("元整");
        assertThat(ChineseAmount.of(Money.parse("2850.50"))).endsWith("伍角").doesNotContain("整");
        assertThat(ChineseAmount.of(Money.parse("2850.55"))).endsWith("伍分").doesNotContain("整");
    }

    @Test
    void neverWritesTwoZerosInARowNorEndsWithZero() {
        for (long fen = 1; fen <= 2_000_000; fen += 37) {
            assertThat(ChineseAmount.of(Money.ofFen(fen)))
                    .doesNotContain("零零")
                    .doesNotEndWith("零")
                    .doesNotStartWith("零");
        }
    }

    @Test
    void readsBackAsTheSameAmountAcrossTheWholeRange() {
        Random random = new Random(20240601L);
        for (int i = 0; i < 20_000; i++) {
            int digits = 1 + random.nextInt(19);
            long fen = random.nextLong() % pow10(digits);
            // Sprinkle zeros in, since zeros are where the rules are.
            if (random.nextBoolean()) {
                fen = fen / pow10(random.nextInt(digits)) * pow10(random.nextInt(digits));
            }
            assertThat(readBack(ChineseAmount.of(Money.ofFen(fen)))).as("fen %d", fen).isEqualTo(fen);
        }
        assertThat(readBack(ChineseAmount.of(Money.ofFen(Long.MAX_VALUE)))).isEqualTo(Long.MAX_VALUE);
        assertThat(readBack(ChineseAmount.of(Money.ofFen(Long.MIN_VALUE)))).isEqualTo(Long.MIN_VALUE);
    }

    private static long pow10(int exponent) {
        return exponent >= 19 ? Long.MAX_VALUE : LongStream.range(0, exponent).reduce(1, (power, i) -> power * 10);
    }

    /** An independent reader of Chinese capitals, to check the writer: text back to fen. */
    private static long readBack(String capitals) {
        boolean negative = capitals.startsWith("负");
        String text = negative ? capitals.substring(1) : capitals;
        int yuanEnd = text.indexOf('元');
        long yuan = yuanEnd < 0 ? 0 : readWhole(text.substring(0, yuanEnd));
        String fraction = yuanEnd < 0 ? text : text.substring(yuanEnd + 1);
        long cents = digitBefore(fraction, '角') * 10 + digitBefore(fraction, '分');
        // Stay negative while adding up, so that Long.MIN_VALUE fen reads back too.
        long magnitudeNegated = -yuan * 100 - cents;
        return negative ? magnitudeNegated : -magnitudeNegated;
    }

    private static long readWhole(String text) {
        int yi = text.lastIndexOf('亿');
        if (yi >= 0) {
            return readWhole(text.substring(0, yi)) * 100_000_000L + readWhole(text.substring(yi + 1));
        }
        int wan = text.indexOf('万');
        if (wan >= 0) {
            return readGroup(text.substring(0, wan)) * 10_000L + readGroup(text.substring(wan + 1));
        }
        return readGroup(text);
    }

    private static long readGroup(String text) {
        long value = 0;
        long digit = 0;
        for (char c : text.toCharArray()) {
            int position = "拾佰仟".indexOf(c);
            if (position >= 0) {
                value += digit * pow10(position + 1);
                digit = 0;
            } else {
                digit = DIGITS.indexOf(c);
                assertThat(digit).as("character %s in %s", c, text).isNotNegative();
            }
        }
        return value + digit;
    }

    private static long digitBefore(String fraction, char unit) {
        int index = fraction.indexOf(unit);
        return index < 1 ? 0 : DIGITS.indexOf(fraction.charAt(index - 1));
    }
}
