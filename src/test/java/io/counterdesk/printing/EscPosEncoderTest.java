package io.counterdesk.printing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class EscPosEncoderTest {

    private final EscPosEncoder encoder = new EscPosEncoder(PaperWidth.MM80);

    @Test
    void startsWithInitialiseThenChineseModeOn() {
        byte[] job = encoder.encode(PrintDocument.builder().text("x").build());

        assertThat(hex(job).substring(0, 11)).isEqualTo("1B 40 1C 26");
    }

    @Test
    void writesChineseTextInGb18030AfterChineseModeIsOn() {
        byte[] job = encoder.encode(PrintDocument.builder().text("燃气费收据").build());

        byte[] gb18030 = "燃气费收据".getBytes(EscPosEncoder.CHARSET);
        assertThat(hex(gb18030)).isEqualTo("C8 BC C6 F8 B7 D1 CA D5 BE DD");
        int chineseModeAt = indexOf(job, new byte[] {0x1C, 0x26});
        int textAt = indexOf(job, gb18030);
        assertThat(chineseModeAt).isNotNegative();
        assertThat(textAt).isGreaterThan(chineseModeAt);
        assertThat(indexOf(job, "燃".getBytes(StandardCharsets.UTF_8))).as("no UTF-8 on the wire").isNegative();
    }

    @Test
    void encodesCharactersOutsideGbkAsFourByteGb18030() {
        byte[] job = encoder.encode(PrintDocument.builder().text("€ 𠮷").build());

        assertThat(indexOf(job, "𠮷".getBytes(EscPosEncoder.CHARSET))).isPositive();
        assertThat("𠮷".getBytes(EscPosEncoder.CHARSET)).hasSize(4);
    }

    @Test
    void setsEmphasisDoubleSizeAndAlignmentForALine() {
        byte[] job = encoder.encode(PrintDocument.builder().centered("收据", TextStyle.LARGE).build());

        String bytes = hex(job);
        assertThat(bytes).contains("1B 45 01", "1D 21 11", "1B 61 31");
        assertThat(bytes).endsWith(hex("收据".getBytes(EscPosEncoder.CHARSET)) + " 0A");
    }

    @Test
    void printsAQrCodeAsModel2WithItsUtf8ContentAndLength() {
        String content = "https://pay.example.cn/r?户=张";
        byte[] utf8 = content.getBytes(StandardCharsets.UTF_8);

        byte[] job = encoder.encode(PrintDocument.builder().qr(content).build());

        String bytes = hex(job);
        assertThat(bytes).contains("1D 28 6B 04 00 31 41 32 00", "1D 28 6B 03 00 31 43 06", "1D 28 6B 03 00 31 45 31");
        int storeLength = utf8.length + 3;
        assertThat(bytes).contains(String.format("1D 28 6B %02X %02X 31 50 30 %s 1D 28 6B 03 00 31 51 30",
                storeLength & 0xFF, storeLength >> 8, hex(utf8)));
    }

    @Test
    void feedsThenCutsPartially() {
        byte[] job = encoder.encode(PrintDocument.builder().text("a").cut().build());

        assertThat(hex(job)).endsWith("0A 0A 0A 0A 1D 56 31");
    }

    @Test
    void kicksTheDrawerOnPin2Or5() {
        byte[] pin2 = encoder.encode(PrintDocument.builder().openDrawer().build());
        byte[] pin5 = new EscPosEncoder(PaperWidth.MM58, 5, 4).encode(PrintDocument.builder().openDrawer().build());

        assertThat(hex(pin2)).endsWith("1B 70 30 19 FA");
        assertThat(hex(pin5)).endsWith("1B 70 31 19 FA");
    }

    @Test
    void aControlCharacterInTheTextNeverReachesThePrinter() {
        byte[] job = encoder.encode(PrintDocument.builder().text("张\u001b@三\u001dV0").build());

        assertThat(EscPosDecoder.lines(job)).containsExactly("张@三V0");
        assertThat(indexOf(job, new byte[] {0x1B, '@'}, 1)).as("only the initialise at the start").isNegative();
    }

    @Test
    void encodesTheSameDocumentToTheSameBytes() {
        assertThat(encoder.encode(SampleReceipts.cashPayment("0000123")))
                .isEqualTo(encoder.encode(SampleReceipts.cashPayment("0000123")));
    }

    @Test
    void refusesADrawerPinThatDoesNotExist() {
        assertThatThrownBy(() -> new EscPosEncoder(PaperWidth.MM80, 3, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wrapsToThePaperWidthSoNarrowRollsBreakTheSameWayOnEveryPrinter() {
        PrintDocument document = PrintDocument.builder().text("地址：杭州市西湖区文三路100号3幢2单元502室").build();

        List<String> on58 = EscPosDecoder.lines(new EscPosEncoder(PaperWidth.MM58).encode(document));
        List<String> on80 = EscPosDecoder.lines(new EscPosEncoder(PaperWidth.MM80).encode(document));

        assertThat(on58).containsExactly("地址：杭州市西湖区文三路100号3幢", "2单元502室");
        assertThat(on80).containsExactly("地址：杭州市西湖区文三路100号3幢2单元502室");
    }

    static String hex(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes);
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        return indexOf(haystack, needle, 0);
    }

    static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
