package io.counterdesk.card;

import static io.counterdesk.card.TestCards.KEYS;
import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.card.virtual.VirtualCard;
import io.counterdesk.card.virtual.VpcdCard;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The card contract through the real pcsc-lite daemon: the virtual card answers vpcd over TCP,
 * pcscd drives it, and the program talks to pcscd through the JDK's PC/SC provider, exactly as
 * with a reader on a USB port.
 */
@ExtendWith(PcscdFixture.class)
class PcscdCardAccessTest extends CardAccessContract {

    private final CardReaders readers = CardReaders.pcsc();
    private VpcdCard inReader;

    @Override
    CardReaders readers() {
        return readers;
    }

    @Override
    String readerName() {
        return PcscdFixture.READER;
    }

    @Override
    void insert(VirtualCard card) {
        inReader = new VpcdCard(card);
        inReader.insert();
        awaitCard(true);
    }

    @Override
    void pull() {
        if (inReader != null) {
            inReader.remove();
            inReader = null;
        }
        awaitCard(false);
    }

    private void awaitCard(boolean present) {
        try {
            assertThat(readers.awaitCard(readerName(), present, WAIT)).as("card %s the reader", present ? "in" : "out of")
                    .isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void vpcdGivesTwoReadersAndACardInTheSecondIsReadThere() {
        assertThat(readers.names()).contains(PcscdFixture.READER, PcscdFixture.SECOND_READER);
        VirtualCard card = VirtualCard.cpu();
        try (VpcdCard second = new VpcdCard(card, "127.0.0.1", VpcdCard.DEFAULT_PORT + 1)) {
            second.insert();
            awaitInSecondReader();
            CardAccess there = readers.access(PcscdFixture.SECOND_READER, KEYS);
            there.write(null, TestCards.issued());

            assertThat(there.read().issued()).isEqualTo(TestCards.issued());
            assertThat(access().cardPresent()).isFalse();
        }
    }

    private void awaitInSecondReader() {
        try {
            assertThat(readers.awaitCard(PcscdFixture.SECOND_READER, true, WAIT)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * pcscd stopped: a clear SERVICE_UNAVAILABLE, not an empty reader list; started again: the
     * monitor and card access find the reader again without restarting the program.
     */
    @Test
    void aStoppedDaemonIsServiceUnavailableAndARestartedOneIsFoundAgain() throws InterruptedException {
        Assumptions.assumeTrue(PcscdFixture.startedHere(), "pcscd was not started by this test run: not stopping it");
        VirtualCard card = issuedInReader(VirtualCard.Kind.SLE4442);
        List<CardMonitor.Event> events = new CopyOnWriteArrayList<>();
        try (CardMonitor monitor = readers.monitor(Duration.ofMillis(50))) {
            monitor.addListener(events::add);
            monitor.start();
            assertThat(monitor.await(now -> now.cardPresent(readerName()), WAIT)).isTrue();

            pull();
            assertThat(monitor.await(now -> !now.cardPresent(readerName()), WAIT)).isTrue();
            PcscdFixture.stop();
            assertThat(monitor.await(now -> !now.serviceAvailable(), WAIT)).isTrue();
            assertReason(readers::names, CardException.Reason.SERVICE_UNAVAILABLE);
            assertReason(() -> access().read(), CardException.Reason.SERVICE_UNAVAILABLE);

            PcscdFixture.start();
            assertThat(monitor.await(now -> now.readers().containsKey(readerName()), WAIT)).isTrue();
            insert(card);
            assertThat(monitor.await(now -> now.cardPresent(readerName()), WAIT)).isTrue();
        }

        assertThat(access().read().issued()).isEqualTo(TestCards.issued());
        assertThat(events).extracting(CardMonitor.Event::kind).containsSubsequence(
                CardMonitor.Kind.SERVICE_AVAILABLE, CardMonitor.Kind.CARD_REMOVED, CardMonitor.Kind.SERVICE_UNAVAILABLE,
                CardMonitor.Kind.SERVICE_AVAILABLE, CardMonitor.Kind.READER_ADDED, CardMonitor.Kind.CARD_INSERTED);
    }
}
