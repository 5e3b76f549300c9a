package io.counterdesk.card;

import static io.counterdesk.card.TestCards.KEYS;
import static io.counterdesk.card.TestCards.OTHER_UTILITY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The open card layout: round trips, blank cards, forged bytes, torn writes. */
class CardLayoutTest {

    /** A card after issue, a purchase, the meter's load and a second purchase: the record slots have both been used. */
    private static byte[] cardWithHistory() {
        byte[] user = write(CardLayout.blank(), TestCards.issued());
        CardImage bought = TestCards.issued().withPurchase(20);
        user = write(user, bought);
        CardImage loaded = bought.loadedBy(new MeterArea(2_000, 0, true, 0, true));
        user = write(user, loaded);
        return write(user, loaded.withPurchase(35));
    }

    private static byte[] write(byte[] user, CardImage next) {
        return CardLayout.apply(user, CardLayout.plan(user, next, KEYS));
    }

    private static CardImage read(byte[] user) {
        return CardLayout.decode(user, KEYS).image().orElseThrow();
    }

    static Stream<CardImage> images() {
        CardImage issued = TestCards.issued();
        MeterArea meter = new MeterArea(123_456, 9_876_543, true, 0b101, true);
        return Stream.of(
                issued,
                issued.withPurchase(1),
                issued.withPurchase(4_294_967_295L),
                issued.withPurchase(30).loadedBy(meter),
                issued.withPurchase(30).loadedBy(meter).withPurchase(45).withoutLastPurchase(),
                issued.withState(CardState.TRANSFER),
                issued.withState(CardState.CLEARED),
                new CardImage("9999999999999999", 9999, 9999, "12345678901234567890", "M-0123456789-ABCDEFGHIJKLMNOPQ",
                        CardState.USER, Integer.MAX_VALUE, 0xFFFF_FFFFL, 0xFFFF_FFFF_FFFFL, 0xFFFF, false,
                        new MeterArea(0xFF_FFFF_FFFFL, 0xFF_FFFF_FFFFL, false, 0xFFFF, true)),
                new CardImage("0000000000000000", 0, 0, "000001", "X", CardState.OPENING, 0, 0, 0, 0, false,
                        MeterArea.EMPTY));
    }

    @ParameterizedTest
    @MethodSource("images")
    void everyImageReadsBackAsWritten(CardImage image) {
        byte[] user = write(CardLayout.blank(), CardLayout.withMeter(image, MeterArea.EMPTY));
        user = write(user, image);

        assertThat(read(user)).isEqualTo(image);
        assertThat(read(write(cardWithHistory(), CardLayout.withMeter(image, read(cardWithHistory()).meter()))))
                .isEqualTo(CardLayout.withMeter(image, read(cardWithHistory()).meter()));
    }

    @Test
    void aFactoryFreshCardIsBlank() {
        CardLayout.Decoded decoded = CardLayout.decode(CardLayout.blank(), KEYS);

        assertThat(decoded.image()).isEmpty();
        assertThat(decoded.recordSlot()).isEqualTo(-1);
    }

    @Test
    void theRecordOccupiesTheDocumentedBytes() {
        byte[] user = write(CardLayout.blank(), TestCards.issued().withPurchase(20));

        assertThat(user[0]).as("version").isEqualTo((byte) 1);
        assertThat(CardLayout.uint(user, 1, 4)).as("sequence").isEqualTo(1);
        assertThat(user[5]).as("state OPENING").isEqualTo((byte) 1);
        assertThat(java.util.HexFormat.of().formatHex(user, 6, 14)).as("serial BCD").isEqualTo(TestCards.SERIAL);
        assertThat(CardLayout.uint(user, 14, 2)).as("utility").isEqualTo(3301);
        assertThat(CardLayout.uint(user, 16, 2)).as("area").isEqualTo(12);
        assertThat(new String(user, 18, 10, StandardCharsets.US_ASCII)).isEqualTo("3300000017");
        assertThat(user[28]).as("account padding").isZero();
        assertThat(new String(user, 38, 10, StandardCharsets.US_ASCII)).isEqualTo(TestCards.METER_NO);
        assertThat(CardLayout.uint(user, 68, 4)).as("purchase count").isEqualTo(1);
        assertThat(CardLayout.uint(user, 72, 4)).as("last purchase").isEqualTo(20);
        assertThat(CardLayout.uint(user, 76, 6)).as("cumulative").isEqualTo(20);
        assertThat(CardLayout.uint(user, 82, 2)).as("reissues").isZero();
        assertThat(user[84]).as("not loaded").isZero();
        assertThat(user[96]).as("second slot retired").isEqualTo(CardLayout.RETIRED);
        assertThat(CardLayout.erased(user, 97, 127)).as("rest of the second slot and meter area untouched").isTrue();
    }

    @Test
    void crcIsCcittFalse() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);

        assertThat(CardLayout.crc16(check, 0, check.length)).isEqualTo(0x29B1);
    }

    static IntStream everySealedByte() {
        return IntStream.range(0, CardLayout.RECORD_SIZE);
    }

    @ParameterizedTest
    @MethodSource("everySealedByte")
    void aChangedByteAnywhereInTheCurrentRecordIsForged(int offset) {
        byte[] user = cardWithHistory();
        int current = CardLayout.decode(user, KEYS).recordSlot() * CardLayout.RECORD_SIZE;
        user[current + offset] ^= 0x01;

        assertThatThrownBy(() -> CardLayout.decode(user, KEYS))
                .isInstanceOfSatisfying(CardException.class, e -> {
                    assertThat(e.reason()).isEqualTo(CardException.Reason.FORGED);
                    assertThat(e.key()).isEqualTo("card.forged");
                });
    }

    @ParameterizedTest
    @MethodSource("everySealedByte")
    void aChangedByteInTheRecordOfAFreshlyIssuedCardIsForgedOrUnknownNeverBlankOrValid(int offset) {
        byte[] user = write(CardLayout.blank(), TestCards.issued().withPurchase(20));
        user[offset] ^= 0x40;
        // the issue retired the erased second slot, so this cannot pass for an issue that was cut
        assertThatThrownBy(() -> CardLayout.decode(user, KEYS)).isInstanceOf(CardException.class)
                .satisfies(e -> assertThat(((CardException) e).reason())
                        .isIn(CardException.Reason.FORGED, CardException.Reason.UNKNOWN_CARD));
    }

    @Test
    void aCardMadeWithAnotherUtilitysSecretIsForged() {
        byte[] theirs = CardLayout.apply(CardLayout.blank(),
                CardLayout.plan(CardLayout.blank(), TestCards.issued(), OTHER_UTILITY));

        assertThatThrownBy(() -> CardLayout.decode(theirs, KEYS))
                .isInstanceOfSatisfying(CardException.class, e -> assertThat(e.reason())
                        .isEqualTo(CardException.Reason.FORGED));
    }

    @Test
    void aRecordCopiedFromAnotherCardKeepsItsOwnSerial() {
        byte[] other = write(CardLayout.blank(), TestCards.issued("3301000000000099").withPurchase(500));

        assertThat(read(other).serial()).isEqualTo("3301000000000099");
    }

    @Test
    void memoryOfSomeOtherApplicationIsUnknownNotForged() {
        byte[] foreign = new byte[CardLayout.USER_SIZE];
        for (int i = 0; i < foreign.length; i++) {
            foreign[i] = (byte) (0x30 + i % 10);
        }

        assertThatThrownBy(() -> CardLayout.decode(foreign, KEYS))
                .isInstanceOfSatisfying(CardException.class, e -> assertThat(e.reason())
                        .isEqualTo(CardException.Reason.UNKNOWN_CARD));
    }

    @Test
    void aWriteGoesToTheOtherSlotSealsItLastAndThenRetiresTheOldOne() {
        byte[] user = write(CardLayout.blank(), TestCards.issued());
        CardImage next = TestCards.issued().withPurchase(20);

        List<CardLayout.Chunk> chunks = CardLayout.plan(user, next, KEYS);

        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.offset()).isGreaterThanOrEqualTo(0));
        CardLayout.Chunk mac = chunks.get(chunks.size() - 2);
        CardLayout.Chunk retire = chunks.get(chunks.size() - 1);
        assertThat(mac.offset()).isEqualTo(CardLayout.RECORD_SIZE + CardLayout.R_MAC);
        assertThat(mac.bytes()).hasSize(8);
        assertThat(retire.offset()).isZero();
        assertThat(retire.bytes()).containsExactly(CardLayout.RETIRED);
        assertThat(chunks.subList(0, chunks.size() - 2))
                .allSatisfy(chunk -> assertThat(chunk.end()).isLessThanOrEqualTo(CardLayout.RECORD_SIZE + CardLayout.R_MAC))
                .allSatisfy(chunk -> assertThat(chunk.offset()).isGreaterThanOrEqualTo(CardLayout.RECORD_SIZE));
    }

    @Test
    void onlyTheBytesThatChangeAreWritten() {
        byte[] user = cardWithHistory();
        CardImage now = read(user);
        CardImage next = now.loadedBy(new MeterArea(5_500, 0, true, 0, true)).withPurchase(10);
        byte[] after = CardLayout.apply(user, CardLayout.plan(user, next, KEYS));

        int written = CardLayout.plan(user, next, KEYS).stream().mapToInt(chunk -> chunk.bytes().length).sum();
        int differing = (int) IntStream.range(0, user.length).filter(i -> user[i] != after[i]).count();
        assertThat(written).isLessThanOrEqualTo(differing + 4 * 4);
        assertThat(written).isLessThan(CardLayout.RECORD_SIZE);
    }

    @Test
    void aTopUpWritesFiveShortUpdates() {
        byte[] user = cardWithHistory();
        CardImage now = read(user);

        // version+sequence, last purchase+cumulative, reissues+loaded, MAC, retire (offset:length)
        assertThat(CardLayout.plan(user, now.withPurchase(15), KEYS)).extracting(c -> c.offset() + ":" + c.bytes().length)
                .containsExactly("0:5", "71:5", "81:4", "88:8", "96:1");
    }

    @Test
    void writingWhatTheCardHoldsPlansNothing() {
        byte[] user = cardWithHistory();

        assertThat(CardLayout.plan(user, read(user), KEYS)).isEmpty();
    }

    /**
     * Every way a write can be cut — after any number of whole chunks, or inside any chunk after
     * any number of bytes — leaves a card that reads as exactly the old or exactly the new image.
     */
    @Test
    void aTornWriteReadsAsTheOldOrTheNewImageNeverAsForgedOrSomethingElse() {
        for (byte[] before : List.of(CardLayout.blank(), write(CardLayout.blank(), TestCards.issued()),
                cardWithHistory())) {
            Optional<CardImage> old = CardLayout.decode(before, KEYS).image();
            CardImage next = old.map(image -> image.withPurchase(7)).orElse(TestCards.issued());
            List<CardLayout.Chunk> chunks = CardLayout.plan(before, next, KEYS);
            int outcomes = 0;
            for (int whole = 0; whole < chunks.size(); whole++) {
                for (int bytes = 0; bytes <= chunks.get(whole).bytes().length; bytes++) {
                    List<CardLayout.Chunk> done = new ArrayList<>(chunks.subList(0, whole));
                    CardLayout.Chunk cut = chunks.get(whole);
                    done.add(new CardLayout.Chunk(cut.offset(), java.util.Arrays.copyOf(cut.bytes(), bytes)));
                    Optional<CardImage> seen = CardLayout.decode(CardLayout.apply(before, done), KEYS).image();
                    assertThat(seen).as("cut in chunk %d after %d bytes", whole, bytes).isIn(old, Optional.of(next));
                    outcomes++;
                }
            }
            assertThat(outcomes).isGreaterThan(chunks.size());
        }
    }

    @Test
    void aTornIssueReadsAsBlankSoTheIssueCanBeWrittenAgain() {
        List<CardLayout.Chunk> issue = CardLayout.plan(CardLayout.blank(), TestCards.issued(), KEYS);
        CardLayout.Chunk first = issue.get(0);
        byte[] torn = CardLayout.apply(CardLayout.blank(),
                List.of(new CardLayout.Chunk(first.offset(), java.util.Arrays.copyOf(first.bytes(), 30))));

        assertThat(CardLayout.decode(torn, KEYS).image()).isEmpty();
        assertThat(read(write(torn, TestCards.issued()))).isEqualTo(TestCards.issued());
    }

    @Test
    void theMeterAreaIsDoubleBufferedSoATornMeterWriteKeepsTheLastFigures() {
        byte[] user = cardWithHistory();
        CardImage now = read(user);
        MeterArea earlier = now.meter();
        CardImage next = now.loadedBy(new MeterArea(5_500, 1_000, true, 0, true));
        List<CardLayout.Chunk> chunks = CardLayout.plan(user, next, KEYS);
        CardLayout.Chunk meterWrite = chunks.get(chunks.size() - 1);
        assertThat(meterWrite.offset()).isGreaterThanOrEqualTo(CardLayout.METER_START);

        List<CardLayout.Chunk> torn = new ArrayList<>(chunks.subList(0, chunks.size() - 1));
        torn.add(new CardLayout.Chunk(meterWrite.offset(), java.util.Arrays.copyOf(meterWrite.bytes(), 3)));

        CardImage seen = read(CardLayout.apply(user, torn));
        assertThat(seen.meter()).isEqualTo(earlier);
        assertThat(seen.loaded()).as("the record (loaded flag) goes before the meter area").isTrue();
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # meter slot, byte
            0, 0
            0, 7
            0, 15
            1, 3
            1, 14
            """)
    void aDamagedMeterAreaWithNoGoodSlotLeftIsReported(int slot, int offset) {
        byte[] user = cardWithHistory();
        CardImage now = read(user);
        user = write(user, now.loadedBy(new MeterArea(100, 200, true, 1, true)));
        user = write(user, read(user).loadedBy(new MeterArea(50, 250, true, 1, true)));
        byte[] damaged = user.clone();
        damaged[CardLayout.METER_START + slot * CardLayout.METER_SIZE + offset] ^= 0x10;
        damaged[CardLayout.METER_START + (1 - slot) * CardLayout.METER_SIZE + offset] ^= 0x10;

        assertThatThrownBy(() -> CardLayout.decode(damaged, KEYS))
                .isInstanceOfSatisfying(CardException.class, e -> {
                    assertThat(e.reason()).isEqualTo(CardException.Reason.FORGED);
                    assertThat(e.key()).isEqualTo("card.meter.damaged");
                });
    }

    @Test
    void theNewestMeterSlotWinsAcrossTheSequenceWrap() {
        byte[] user = write(CardLayout.blank(), TestCards.issued());
        for (int i = 0; i < 300; i++) {
            user = write(user, read(user).loadedBy(new MeterArea(i, i * 2L, i % 2 == 0, 0, true)));
        }

        assertThat(read(user).meter()).isEqualTo(new MeterArea(299, 598, false, 0, true));
    }

    @Test
    void fieldsThatDoNotFitAreRefusedBeforeAnythingIsWritten() {
        CardImage longMeterNo = new CardImage(TestCards.SERIAL, 1, 1, "330001", "M".repeat(31), CardState.USER, 0, 0,
                0, 0, true, MeterArea.EMPTY);
        CardImage chineseAccount = new CardImage(TestCards.SERIAL, 1, 1, "户号330001", "M1", CardState.USER, 0, 0, 0,
                0, true, MeterArea.EMPTY);

        assertThatThrownBy(() -> CardLayout.plan(CardLayout.blank(), longMeterNo, KEYS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("meter number");
        assertThatThrownBy(() -> CardLayout.plan(CardLayout.blank(), chineseAccount, KEYS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("account number");
    }
}
