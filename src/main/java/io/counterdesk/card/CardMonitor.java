package io.counterdesk.card;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Watches the card readers on a background thread and reports the live state: whether the card
 * service runs, which readers are attached, which hold a card. The status bar listens to it. It
 * polls (every {@code interval}) rather than blocking in PC/SC, so it never holds the PC/SC
 * context while a card is being read; it survives a reader being unplugged and plugged again
 * and a stopped and restarted service, and picks the reader up again by name.
 *
 * <p>Listeners are called on the monitor's thread, in order; a screen hands the event over to
 * its own thread.
 */
public final class CardMonitor implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(CardMonitor.class.getName());

    /** What changed. */
    public enum Kind {
        SERVICE_AVAILABLE,
        SERVICE_UNAVAILABLE,
        READER_ADDED,
        READER_REMOVED,
        CARD_INSERTED,
        CARD_REMOVED
    }

    /**
     * The readers as last seen.
     *
     * @param serviceAvailable whether the card service answered
     * @param readers          reader name → whether a card is in it, sorted by name
     */
    public record Snapshot(boolean serviceAvailable, Map<String, Boolean> readers) {

        public Snapshot {
            readers = Collections.unmodifiableMap(new TreeMap<>(readers));
        }

        public boolean cardPresent(String readerName) {
            return readers.getOrDefault(readerName, false);
        }
    }

    /**
     * One change.
     *
     * @param kind       what changed
     * @param readerName the reader it concerns; empty for service events
     * @param now        the readers after the change
     */
    public record Event(Kind kind, String readerName, Snapshot now) {
    }

    private final CardReaders readers;
    private final long intervalMillis;
    private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private Snapshot snapshot = new Snapshot(false, Map.of());
    private boolean polled;
    private Thread thread;
    private volatile boolean closed;

    CardMonitor(CardReaders readers, Duration interval) {
        this.readers = Objects.requireNonNull(readers);
        this.intervalMillis = Math.max(10, interval.toMillis());
    }

    /** Starts watching; returns this. */
    public CardMonitor start() {
        synchronized (lock) {
            if (thread != null) {
                throw new IllegalStateException("already started");
            }
            thread = new Thread(this::run, "card-monitor");
            thread.setDaemon(true);
            thread.start();
        }
        return this;
    }

    public void addListener(Consumer<Event> listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    public void removeListener(Consumer<Event> listener) {
        listeners.remove(listener);
    }

    /** Whether the monitor has looked at the readers at least once. */
    public boolean hasLooked() {
        synchronized (lock) {
            return polled;
        }
    }

    /** The readers as last seen (nothing before the first look). */
    public Snapshot snapshot() {
        synchronized (lock) {
            return snapshot;
        }
    }

    /**
     * Waits until the readers look as {@code condition} wants (for example a card in a reader).
     *
     * @return whether they did within {@code timeout}
     */
    public boolean await(Predicate<Snapshot> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!polled || !condition.test(snapshot)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }

    @Override
    public void close() {
        closed = true;
        Thread running;
        synchronized (lock) {
            running = thread;
        }
        if (running != null) {
            running.interrupt();
            try {
                running.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        while (!closed) {
            try {
                publish(look());
            } catch (RuntimeException unexpected) {
                LOG.log(System.Logger.Level.WARNING, "card monitor: looking at the readers failed", unexpected);
            }
            try {
                Thread.sleep(intervalMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private Snapshot look() {
        List<String> names;
        try {
            names = readers.names();
        } catch (CardException e) {
            return new Snapshot(false, Map.of());
        }
        Map<String, Boolean> seen = new TreeMap<>();
        for (String name : names) {
            try {
                seen.put(name, readers.cardPresent(name));
            } catch (CardException e) {
                if (e.reason() == CardException.Reason.SERVICE_UNAVAILABLE) {
                    return new Snapshot(false, Map.of());
                }
                // unplugged between the list and the look: seen as gone now, back on a later look
            }
        }
        return new Snapshot(true, seen);
    }

    private void publish(Snapshot next) {
        List<Event> events = new ArrayList<>();
        synchronized (lock) {
            Snapshot before = snapshot;
            if (!polled || before.serviceAvailable() != next.serviceAvailable()) {
                events.add(new Event(next.serviceAvailable() ? Kind.SERVICE_AVAILABLE : Kind.SERVICE_UNAVAILABLE, "",
                        next));
            }
            Set<String> names = new TreeSet<>(before.readers().keySet());
            names.addAll(next.readers().keySet());
            for (String name : names) {
                boolean was = before.readers().containsKey(name);
                boolean is = next.readers().containsKey(name);
                if (was && before.cardPresent(name) && !next.cardPresent(name)) {
                    events.add(new Event(Kind.CARD_REMOVED, name, next));
                }
                if (was && !is) {
                    events.add(new Event(Kind.READER_REMOVED, name, next));
                }
                if (!was && is) {
                    events.add(new Event(Kind.READER_ADDED, name, next));
                }
                if (!before.cardPresent(name) && next.cardPresent(name)) {
                    events.add(new Event(Kind.CARD_INSERTED, name, next));
                }
            }
            snapshot = next;
            polled = true;
            lock.notifyAll();
        }
        for (Event event : events) {
            for (Consumer<Event> listener : listeners) {
                try {
                    listener.accept(event);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "card monitor listener failed on " + event.kind(), e);
                }
            }
        }
    }
}
