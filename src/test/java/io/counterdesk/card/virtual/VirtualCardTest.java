package io.counterdesk.card.virtual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.counterdesk.card.ReaderDialect;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The emulated chips at the level of APDUs, as a reader driver would see them. */
class VirtualCardTest {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private static String send(VirtualCard card, String apdu) {
        return HEX.formatHex(card.process(HEX.parseHex(apdu)));
    }

    private static VirtualCard selectedSle4442() {
        VirtualCard card = VirtualCard.sle4442();
        card.powerOn();
        assertThat(send(card, "FFA4000001" + "06")).isEqualTo("9000");
        return card;
    }

    @Test
    void aFreshSle4442AnswersLikeTheChipBehindAnAcsReader() {
        VirtualCard card = selectedSle4442();

        assertThat(HEX.formatHex(card.atr())).isEqualTo("3B04A2131091");
        assertThat(send(card, "FFB0000004")).isEqualTo("A21310919000");
        assertThat(send(card, "FFB0002004")).isEqualTo("FFFFFFFF9000");
        assertThat(send(card, "FFB1000004")).isEqualTo("070000009000");
        assertThat(send(card, "FFB00020E0")).hasSize((224 + 2) * 2);
    }

    @Test
    void commandsBeforeTheCardTypeIsSelectedAreRefused() {
        VirtualCard card = VirtualCard.sle4442();
        card.powerOn();

        assertThat(send(card, "FFB0002004")).isEqualTo("6985");
        assertThat(send(card, "FFA4000001" + "05")).isEqualTo("6A81");
    }

    @Test
    void theErrorCounterLosesABitPerWrongPscAndLocksAtZero() {
        VirtualCard card = selectedSle4442();

        assertThat(send(card, "FF20000003" + "123456")).isEqualTo("9003");
        assertThat(send(card, "FFB1000004")).startsWith("03");
        assertThat(send(card, "FF20000003" + "123456")).isEqualTo("9001");
        assertThat(send(card, "FF20000003" + "123456")).isEqualTo("9000");
        assertThat(card.pscErrorCounter()).isZero();
        // locked: even the right PSC no longer opens it, and writes go nowhere
        assertThat(send(card, "FF20000003" + "FFFFFF")).isEqualTo("9000");
        assertThat(send(card, "FFD0002002" + "1234")).isEqualTo("9000");
        assertThat(send(card, "FFB0002002")).isEqualTo("FFFF9000");
    }

    @Test
    void theRightPscResetsTheCounterAndUnlocksWritesUntilThePowerCycle() {
        VirtualCard card = selectedSle4442();
        card.pscErrorCounter(0x03);

        assertThat(send(card, "FF20000003" + "FFFFFF")).isEqualTo("9007");
        assertThat(send(card, "FFD0002003" + "010203")).isEqualTo("9000");
        assertThat(send(card, "FFB0002003")).isEqualTo("0102039000");

        card.powerOff();
        card.powerOn();
        send(card, "FFA4000001" + "06");
        assertThat(send(card, "FFD0002001" + "AA")).as("the chip ignores, the reader says OK").isEqualTo("9000");
        assertThat(send(card, "FFB0002001")).isEqualTo("019000");
    }

    @Test
    void withoutThePscNothingIsWritten() {
        VirtualCard card = selectedSle4442();

        assertThat(send(card, "FFD0003002" + "0000")).isEqualTo("9000");
        assertThat(card.userArea()).containsOnly((byte) 0xFF);
    }

    @Test
    void theManufacturersAreaStaysAsItIsEvenWhenUnlocked() {
        VirtualCard card = selectedSle4442();
        byte[] before = card.memory();
        send(card, "FF20000003" + "FFFFFF");

        send(card, "FFD0001C08" + "0000000000000000");

        assertThat(java.util.Arrays.copyOf(card.memory(), 0x20)).isEqualTo(java.util.Arrays.copyOf(before, 0x20));
        assertThat(card.memory()[0x20]).isZero();
    }

    @Test
    void thePscCanBeChangedOnlyAfterItWasPresented() {
        VirtualCard card = selectedSle4442();

        assertThat(send(card, "FFD2000103" + "A1B2C3")).isEqualTo("9000");
        assertThat(card.psc()).isEqualTo(HEX.parseHex("FFFFFF"));
        send(card, "FF20000003" + "FFFFFF");
        assertThat(send(card, "FFD2000103" + "A1B2C3")).isEqualTo("9000");

        assertThat(card.psc()).isEqualTo(HEX.parseHex("A1B2C3"));
        assertThat(send(card, "FF20000003" + "FFFFFF")).isEqualTo("9003");
        assertThat(send(card, "FF20000003" + "A1B2C3")).isEqualTo("9007");
    }

    @Test
    void aTornUpdateWritesOnlyItsFirstBytesAndTheCardStopsAnswering() {
        VirtualCard card = selectedSle4442();
        send(card, "FF20000003" + "FFFFFF");
        card.tearUpdate(2, 2);

        send(card, "FFD0002001" + "11");
        assertThat(send(card, "FFB0002001")).as("reads do not count").isEqualTo("119000");
        assertThatThrownBy(() -> send(card, "FFD0003004" + "01020304")).isInstanceOf(VirtualCard.LostContact.class);

        card.powerOn();
        send(card, "FFA4000001" + "06");
        assertThat(send(card, "FFB0003004")).isEqualTo("0102FFFF9000");
    }

    @Test
    void contactCanBeLostAtAnyCommand() {
        VirtualCard card = selectedSle4442();
        card.loseContactAtCommand(2);

        send(card, "FFB1000004");
        assertThatThrownBy(() -> send(card, "FFB1000004")).isInstanceOf(VirtualCard.LostContact.class);
        assertThat(send(card, "FFB1000004")).as("unpowered until power on").isEqualTo("6F00");
    }

    @Test
    void theCpuCardKeepsTheLayoutInTwoFilesOfItsApplication() {
        VirtualCard card = VirtualCard.cpu();
        card.powerOn();

        assertThat(send(card, "00A4020C02" + "0A01")).as("no application selected").isEqualTo("6A82");
        assertThat(send(card, "00A4040007" + "F0434447415302")).isEqualTo("6A82");
        assertThat(send(card, "00A4040007" + "F0434447415301")).isEqualTo("9000");
        assertThat(send(card, "00B0000010")).as("no file selected").isEqualTo("6986");
        assertThat(send(card, "00A4020C02" + "0A03")).isEqualTo("6A82");
        assertThat(send(card, "00A4020C02" + "0A02")).isEqualTo("9000");
        assertThat(send(card, "00D6001E03" + "010203")).as("past the 32 bytes").isEqualTo("6700");
        assertThat(send(card, "00D6001E02" + "0102")).isEqualTo("9000");
        assertThat(send(card, "00B0001E04")).as("end of file").isEqualTo("01026282");
        assertThat(send(card, "00B0002001")).isEqualTo("6B00");
        assertThat(card.userArea()[192 + 30]).isEqualTo((byte) 1);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # apdu,         status
            80B0000001,     6E00
            00CA9F7F00,     6D00
            00A4080002,     6A86
            """)
    void theCpuCardRefusesWhatItDoesNotKnow(String apdu, String status) {
        VirtualCard card = VirtualCard.cpu();
        card.powerOn();

        assertThat(send(card, apdu)).isEqualTo(status);
    }

    @Test
    void testsCanForgeBytesAndPresetTheCounter() {
        VirtualCard card = VirtualCard.sle4442();
        card.poke(5, (byte) 0x42);
        card.pscErrorCounter(0x01);

        assertThat(card.userArea()[5]).isEqualTo((byte) 0x42);
        assertThat(card.memory()[0x25]).isEqualTo((byte) 0x42);
        assertThat(card.pscErrorCounter()).isEqualTo(1);
        assertThatThrownBy(() -> card.pscErrorCounter(0x02)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VirtualCard.cpu().pscErrorCounter()).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # apdu,                  status: what an ACS reader answers to what it does not have
            FFD6002002AAAA,          6D00
            FFCA000000,              6D00
            FF82000006FFFFFFFFFFFF,  6D00
            00B0002004,              6E00
            80D0002001AA,            6E00
            """)
    void anAcsReaderRefusesInstructionsItDoesNotHave(String apdu, String status) {
        VirtualCard card = selectedSle4442();
        send(card, "FF20000003" + "FFFFFF");

        assertThat(send(card, apdu)).isEqualTo(status);
        assertThat(card.userArea()).as("nothing written").containsOnly((byte) 0xFF);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            HIGH_FIRST, 9003, 9001, 9000
            LOW_FIRST,  9006, 9004, 9000
            """)
    void eachChipClearsItsOwnBitOfTheErrorCounter(VirtualCard.CounterBits bits, String first, String second,
                                                  String third) {
        VirtualCard card = VirtualCard.sle4442(ReaderDialect.ACS, bits);
        card.powerOn();
        send(card, "FFA4000001" + "06");

        assertThat(send(card, "FF20000003" + "123456")).isEqualTo(first);
        assertThat(send(card, "FFB1000004")).isEqualTo(first.substring(2) + "0000009000");
        assertThat(send(card, "FF20000003" + "123456")).isEqualTo(second);
        assertThat(send(card, "FF20000003" + "FFFFFF")).as("right PSC: counter erased").isEqualTo("9007");
        assertThat(send(card, "FF20000003" + "123456")).isEqualTo(first);
        assertThat(send(card, "FF20000003" + "123456")).isEqualTo(second);
        assertThat(send(card, "FF20000003" + "123456")).isEqualTo(third);
        assertThat(send(card, "FF20000003" + "FFFFFF")).as("locked for good").isEqualTo("9000");
    }

    @ParameterizedTest
    @EnumSource(VirtualCard.CounterBits.class)
    void aPresentationTornAfterItsFirstStepKeepsOneTryFewer(VirtualCard.CounterBits bits) {
        VirtualCard card = VirtualCard.sle4442(ReaderDialect.ACS, bits);
        card.powerOn();
        send(card, "FFA4000001" + "06");
        card.tearPresentation(1);

        assertThatThrownBy(() -> send(card, "FF20000003" + "FFFFFF")).isInstanceOf(VirtualCard.LostContact.class);

        assertThat(Integer.bitCount(card.pscErrorCounter())).isEqualTo(2);
        assertThat(card.pscErrorCounter()).isEqualTo(bits == VirtualCard.CounterBits.HIGH_FIRST ? 0x03 : 0x06);
    }

    @Test
    void aPcscPart3ReaderSpeaksReadBinaryUpdateBinaryAndVerify() {
        VirtualCard card = VirtualCard.sle4442(ReaderDialect.PCSC_PART3, VirtualCard.CounterBits.LOW_FIRST);
        card.powerOn();

        assertThat(send(card, "FFB0002004")).as("no card type to select").isEqualTo("FFFFFFFF9000");
        assertThat(send(card, "FFD6002002" + "1234")).as("before VERIFY: security status").isEqualTo("6982");
        assertThat(send(card, "FF200000")).as("tries left, none spent").isEqualTo("63C3");
        assertThat(send(card, "FF20000003" + "123456")).isEqualTo("63C2");
        assertThat(send(card, "FF200000")).isEqualTo("63C2");
        assertThat(send(card, "FF20000003" + "FFFFFF")).isEqualTo("9000");
        assertThat(send(card, "FFD6002002" + "1234")).isEqualTo("9000");
        assertThat(send(card, "FFB0002002")).isEqualTo("12349000");
        assertThat(send(card, "FFD0002001" + "00")).as("the ACS write is not a Part 3 command").isEqualTo("6D00");
        assertThat(send(card, "FFD2000103" + "A1B2C3")).as("Part 3 has no PSC change").isEqualTo("6D00");
        assertThat(send(card, "FFA4000001" + "06")).isEqualTo("6D00");
    }
}
