package io.counterdesk.printing;

import static io.counterdesk.printing.EscPosEncoderTest.concat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EscPosDecoderTest {

    @Test
    void readsBackAnEncodedReceiptOn80mmPaper() {
        byte[] job = new EscPosEncoder(PaperWidth.MM80).encode(SampleReceipts.cashPayment("0000123"));

        assertThat(EscPosDecoder.lines(job)).containsExactly(
                "[DRAWER]",
                "燃气费收据",
                "收据号：0000123",
                "户号：1001234567  张三",
                "-".repeat(48),
                "2024年6月燃气费" + " ".repeat(27) + "128.50",
                "滞纳金" + " ".repeat(38) + "0.00",
                "合计" + " ".repeat(36) + "￥128.50",
                "实收现金" + " ".repeat(34) + "150.00",
                "找零" + " ".repeat(39) + "21.50",
                "-".repeat(48),
                "[QR] " + SampleReceipts.QR,
                "营业员 王伟",
                "", "", "", "",
                "[CUT]");
    }

    @Test
    void readsBackAnEncodedReceiptOn58mmPaper() {
        byte[] job = new EscPosEncoder(PaperWidth.MM58).encode(SampleReceipts.cashPayment("0000123"));

        List<String> lines = EscPosDecoder.lines(job);

        assertThat(lines).contains(
                "-".repeat(32),
                "2024年6月燃气费" + " ".repeat(11) + "128.50",
                "合计" + " ".repeat(20) + "￥128.50",
                "[QR] " + SampleReceipts.QR);
        assertThat(lines).filteredOn(line -> !line.startsWith("["))
                .allSatisfy(line -> assertThat(TextWidth.columns(line)).isLessThanOrEqualTo(32));
    }

    @Test
    void keepsEachLinesAlignmentAndStyle() {
        byte[] job = new EscPosEncoder(PaperWidth.MM80).encode(PrintDocument.builder()
                .centered("燃气费收据", TextStyle.LARGE)
                .text("营业员 王伟", Alignment.RIGHT)
                .columns("合计", "128.50", TextStyle.BOLD)
                .text("高", Alignment.LEFT, TextStyle.DOUBLE_HEIGHT)
                .build());

        assertThat(EscPosDecoder.decode(job)).containsExactly(
                new EscPosDecoder.Line(EscPosDecoder.Line.Kind.TEXT, "燃气费收据", Alignment.CENTER, true, 2, 2),
                new EscPosDecoder.Line(EscPosDecoder.Line.Kind.TEXT, "营业员 王伟", Alignment.RIGHT, false, 1, 1),
                new EscPosDecoder.Line(EscPosDecoder.Line.Kind.TEXT, "合计" + " ".repeat(38) + "128.50", Alignment.LEFT, true, 1, 1),
                new EscPosDecoder.Line(EscPosDecoder.Line.Kind.TEXT, "高", Alignment.LEFT, false, 1, 2));
    }

    @ParameterizedTest
    @EnumSource(PaperWidth.class)
    void aDoubleWidthLineHoldsHalfTheColumns(PaperWidth paper) {
        String title = "一二三四五六七八九十一二三四五六七八九十一二三四";

        List<EscPosDecoder.Line> lines = EscPosDecoder.decode(new EscPosEncoder(paper)
                .encode(PrintDocument.builder().centered(title, TextStyle.LARGE).build()));

        assertThat(lines).allSatisfy(line -> assertThat(TextWidth.columns(line.text())).isLessThanOrEqualTo(paper.columns() / 2));
        assertThat(lines.stream().map(EscPosDecoder.Line::text).reduce("", String::concat)).isEqualTo(title);
    }

    @Test
    void decodesBytesAsCodePage437OutsideChineseMode() {
        byte[] job = concat(new byte[] {0x1B, '@', 0x1C, '&'}, "中".getBytes(EscPosEncoder.CHARSET),
                new byte[] {0x1C, '.', (byte) 0x9C, 0x0A});

        assertThat(EscPosDecoder.lines(job)).containsExactly("中£");
    }

    @Test
    void understandsFeedsStatusQueriesAndRealTimeDrawerPulse() {
        byte[] job = concat(new byte[] {0x10, 0x04, 0x01, 'a', 0x1B, 'd', 2, 0x10, 0x14, 1, 0, 5, 'b', 0x0A});

        assertThat(EscPosDecoder.lines(job)).containsExactly("a", "", "[DRAWER]", "b");
    }

    @Test
    void showsUnknownCommandsInsteadOfDroppingThem() {
        byte[] job = concat(new byte[] {0x1B, '@', 0x1B, '~', 'x', 0x0A});

        assertThat(EscPosDecoder.lines(job)).containsExactly("[? 1B 7E]", "x");
    }

    @Test
    void aJobCutShortMidCommandStillDecodes() {
        byte[] job = concat(new byte[] {0x1B, '@', 'o', 'k', 0x0A, 0x1D, '(', 'k', 0x40});

        assertThat(EscPosDecoder.lines(job)).containsExactly("ok");
    }
}
