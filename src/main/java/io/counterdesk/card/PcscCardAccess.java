package io.counterdesk.card;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardTerminal;

/**
 * {@link CardAccess} through {@code javax.smartcardio}: real PC/SC readers or the simulated ones,
 * the same code. Every call connects (the profile then selects the card type and, before a
 * write, presents the PSC again — pcscd powers an idle card down), works, and disconnects with a
 * reset, so no unlocked card is left behind. Writes hold the card exclusively.
 */
final class PcscCardAccess implements CardAccess {

    private static final System.Logger LOG = System.getLogger(PcscCardAccess.class.getName());

    private final CardReaders readers;
    private final String readerName;
    private final List<CardProfile> profiles;

    PcscCardAccess(CardReaders readers, String readerName, List<CardProfile> profiles) {
        this.readers = Objects.requireNonNull(readers);
        this.readerName = Objects.requireNonNull(readerName);
        this.profiles = List.copyOf(profiles);
    }

    @Override
    public String readerName() {
        return readerName;
    }

    @Override
    public boolean cardPresent() {
        return readers.cardPresent(readerName);
    }

    @Override
    public CardReading read() {
        return withCard(false, (profile, channel) -> {
            CardContent content = profile.read(channel);
            return new CardReading(readerName, profile.id(), content.image(), content.pscTriesLeft());
        });
    }

    @Override
    public void write(CardImage expected, CardImage next) {
        Objects.requireNonNull(next, "next");
        withCard(true, (profile, channel) -> {
            CardContent now = profile.read(channel);
            boolean asExpected = expected == null ? now.image().isEmpty() : now.image().equals(Optional.of(expected));
            if (!asExpected) {
                throw new CardException(CardException.Reason.CARD_CHANGED, "card.changed");
            }
            MeterArea onCard = now.image().map(CardImage::meter).orElse(MeterArea.EMPTY);
            if (!next.meter().equals(onCard)) {
                throw new IllegalArgumentException("the counter never writes the meter area: next.meter() must be "
                        + onCard);
            }
            profile.write(channel, now, next);
            return null;
        });
    }

    private interface Work<T> {
        T on(CardProfile profile, CardChannel channel);
    }

    private <T> T withCard(boolean exclusive, Work<T> work) {
        CardTerminal terminal = readers.terminal(readerName);
        Card card;
        try {
            card = terminal.connect("*");
        } catch (javax.smartcardio.CardException | IllegalStateException e) {
            throw readers.failed(e);
        }
        try {
            if (exclusive) {
                card.beginExclusive();
            }
            CardProfile profile = CardProfiles.pick(profiles, card.getATR());
            return work.on(profile, card.getBasicChannel());
        } catch (javax.smartcardio.CardException | IllegalStateException e) {
            throw readers.failed(e);
        } catch (CardException e) {
            if (e.reason() == CardException.Reason.SERVICE_UNAVAILABLE) {
                readers.serviceLost();
            }
            throw e;
        } finally {
            disconnect(card, exclusive);
        }
    }

    private void disconnect(Card card, boolean exclusive) {
        try {
            if (exclusive) {
                card.endExclusive();
            }
        } catch (javax.smartcardio.CardException | IllegalStateException gone) {
            LOG.log(System.Logger.Level.DEBUG, "end of exclusive access to a card that is gone: " + readerName, gone);
        }
        try {
            // with a reset: an unlocked (PSC presented) card is never left powered for the next caller
            card.disconnect(true);
        } catch (javax.smartcardio.CardException | IllegalStateException gone) {
            LOG.log(System.Logger.Level.DEBUG, "disconnect from a card that is gone: " + readerName, gone);
        }
    }
}
