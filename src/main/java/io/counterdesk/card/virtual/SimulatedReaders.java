package io.counterdesk.card.virtual;

import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.smartcardio.TerminalFactory;

/**
 * In-process card readers for demo mode and tests, behind the real {@code javax.smartcardio} API:
 * {@link #terminalFactory()} is a {@link TerminalFactory} of type {@value #TYPE} from the
 * {@link #PROVIDER}, so {@code CardReaders.of(readers.terminalFactory())} drives them with exactly
 * the code that drives PC/SC readers. Readers can be plugged in and out, cards inserted and
 * removed; each card is a {@link VirtualCard}. Errors use the PC/SC error names
 * ({@code SCARD_W_REMOVED_CARD} …), as pcsc-lite reports them. Thread-safe.
 *
 * <pre>{@code
 * SimulatedReaders readers = new SimulatedReaders().plugIn(SimulatedReaders.DEMO_READER);
 * readers.insert(SimulatedReaders.DEMO_READER, VirtualCard.sle4442());
 * CardAccess access = CardReaders.of(readers.terminalFactory()).access(SimulatedReaders.DEMO_READER, keys);
 * }</pre>
 */
public final class SimulatedReaders {

    /** The terminal factory type the provider registers. */
    public static final String TYPE = "CounterDeskSimulated";

    /** The reader demo mode plugs in. */
    public static final String DEMO_READER = "CounterDesk 模拟读卡器 0";

    /** The provider of the simulated terminal factory; needs no registration with {@code Security}. */
    public static final Provider PROVIDER = new SimulatedProvider();

    private final Object lock = new Object();
    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private long changes;

    /** A reader and what is in it. */
    private static final class Slot {
        private VirtualCard card;
        private long insertion;
    }

    /** Plugs in an empty reader; returns this. */
    public SimulatedReaders plugIn(String readerName) {
        synchronized (lock) {
            if (slots.putIfAbsent(Objects.requireNonNull(readerName), new Slot()) != null) {
                throw new IllegalStateException("reader already plugged in: " + readerName);
            }
            changed();
        }
        return this;
    }

    /** Unplugs a reader, with whatever card is in it. */
    public void unplug(String readerName) {
        synchronized (lock) {
            if (slots.remove(readerName) != null) {
                changed();
            }
        }
    }

    /** Inserts a card into an empty reader. */
    public void insert(String readerName, VirtualCard card) {
        Objects.requireNonNull(card);
        synchronized (lock) {
            Slot slot = slot(readerName);
            if (slot.card != null) {
                throw new IllegalStateException("a card is already in " + readerName);
            }
            slot.card = card;
            slot.insertion = ++changes;
            card.powerOff();
            lock.notifyAll();
        }
    }

    /** Takes the card out of the reader, if there is one. */
    public Optional<VirtualCard> remove(String readerName) {
        synchronized (lock) {
            Slot slot = slot(readerName);
            VirtualCard card = slot.card;
            if (card != null) {
                slot.card = null;
                card.powerOff();
                changed();
            }
            return Optional.ofNullable(card);
        }
    }

    /** The card in the reader, if any. */
    public Optional<VirtualCard> card(String readerName) {
        synchronized (lock) {
            Slot slot = slots.get(readerName);
            return slot == null ? Optional.empty() : Optional.ofNullable(slot.card);
        }
    }

    /** A terminal factory over these readers. */
    public TerminalFactory terminalFactory() {
        try {
            return TerminalFactory.getInstance(TYPE, this, PROVIDER);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the simulated provider always has its own type", e);
        }
    }

    /** The readers plugged in, in the order they were plugged in. */
    public List<String> readerNames() {
        synchronized (lock) {
            return List.copyOf(slots.keySet());
        }
    }

    // ---- for the terminal classes ----

    /** Whether the reader holds a card; throws the PC/SC error for a reader that is not plugged in. */
    boolean cardPresent(String readerName) throws javax.smartcardio.CardException {
        synchronized (lock) {
            return attached(readerName).card != null;
        }
    }

    /** Connects to the card in the reader: powers it on, as a reader does. */
    SimulatedCard connect(String readerName, String protocol) throws javax.smartcardio.CardException {
        synchronized (lock) {
            Slot slot = attached(readerName);
            if (slot.card == null) {
                throw new javax.smartcardio.CardNotPresentException("SCARD_E_NO_SMARTCARD: no card in " + readerName);
            }
            long insertion = slot.insertion;
            VirtualCard card = slot.card;
            card.powerOn();
            return new SimulatedCard(card, protocol, new Contact() {
                @Override
                public boolean inContact() {
                    synchronized (lock) {
                        Slot now = slots.get(readerName);
                        return now != null && now.card == card && now.insertion == insertion;
                    }
                }

                @Override
                public void lost() {
                    synchronized (lock) {
                        Slot now = slots.get(readerName);
                        if (now != null && now.card == card && now.insertion == insertion) {
                            now.card = null;
                            changed();
                        }
                    }
                }
            });
        }
    }

    /**
     * Waits until the readers or cards change after {@code seen} (a value of {@link #changeCount()}).
     *
     * @return whether they changed within the timeout (0 = wait for ever)
     */
    boolean awaitChange(long seen, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (lock) {
            while (changes == seen) {
                if (timeoutMillis == 0) {
                    lock.wait();
                } else {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                }
            }
            return true;
        }
    }

    long changeCount() {
        synchronized (lock) {
            return changes;
        }
    }

    private Slot attached(String readerName) throws javax.smartcardio.CardException {
        Slot slot = slots.get(readerName);
        if (slot == null) {
            throw new javax.smartcardio.CardException("SCARD_E_UNKNOWN_READER: " + readerName + " is not plugged in");
        }
        return slot;
    }

    private Slot slot(String readerName) {
        Slot slot = slots.get(readerName);
        if (slot == null) {
            throw new IllegalStateException("no reader " + readerName);
        }
        return slot;
    }

    private void changed() {
        changes++;
        lock.notifyAll();
    }

    /** Registers the terminal factory type {@value #TYPE}. */
    private static final class SimulatedProvider extends Provider {

        private static final long serialVersionUID = 1L;

        SimulatedProvider() {
            super(TYPE, "1.0", "CounterDesk in-process simulated card readers");
            put("TerminalFactory." + TYPE, SimulatedTerminalFactorySpi.class.getName());
        }
    }
}
