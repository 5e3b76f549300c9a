package io.counterdesk.card.virtual;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;

/** The simulated readers as {@code javax.smartcardio} lists them; insertion and removal as seen by this instance. */
final class SimulatedTerminals extends CardTerminals {

    private final SimulatedReaders readers;
    private final Map<String, Boolean> seen = new HashMap<>();
    private final Map<String, Boolean> changedSinceWait = new HashMap<>();
    private boolean initialised;

    SimulatedTerminals(SimulatedReaders readers) {
        this.readers = readers;
    }

    @Override
    public synchronized List<CardTerminal> list(State state) throws javax.smartcardio.CardException {
        if (state == null) {
            throw new NullPointerException("state");
        }
        List<CardTerminal> result = new ArrayList<>();
        for (String name : readers.readerNames()) {
            boolean present;
            try {
                present = readers.cardPresent(name);
            } catch (javax.smartcardio.CardException unpluggedMeanwhile) {
                continue;
            }
            boolean include = switch (state) {
                case ALL -> true;
                case CARD_PRESENT -> present;
                case CARD_ABSENT -> !present;
                case CARD_INSERTION -> present && changedSinceWait.getOrDefault(name, false);
                case CARD_REMOVAL -> !present && changedSinceWait.getOrDefault(name, false);
            };
            if (include) {
                result.add(new SimulatedTerminal(readers, name));
            }
        }
        return result;
    }

    @Override
    public synchronized boolean waitForChange(long timeout) throws javax.smartcardio.CardException {
        if (timeout < 0) {
            throw new IllegalArgumentException("timeout must not be negative");
        }
        if (!initialised) {
            initialised = true;
            seen.putAll(presence());
        }
        long deadline = System.currentTimeMillis() + timeout;
        try {
            while (true) {
                long mark = readers.changeCount();
                Map<String, Boolean> now = presence();
                if (!now.equals(seen)) {
                    changedSinceWait.clear();
                    now.forEach((name, present) -> changedSinceWait.put(name, !present.equals(seen.get(name))));
                    seen.clear();
                    seen.putAll(now);
                    return true;
                }
                long left = timeout == 0 ? 0 : deadline - System.currentTimeMillis();
                if (timeout != 0 && left <= 0) {
                    return false;
                }
                readers.awaitChange(mark, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new javax.smartcardio.CardException("SCARD_E_CANCELLED: interrupted", e);
        }
    }

    private Map<String, Boolean> presence() {
        Map<String, Boolean> now = new HashMap<>();
        for (String name : readers.readerNames()) {
            readers.card(name).ifPresentOrElse(card -> now.put(name, true), () -> now.put(name, false));
        }
        return now;
    }
}
