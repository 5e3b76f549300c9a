package io.counterdesk.printing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextWidthTest {

    @ParameterizedTest(name = "{0} takes {1} columns")
    @CsvSource(delimiter = '|', textBlock = """
            abc              | 3
            燃气费           | 6
            户号：1001234567 | 16
            ￥128.50         | 8
            王·伟            | 6
            “缴费”           | 8
            ''               | 0
            """)
    void countsAsciiAsOneColumnAndEverythingElseAsTwo(String text, int columns) {
        assertThat(TextWidth.columns(text)).isEqualTo(columns);
    }

    @ParameterizedTest(name = "{0}: {1} | {2}")
    @CsvSource(delimiter = '|', textBlock = """
            MM58 | 应缴金额         | 128.50    | 18
            MM58 | 本次实收（现金） | 150.00    | 10
            MM58 | Late fee         | 0.00      | 20
            MM58 | 合计             | ￥1,280.50 | 18
            MM80 | 应缴金额         | 128.50    | 34
            MM80 | 本次实收（现金） | 150.00    | 26
            MM80 | Late fee         | 0.00      | 36
            MM80 | 合计             | ￥1,280.50 | 34
            """)
    void padsLabelAndAmountToThePaperWidthCountingChineseAsTwo(PaperWidth paper, String label, String amount, int spaces) {
        List<String> lines = TextWidth.twoColumns(label, amount, paper.columns());

        assertThat(lines).containsExactly(label + " ".repeat(spaces) + amount);
        assertThat(TextWidth.columns(lines.get(0))).isEqualTo(paper.columns());
    }

    @Test
    void wrapsALongLabelAndPutsTheAmountOnItsLastLine() {
        List<String> lines = TextWidth.twoColumns("杭州市西湖区文三路100号3幢2单元502室燃气费", "128.50", 32);

        assertThat(lines).containsExactly(
                "杭州市西湖区文三路100号3幢2单元",
                "502室燃气费" + " ".repeat(15) + "128.50");
        assertThat(lines).allSatisfy(line -> assertThat(TextWidth.columns(line)).isLessThanOrEqualTo(32));
    }

    @Test
    void putsTheAmountOnALineOfItsOwnWhenTheLabelFillsTheLine() {
        List<String> lines = TextWidth.twoColumns("一二三四五六七八九十一二三四五", "128.50", 32);

        assertThat(lines).containsExactly("一二三四五六七八九十一二三四五", " ".repeat(26) + "128.50");
    }

    @Test
    void breaksChineseAnywhereButAsciiAtASpace() {
        assertThat(TextWidth.wrap("燃气费收据燃气费收据燃气费收据燃气费", 32))
                .containsExactly("燃气费收据燃气费收据燃气费收据燃", "气费");
        assertThat(TextWidth.wrap("Paid at counter 3 of the Wensan Road hall", 32))
                .containsExactly("Paid at counter 3 of the Wensan", "Road hall");
    }

    @Test
    void neverSplitsAChineseCharacterAcrossTheEdge() {
        // 31 ASCII columns then a Chinese character: it does not fit in the last column
        assertThat(TextWidth.wrap("x".repeat(31) + "气", 32)).containsExactly("x".repeat(31), "气");
    }

    @Test
    void removesControlCharactersSoTextCannotCarryPrinterCommands() {
        assertThat(TextWidth.printable("张\u001b@三\u001dV0\t李\r\n四")).isEqualTo("张@三V0 李  四");
    }

    @Test
    void fillsASeparatorWithWholeUnits() {
        assertThat(TextWidth.repeat("-", 32)).hasSize(32);
        assertThat(TextWidth.repeat("═", 32)).isEqualTo("═".repeat(16));
    }
}
