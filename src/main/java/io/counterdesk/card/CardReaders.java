package io.counterdesk.card;

import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;

/**
 * The card readers of one {@code javax.smartcardio} terminal factory: the real PC/SC service
 * ({@link #pcsc()}) or any other factory, such as the in-process simulated readers of demo mode
 * ({@code io.counterdesk.card.virtual.SimulatedReaders#terminalFactory()}). Everything above —
 * {@link CardAccess}, {@link CardMonitor}, the card profiles — is the same for both. Thread-safe.
 */
public final class CardReaders {

    /** The JDK's PC/SC provider type. */
    public static final String PCSC = "PC/SC";

    private static final long POLL_MILLIS = 50;

    private final boolean pcsc;
    private final String dialect;
    private TerminalFactory factory;

    private CardReaders(TerminalFactory factory, boolean pcsc, String dialect) {
        this.factory = factory;
        this.pcsc = pcsc;
        ReaderDialect.of(dialect, "");
        this.dialect = dialect;
    }

    /**
     * The system's PC/SC readers (pcsc-lite on Linux, WinSCard on Windows). The service is looked
     * up on first use and again after it was lost, so a daemon started later, or restarted, is
     * found without restarting the program.
     */
    public static CardReaders pcsc() {
        return new CardReaders(null, true, "auto");
    }

    /** The readers of any terminal factory (for example the simulated readers). */
    public static CardReaders of(TerminalFactory factory) {
        return new CardReaders(Objects.requireNonNull(factory), false, "auto");
    }

    /**
     * These readers with the setting {@code card.reader.dialect}: {@code acs}, {@code pcsc-part3},
     * or {@code auto} (by each reader's name, {@link ReaderDialect#of}).
     *
     * @throws IllegalArgumentException for any other value
     */
    public CardReaders withDialect(String setting) {
        return new CardReaders(factory, pcsc, setting == null || setting.isBlank() ? "auto" : setting.strip());
    }

    /** The dialect the named reader is spoken to in. */
    public ReaderDialect dialect(String readerName) {
        return ReaderDialect.of(dialect, readerName);
    }

    /** The readers attached now, by name. */
    public List<String> names() {
        try {
            return factory().terminals().list().stream().map(CardTerminal::getName).toList();
        } catch (javax.smartcardio.CardException | IllegalStateException e) {
            throw failed(e);
        }
    }

    /** Whether a card is in the named reader now. */
    public boolean cardPresent(String readerName) {
        try {
            return terminal(readerName).isCardPresent();
        } catch (javax.smartcardio.CardException | IllegalStateException e) {
            throw failed(e);
        }
    }

    /**
     * Waits until a card is in the named reader ({@code present}) or none is; polls, so it never
     * holds the PC/SC context while other threads talk to cards.
     *
     * @return whether that happened within {@code timeout}
     */
    public boolean awaitCard(String readerName, boolean present, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean now;
            try {
                now = cardPresent(readerName);
            } catch (CardException readerGoneOrServiceDown) {
                now = false;
            }
            if (now == present) {
                return true;
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** Card access on the named reader with the standard profiles (SLE4442 in the reader's dialect, CPU card). */
    public CardAccess access(String readerName, CardKeys keys) {
        return access(readerName, CardProfiles.standard(keys, dialect(readerName)));
    }

    /** Card access on the named reader with these profiles, tried in order. */
    public CardAccess access(String readerName, List<CardProfile> profiles) {
        return new PcscCardAccess(this, readerName, profiles);
    }

    /** A monitor of these readers (not yet started). */
    public CardMonitor monitor(Duration interval) {
        return new CardMonitor(this, interval);
    }

    /** The named reader, found anew on every call (a re-plugged reader is a new terminal). */
    CardTerminal terminal(String readerName) {
        List<CardTerminal> attached;
        try {
            // not CardTerminals.getTerminal: it answers null for a stopped service too
            attached = factory().terminals().list();
        } catch (javax.smartcardio.CardException | IllegalStateException e) {
            throw failed(e);
        }
        return attached.stream().filter(terminal -> terminal.getName().equals(readerName)).findFirst()
                .orElseThrow(() -> new CardException(CardException.Reason.NO_READER, "card.noReader"));
    }

    /** Maps a failure of the factory's API, and lets go of a lost PC/SC service so the next call looks again. */
    CardException failed(Exception e) {
        CardException mapped = PcscFailures.map(e, false);
        if (mapped.reason() == CardException.Reason.SERVICE_UNAVAILABLE) {
            serviceLost();
        }
        return mapped;
    }

    /** Called when an operation found the service gone. */
    void serviceLost() {
        if (pcsc) {
            synchronized (this) {
                if (factory != null) {
                    factory = null;
                    PcscContext.renew();
                }
            }
        }
    }

    private synchronized TerminalFactory factory() {
        if (factory == null) {
            try {
                factory = TerminalFactory.getInstance(PCSC, null);
            } catch (NoSuchAlgorithmException e) {
                throw new CardException(CardException.Reason.SERVICE_UNAVAILABLE, e, "card.serviceUnavailable");
            }
        }
        return factory;
    }
}
