package io.counterdesk.card;

import static io.counterdesk.card.TestCards.KEYS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.counterdesk.card.virtual.SimulatedMeter;
import io.counterdesk.card.virtual.VirtualCard;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every reader path must do with a virtual card in it: the in-process simulated readers and
 * the real pcscd with vpcd run these same tests (one code path for demo and real readers).
 */
abstract class CardAccessContract {

    static final Duration WAIT = Duration.ofSeconds(10);

    /** The readers under test. */
    abstract CardReaders readers();

    /** The reader the card goes into. */
    abstract String readerName();

    /** Puts the card into the reader and waits until the reader sees it. */
    abstract void insert(VirtualCard card);

    /** Takes the card out (if it is still in) and waits until the reader sees it gone. */
    abstract void pull();

    @AfterEach
    void takeTheCardOut() {
        pull();
    }

    CardAccess access() {
        return readers().access(readerName(), KEYS);
    }

    static VirtualCard fresh(VirtualCard.Kind kind) {
        return kind == VirtualCard.Kind.SLE4442 ? VirtualCard.sle4442() : VirtualCard.cpu();
    }

    /** A card of this kind, issued and in the reader. */
    VirtualCard issuedInReader(VirtualCard.Kind kind) {
        VirtualCard card = fresh(kind);
        insert(card);
        access().write(null, TestCards.issued());
        return card;
    }

    static void assertReason(ThrowableAssert.ThrowingCallable call, CardException.Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CardException.class,
                e -> assertThat(e.reason()).as(e.key()).isEqualTo(reason));
    }

    @ParameterizedTest
    @EnumSource(VirtualCard.Kind.class)
    void aFreshCardReadsAsBlank(VirtualCard.Kind kind) {
        insert(fresh(kind));

        CardReading reading = access().read();

        assertThat(reading.blank()).isTrue();
        assertThat(reading.readerName()).isEqualTo(readerName());
        assertThat(reading.profileId()).isEqualTo(kind == VirtualCard.Kind.SLE4442 ? "sle4442" : "cpu");
        assertThat(reading.pscTriesLeft()).isEqualTo(kind == VirtualCard.Kind.SLE4442 ? 3 : -1);
        assertReason(reading::issued, CardException.Reason.BLANK_CARD);
    }

    @ParameterizedTest
    @EnumSource(VirtualCard.Kind.class)
    void aCardIsIssuedToppedUpAndReadBack(VirtualCard.Kind kind) {
        VirtualCard card = fresh(kind);
        insert(card);
        CardAccess access = access();
        CardImage issued = TestCards.issued();
        CardImage bought = issued.withPurchase(20);

        access.write(null, issued);
        assertThat(access.read().issued()).isEqualTo(issued);
        access.write(issued, bought);

        assertThat(access.read().issued()).isEqualTo(bought);
        if (kind == VirtualCard.Kind.SLE4442) {
            assertThat(card.psc()).as("the issue set the card's own PSC").isEqualTo(KEYS.psc(TestCards.SERIAL));
            assertThat(card.pscErrorCounter()).isEqualTo(0x07);
        }
    }

    @Test
    void aCardThatIsNotTheExpectedOneIsNotWritten() {
        VirtualCard card = issuedInReader(VirtualCard.Kind.SLE4442);
        byte[] before = card.userArea();
        CardImage someoneElses = TestCards.issued().withPurchase(5);

        assertReason(() -> access().write(someoneElses, someoneElses.withPurchase(10)), CardException.Reason.CARD_CHANGED);
        assertReason(() -> access().write(null, TestCards.issued()), CardException.Reason.CARD_CHANGED);
        assertThat(card.userArea()).isEqualTo(before);
    }

    @Test
    void theCounterNeverWritesTheMeterArea() {
        issuedInReader(VirtualCard.Kind.SLE4442);
        CardImage issued = TestCards.issued();

        assertThatThrownBy(() -> access().write(issued, issued.loadedBy(new MeterArea(100, 0, true, 0, true))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withOneTryLeftNoPscIsPresentedAndTheCounterStaysAsItWas() {
        VirtualCard card = issuedInReader(VirtualCard.Kind.SLE4442);
        card.pscErrorCounter(0x01);
        byte[] before = card.userArea();

        assertThat(access().read().pscTriesLeft()).isEqualTo(1);
        assertReason(() -> access().write(TestCards.issued(), TestCards.issued().withPurchase(20)),
                CardException.Reason.PSC_LOCK_RISK);

        assertThat(card.pscErrorCounter()).isEqualTo(0x01);
        assertThat(card.userArea()).isEqualTo(before);
    }

    @Test
    void withTwoTriesLeftTheRightPscIsPresentedAndRestoresAllThree() {
        VirtualCard card = issuedInReader(VirtualCard.Kind.SLE4442);
        card.pscErrorCounter(0x03);

        access().write(TestCards.issued(), TestCards.issued().withPurchase(20));

        assertThat(card.pscErrorCounter()).isEqualTo(0x07);
    }

    @Test
    void aCardReadWithAnotherUtilitysSecretIsForgedAndItsPscIsNeverTried() {
        VirtualCard card = issuedInReader(VirtualCard.Kind.SLE4442);
        CardAccess wrongSecret = readers().access(readerName(), TestCards.OTHER_UTILITY);

        assertReason(wrongSecret::read, CardException.Reason.FORGED);
        assertReason(() -> wrongSecret.write(TestCards.issued(), TestCards.issued().withPurchase(1)),
                CardException.Reason.FORGED);
        assertThat(card.pscErrorCounter()).isEqualTo(0x07);
    }

    @Test
    void aCopyOnAnotherChipIsRefusedByItsPscAndNeverLocked() {
        VirtualCard genuine = issuedInReader(VirtualCard.Kind.SLE4442);
        pull();
        VirtualCard copy = VirtualCard.sle4442();
        copy.poke(0, genuine.userArea());
        insert(copy);
        CardImage image = access().read().issued();

        assertReason(() -> access().write(image, image.withPurchase(20)), CardException.Reason.PSC_REFUSED);
        assertThat(copy.pscErrorCounter()).isEqualTo(0x03);
        assertReason(() -> access().write(image, image.withPurchase(20)), CardException.Reason.PSC_REFUSED);
        assertReason(() -> access().write(image, image.withPurchase(20)), CardException.Reason.PSC_LOCK_RISK);
        assertThat(copy.pscErrorCounter()).as("one try left, never used by the program").isEqualTo(0x01);
        assertThat(access().read().issued()).isEqualTo(image);
    }

    @ParameterizedTest
    @EnumSource(VirtualCard.Kind.class)
    void aCardPulledDuringTheWriteIsUncertainAndThenReadsAsTheOldOrTheNewImage(VirtualCard.Kind kind) {
        VirtualCard card = issuedInReader(kind);
        CardImage issued = TestCards.issued();
        CardImage bought = issued.withPurchase(20);

        card.tearUpdate(2, 3);
        assertReason(() -> access().write(issued, bought), CardException.Reason.WRITE_UNCERTAIN);
        pull();
        insert(card);
        assertThat(access().read().issued()).as("cut before the seal: not written").isEqualTo(issued);

        card.tearUpdate(CardLayout.plan(card.userArea(), bought, KEYS).size(), 0);
        assertReason(() -> access().write(issued, bought), CardException.Reason.WRITE_UNCERTAIN);
        pull();
        insert(card);
        assertThat(access().read().issued()).as("cut after the seal: written").isEqualTo(bought);
    }

    @Test
    void aCardPulledDuringTheReadIsReportedRemoved() {
        VirtualCard card = issuedInReader(VirtualCard.Kind.SLE4442);
        card.loseContactAtCommand(2);

        assertReason(() -> access().read(), CardException.Reason.CARD_REMOVED);
    }

    @Test
    void anIssueCutAfterThePscChangeCanBeWrittenAgain() {
        VirtualCard card = VirtualCard.sle4442();
        insert(card);
        card.tearUpdate(2, 10);

        assertReason(() -> access().write(null, TestCards.issued()), CardException.Reason.WRITE_UNCERTAIN);
        assertThat(card.psc()).isEqualTo(KEYS.psc(TestCards.SERIAL));
        pull();
        insert(card);
        assertThat(access().read().blank()).isTrue();
        access().write(null, TestCards.issued());

        assertThat(access().read().issued()).isEqualTo(TestCards.issued());
        assertThat(card.pscErrorCounter()).isEqualTo(0x07);
    }

    @Test
    void anEmptyReaderAndAnUnknownReaderAreToldApart() {
        assertThat(access().cardPresent()).isFalse();
        assertReason(() -> access().read(), CardException.Reason.NO_CARD);
        assertReason(() -> readers().access("no such reader", KEYS).read(), CardException.Reason.NO_READER);
        assertThat(readers().names()).contains(readerName());
    }

    @Test
    void theMonitorReportsInsertionAndRemoval() throws InterruptedException {
        List<CardMonitor.Event> events = new CopyOnWriteArrayList<>();
        try (CardMonitor monitor = readers().monitor(Duration.ofMillis(50))) {
            monitor.addListener(events::add);
            monitor.start();
            assertThat(monitor.await(now -> now.serviceAvailable() && now.readers().containsKey(readerName()), WAIT))
                    .isTrue();

            insert(VirtualCard.sle4442());
            assertThat(monitor.await(now -> now.cardPresent(readerName()), WAIT)).isTrue();
            pull();
            assertThat(monitor.await(now -> !now.cardPresent(readerName()), WAIT)).isTrue();
        }

        assertThat(events).extracting(CardMonitor.Event::kind).startsWith(CardMonitor.Kind.SERVICE_AVAILABLE);
        assertThat(events).filteredOn(event -> event.readerName().equals(readerName()))
                .extracting(CardMonitor.Event::kind)
                .containsExactly(CardMonitor.Kind.READER_ADDED, CardMonitor.Kind.CARD_INSERTED,
                        CardMonitor.Kind.CARD_REMOVED);
    }

    @Test
    void aWholeLifeCycleWithTheMeter() {
        VirtualCard card = issuedInReader(VirtualCard.Kind.SLE4442);
        SimulatedMeter meter = new SimulatedMeter(TestCards.METER_NO, KEYS);
        CardImage issued = TestCards.issued();
        access().write(issued, issued.withPurchase(20));
        pull();

        SimulatedMeter.Insertion first = meter.insert(card);
        meter.use(1_250);
        SimulatedMeter.Insertion again = meter.insert(card);

        assertThat(first.outcome()).isEqualTo(SimulatedMeter.Outcome.LOADED);
        assertThat(first.loadedM3()).isEqualTo(20);
        assertThat(again.outcome()).isEqualTo(SimulatedMeter.Outcome.NOTHING_TO_LOAD);
        insert(card);
        CardImage atCounter = access().read().issued();
        assertThat(atCounter.loaded()).isTrue();
        assertThat(atCounter.state()).isEqualTo(CardState.USER);
        assertThat(atCounter.meter()).isEqualTo(new MeterArea(750, 1_250, true, 0, true));

        access().write(atCounter, atCounter.withPurchase(30));
        pull();
        meter.tamper(0b10);
        assertThat(meter.insert(card).loadedM3()).isEqualTo(30);
        insert(card);
        CardImage second = access().read().issued();
        assertThat(second.purchaseCount()).isEqualTo(2);
        assertThat(second.cumulativePurchasedM3()).isEqualTo(50);
        assertThat(second.meter()).isEqualTo(new MeterArea(3_750, 1_250, true, 0b10, true));
        assertThat(meter.lastLoadedPurchase()).isEqualTo(2);
    }

    @Test
    void aReversedPurchaseGivesTheMeterNothingToLoad() {
        VirtualCard card = issuedInReader(VirtualCard.Kind.SLE4442);
        CardImage bought = TestCards.issued().withPurchase(20);
        access().write(TestCards.issued(), bought);
        access().write(bought, bought.withoutLastPurchase());
        pull();

        SimulatedMeter meter = new SimulatedMeter(TestCards.METER_NO, KEYS);

        assertThat(meter.insert(card).outcome()).isEqualTo(SimulatedMeter.Outcome.NOTHING_TO_LOAD);
        assertThat(meter.remainingCentiM3()).isZero();
        assertThat(new SimulatedMeter("another meter", KEYS).insert(card).outcome())
                .isEqualTo(SimulatedMeter.Outcome.OTHER_METER);
        assertThat(Optional.ofNullable(new SimulatedMeter(TestCards.METER_NO, KEYS).insert(VirtualCard.sle4442()).card()))
                .isEmpty();
    }

    /**
     * Issue 14: an issue cut after its PSC change, retried, cut again (the retry's presentation torn:
     * one counter bit gone), retried. The old profile presented the factory PSC first on every retry,
     * spent a try on it each time, and ended with 1 try, refused for good. Now the card's issue mark
     * names its serial, only the derived PSC is presented, and it ends issued, never below 2 tries.
     */
    @ParameterizedTest
    @EnumSource(VirtualCard.CounterBits.class)
    void anIssueCutTwiceEndsIssuedAndNeverBelowTwoTries(VirtualCard.CounterBits bits) {
        VirtualCard card = VirtualCard.sle4442(ReaderDialect.ACS, bits);
        insert(card);
        List<Integer> tries = new java.util.ArrayList<>();

        card.loseAnswer(0xD2, 1);
        assertThatThrownBy(() -> access().write(null, TestCards.issued())).isInstanceOf(CardException.class);
        assertThat(card.psc()).as("cut after the PSC change").isEqualTo(KEYS.psc(TestCards.SERIAL));
        tries.add(Integer.bitCount(card.pscErrorCounter()));
        pull();
        insert(card);

        card.tearPresentation(1);
        assertThatThrownBy(() -> access().write(null, TestCards.issued())).isInstanceOf(CardException.class);
        tries.add(Integer.bitCount(card.pscErrorCounter()));
        pull();
        insert(card);

        assertThat(access().read().blank()).isTrue();
        access().write(null, TestCards.issued());
        tries.add(Integer.bitCount(card.pscErrorCounter()));

        assertThat(access().read().issued()).isEqualTo(TestCards.issued());
        assertThat(tries).as("tries left after each attempt").containsExactly(3, 2, 3);
    }

    @Test
    void aBlankCardWithoutTheIssueMarkGetsOnlyTheFactoryPscAndNeverTheDerivedOne() {
        VirtualCard card = VirtualCard.sle4442();
        card.psc(new byte[] {1, 2, 3});
        insert(card);

        assertReason(() -> access().write(null, TestCards.issued()), CardException.Reason.PSC_REFUSED);
        assertThat(card.pscErrorCounter()).isEqualTo(0x03);
        assertReason(() -> access().write(null, TestCards.issued()), CardException.Reason.PSC_REFUSED);
        assertReason(() -> access().write(null, TestCards.issued()), CardException.Reason.PSC_LOCK_RISK);
        assertThat(card.pscErrorCounter()).as("the program never takes the last try").isEqualTo(0x01);
        assertThat(card.userArea()).containsOnly((byte) 0xFF);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # instruction refused,  status word
            0xD0,                   0x6D00
            0xD0,                   0x6982
            0xD0,                   0x6A81
            0xD0,                   0x6B00
            """)
    void aWriteTheReaderRefusesOutrightIsNotWrittenAndTheCardSaysSo(int ins, int sw) {
        VirtualCard card = issuedInReader(VirtualCard.Kind.SLE4442);
        byte[] before = card.userArea();
        card.refuse(ins, sw);

        assertReason(() -> access().write(TestCards.issued(), TestCards.issued().withPurchase(20)),
                CardException.Reason.NOT_WRITTEN);

        assertThat(card.userArea()).isEqualTo(before);
        assertThat(card.pscErrorCounter()).isEqualTo(0x07);
        assertThat(access().read().issued()).isEqualTo(TestCards.issued());
    }

    @Test
    void aChipThatIgnoresTheWriteWhileTheReaderSaysOkIsNotWritten() {
        VirtualCard card = issuedInReader(VirtualCard.Kind.SLE4442);
        byte[] before = card.userArea();
        card.refuse(0xD0, 0x9000);

        assertReason(() -> access().write(TestCards.issued(), TestCards.issued().withPurchase(20)),
                CardException.Reason.NOT_WRITTEN);
        assertThat(card.userArea()).isEqualTo(before);
    }

    @Test
    void aPcscPart3ReaderTopsUpAnIssuedCardButCannotIssueABlankOne() {
        VirtualCard card = issuedInReader(VirtualCard.Kind.SLE4442);
        pull();
        card.readerDialect(ReaderDialect.PCSC_PART3);
        insert(card);
        CardAccess part3 = readers().withDialect("pcsc-part3").access(readerName(), KEYS);
        CardImage issued = TestCards.issued();

        assertThat(part3.read().pscTriesLeft()).isEqualTo(3);
        part3.write(issued, issued.withPurchase(20));
        assertThat(part3.read().issued()).isEqualTo(issued.withPurchase(20));
        pull();

        VirtualCard blank = VirtualCard.sle4442(ReaderDialect.PCSC_PART3, VirtualCard.CounterBits.HIGH_FIRST);
        insert(blank);
        assertReason(() -> part3.write(null, issued), CardException.Reason.NOT_WRITTEN);
        assertThat(blank.pscErrorCounter()).as("no try spent").isEqualTo(0x07);
        assertThat(blank.psc()).isEqualTo(CardKeys.FACTORY_PSC);
        assertThat(blank.userArea()).containsOnly((byte) 0xFF);
    }
}
