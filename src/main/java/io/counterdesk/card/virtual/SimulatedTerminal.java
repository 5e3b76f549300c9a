package io.counterdesk.card.virtual;

import java.util.Set;
import javax.smartcardio.Card;
import javax.smartcardio.CardTerminal;

/** One simulated reader, by name; it may have been unplugged since it was listed. */
final class SimulatedTerminal extends CardTerminal {

    private static final Set<String> PROTOCOLS = Set.of("*", "T=0", "T=1", "T=CL", "DIRECT");
    private static final long POLL_MILLIS = 20;

    private final SimulatedReaders readers;
    private final String name;

    SimulatedTerminal(SimulatedReaders readers, String name) {
        this.readers = readers;
        this.name = name;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Card connect(String protocol) throws javax.smartcardio.CardException {
        if (!PROTOCOLS.contains(protocol)) {
            throw new IllegalArgumentException("unsupported protocol " + protocol);
        }
        return readers.connect(name, "*".equals(protocol) ? "T=0" : protocol);
    }

    @Override
    public boolean isCardPresent() throws javax.smartcardio.CardException {
        return readers.cardPresent(name);
    }

    @Override
    public boolean waitForCardPresent(long timeout) throws javax.smartcardio.CardException {
        return waitFor(true, timeout);
    }

    @Override
    public boolean waitForCardAbsent(long timeout) throws javax.smartcardio.CardException {
        return waitFor(false, timeout);
    }

    private boolean waitFor(boolean present, long timeout) throws javax.smartcardio.CardException {
        if (timeout < 0) {
            throw new IllegalArgumentException("timeout must not be negative");
        }
        long deadline = System.currentTimeMillis() + timeout;
        try {
            while (true) {
                long mark = readers.changeCount();
                if (readers.cardPresent(name) == present) {
                    return true;
                }
                long left = deadline - System.currentTimeMillis();
                if (timeout != 0 && left <= 0) {
                    return false;
                }
                readers.awaitChange(mark, timeout == 0 ? POLL_MILLIS : Math.min(left, POLL_MILLIS));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new javax.smartcardio.CardException("SCARD_E_CANCELLED: interrupted", e);
        }
    }

    @Override
    public String toString() {
        return "Simulated terminal " + name;
    }
}
