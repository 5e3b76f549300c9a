package io.counterdesk.card;

import static io.counterdesk.card.TestCards.KEYS;
import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.card.virtual.SimulatedMeter;
import io.counterdesk.card.virtual.SimulatedReaders;
import io.counterdesk.card.virtual.VirtualCard;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The card contract through the in-process simulated readers (the demo mode path), and what only they can show. */
class SimulatedCardAccessTest extends CardAccessContract {

    private static final String READER = SimulatedReaders.DEMO_READER;

    private final SimulatedReaders simulated = new SimulatedReaders().plugIn(READER);
    private final CardReaders readers = CardReaders.of(simulated.terminalFactory());

    @Override
    CardReaders readers() {
        return readers;
    }

    @Override
    String readerName() {
        return READER;
    }

    @Override
    void insert(VirtualCard card) {
        simulated.insert(READER, card);
    }

    @Override
    void pull() {
        if (simulated.readerNames().contains(READER)) {
            simulated.remove(READER);
        }
    }

    @Test
    void theFactoryIsTheSimulatedProvidersType() {
        assertThat(simulated.terminalFactory().getType()).isEqualTo(SimulatedReaders.TYPE);
        assertThat(simulated.terminalFactory().getProvider()).isSameAs(SimulatedReaders.PROVIDER);
    }

    /** Every cut of every update of a top-up, on both chips: the card holds the old or the new image. */
    @ParameterizedTest
    @EnumSource(VirtualCard.Kind.class)
    void everyCutOfEveryUpdateLeavesTheOldOrTheNewImage(VirtualCard.Kind kind) {
        VirtualCard card = issuedInReader(kind);
        int cuts = 0;
        java.util.Set<Boolean> written = new java.util.HashSet<>();
        for (int update = 1; update <= 8; update++) {
            for (int bytes = 0; bytes <= 4; bytes++) {
                CardImage before = access().read().issued();
                CardImage after = before.withPurchase(20);
                if (update > CardLayout.plan(card.userArea(), after, KEYS).size()) {
                    continue;
                }
                card.tearUpdate(update, bytes);
                assertReason(() -> access().write(before, after), CardException.Reason.WRITE_UNCERTAIN);
                pull();
                insert(card);
                CardImage seen = access().read().issued();
                assertThat(seen).as("cut at update %d after %d bytes", update, bytes).isIn(before, after);
                written.add(seen.equals(after));
                cuts++;
            }
        }
        assertThat(cuts).isGreaterThanOrEqualTo(10);
        assertThat(written).as("cuts before and after the seal").containsExactlyInAnyOrder(true, false);
    }

    @Test
    void aMeterPulledOutWhileMarkingTheCardLoadsTheGasOnlyOnce() {
        VirtualCard card = issuedInReader(VirtualCard.Kind.SLE4442);
        access().write(TestCards.issued(), TestCards.issued().withPurchase(20));
        pull();
        SimulatedMeter meter = new SimulatedMeter(TestCards.METER_NO, KEYS);

        card.tearUpdate(1, 2);
        assertReason(() -> meter.insert(card), CardException.Reason.WRITE_UNCERTAIN);
        SimulatedMeter.Insertion again = meter.insert(card);

        assertThat(again.outcome()).isEqualTo(SimulatedMeter.Outcome.NOTHING_TO_LOAD);
        assertThat(again.card().loaded()).isTrue();
        assertThat(meter.remainingCentiM3()).isEqualTo(2_000);
    }

    @Test
    void aReaderUnpluggedAndPluggedInAgainIsFoundAgainByName() throws InterruptedException {
        List<CardMonitor.Event> events = new CopyOnWriteArrayList<>();
        VirtualCard card = issuedInReader(VirtualCard.Kind.CPU);
        try (CardMonitor monitor = readers.monitor(Duration.ofMillis(20))) {
            monitor.addListener(events::add);
            monitor.start();
            assertThat(monitor.await(now -> now.cardPresent(READER), WAIT)).isTrue();

            simulated.unplug(READER);
            assertThat(monitor.await(now -> !now.readers().containsKey(READER), WAIT)).isTrue();
            assertReason(() -> access().read(), CardException.Reason.NO_READER);
            simulated.plugIn(READER);
            simulated.insert(READER, card);
            assertThat(monitor.await(now -> now.cardPresent(READER), WAIT)).isTrue();
        }

        assertThat(access().read().issued()).isEqualTo(TestCards.issued());
        assertThat(events).extracting(CardMonitor.Event::kind).containsExactly(CardMonitor.Kind.SERVICE_AVAILABLE,
                CardMonitor.Kind.READER_ADDED, CardMonitor.Kind.CARD_INSERTED, CardMonitor.Kind.CARD_REMOVED,
                CardMonitor.Kind.READER_REMOVED, CardMonitor.Kind.READER_ADDED, CardMonitor.Kind.CARD_INSERTED);
    }

    @Test
    void theSimulatedTerminalsReportInsertionsLikeJavaxSmartcardioDoes() throws Exception {
        javax.smartcardio.CardTerminals terminals = simulated.terminalFactory().terminals();
        assertThat(terminals.waitForChange(10)).isFalse();

        simulated.insert(READER, VirtualCard.sle4442());

        assertThat(terminals.waitForChange(1_000)).isTrue();
        assertThat(terminals.list(javax.smartcardio.CardTerminals.State.CARD_INSERTION))
                .extracting(javax.smartcardio.CardTerminal::getName).containsExactly(READER);
        assertThat(terminals.getTerminal(READER).waitForCardPresent(100)).isTrue();
        assertThat(Optional.ofNullable(terminals.getTerminal("nothing"))).isEmpty();
    }
}
