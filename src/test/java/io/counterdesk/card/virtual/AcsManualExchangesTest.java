package io.counterdesk.card.virtual;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The emulated SLE4442 behind an ACS reader, replayed against the reader's manual byte for byte:
 * ACS, "ACR38x (CCID) Reference Manual", version 6.04, §9.3.6 "Memory Card – SLE 4432/SLE 4442/SLE
 * 5532/SLE 5542" (the same formats in the ACR39x Reference Manual v1.03 and the ACR1281U API v1.08).
 * The manual gives each command's bytes and the format of its answer; the values are those of a
 * factory-fresh card (ATR header A2 13 10 91, user memory FF, PSC FF FF FF, counter 07). The second
 * witness is a public program written against the same manual sections (sigsergv/pcsc-tutorial-python,
 * example-11 "sle-card-write": 9.3.6.1, 9.3.6.7, 9.3.6.5), whose exchange is replayed as it is.
 */
class AcsManualExchangesTest {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final VirtualCard card = VirtualCard.sle4442();

    private String send(String apdu) {
        return HEX.formatHex(card.process(HEX.parseHex(apdu.replace(" ", ""))));
    }

    @Test
    void theManualsCommandsAnswerInTheManualsFormats() {
        card.powerOn();
        // 9.3.6.1 SELECT_CARD_TYPE: FF A4 00 00 01 06 → SW1 SW2 = 90 00
        assertThat(send("FF A4 00 00 01 06")).isEqualTo("9000");
        // 9.3.6.2 READ_MEMORY_CARD: FF B0 00 addr MEM_L → BYTE 1 … BYTE N, 90 00
        assertThat(send("FF B0 00 00 04")).isEqualTo("A2131091" + "9000");
        assertThat(send("FF B0 00 40 04")).isEqualTo("FFFFFFFF" + "9000");
        // 9.3.6.3 READ_PRESENTATION_ERROR_COUNTER: FF B1 00 00 04 → ERRCNT DUMMY 1–3, 90 00
        assertThat(send("FF B1 00 00 04")).startsWith("07").endsWith("9000").hasSize(12);
        // 9.3.6.4 READ_PROTECTION_BITS: FF B2 00 00 04 → PROT 1–4, 90 00 ('0' = byte write-protected)
        assertThat(send("FF B2 00 00 04")).isEqualTo("00000000" + "9000");
        // 9.3.6.7 PRESENT_CODE_MEMORY_CARD: FF 20 00 00 03 CODE → SW1 = 90, SW2 = ErrorCnt (07 = correct)
        assertThat(send("FF 20 00 00 03 FF FF FF")).isEqualTo("9007");
        // 9.3.6.5 WRITE_MEMORY_CARD: FF D0 00 addr MEM_L data → 90 00
        assertThat(send("FF D0 00 40 04 01 02 03 04")).isEqualTo("9000");
        assertThat(send("FF B0 00 40 04")).isEqualTo("01020304" + "9000");
        // 9.3.6.8 CHANGE_CODE_MEMORY_CARD: FF D2 00 01 03 CODE → 90 00
        assertThat(send("FF D2 00 01 03 12 34 56")).isEqualTo("9000");
        // a wrong code now: one bit of the counter gone (07 → 03 on this chip), and the counter says so
        assertThat(send("FF 20 00 00 03 FF FF FF")).isEqualTo("9003");
        assertThat(send("FF B1 00 00 04")).startsWith("03");
        assertThat(send("FF 20 00 00 03 12 34 56")).isEqualTo("9007");
        // 9.3.6.6 WRITE_PROTECTION_MEMORY_CARD: FF D1 00 addr MEM_L data (00h–1Fh) → 90 00
        assertThat(send("FF D1 00 00 04 A2 13 10 91")).isEqualTo("9000");
    }

    @Test
    void thePublicTutorialsExchangeReplaysAsItIs() {
        card.powerOn();

        assertThat(send("FF A4 00 00 01 06")).isEqualTo("9000");
        assertThat(send("FF 20 00 00 03 FF FF FF")).as("the tutorial checks (90, 07)").isEqualTo("9007");
        assertThat(send("FF D0 00 40 04 01 02 03 04")).isEqualTo("9000");
        assertThat(java.util.Arrays.copyOfRange(card.memory(), 0x40, 0x44)).isEqualTo(new byte[] {1, 2, 3, 4});
    }

    @Test
    void theWriteOfThePcscPart3DialectIsNotAnAcsCommand() {
        card.powerOn();
        send("FF A4 00 00 01 06");
        send("FF 20 00 00 03 FF FF FF");

        assertThat(send("FF D6 00 40 04 01 02 03 04")).isEqualTo("6D00");
        assertThat(send("FF B0 00 40 04")).isEqualTo("FFFFFFFF" + "9000");
    }
}
