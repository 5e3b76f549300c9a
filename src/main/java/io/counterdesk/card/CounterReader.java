package io.counterdesk.card;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The counter's own card reader: the one named in the terminal's settings, or else the first
 * reader attached, looked up again on every call (a reader plugged in later, or re-plugged, is
 * found). Services take it as their {@link CardAccess}; what it reads and writes goes through the
 * standard profiles with the utility's keys. Thread-safe.
 */
public final class CounterReader implements CardAccess {

    private final CardReaders readers;
    private final Optional<String> configuredName;
    private final CardKeys keys;

    /**
     * @param readers        the PC/SC readers, or the simulated ones of demo mode
     * @param configuredName the reader to use; empty = the first one attached
     */
    public CounterReader(CardReaders readers, Optional<String> configuredName, CardKeys keys) {
        this.readers = Objects.requireNonNull(readers);
        this.configuredName = configuredName.map(String::strip).filter(name -> !name.isEmpty());
        this.keys = Objects.requireNonNull(keys);
    }

    public CardReaders readers() {
        return readers;
    }

    /** The reader configured, or empty when the first attached one is used. */
    public Optional<String> configuredName() {
        return configuredName;
    }

    /** The reader used now: the configured one, or the first attached; NO_READER when there is none. */
    @Override
    public String readerName() {
        if (configuredName.isPresent()) {
            return configuredName.get();
        }
        return readers.names().stream().findFirst()
                .orElseThrow(() -> new CardException(CardException.Reason.NO_READER, "card.noReader"));
    }

    /** Whether {@code readerName} is the reader this counter uses, as the monitor reports it. */
    public boolean isOurs(String readerName, List<String> attached) {
        if (configuredName.isPresent()) {
            return configuredName.get().equals(readerName);
        }
        return !attached.isEmpty() && attached.get(0).equals(readerName);
    }

    @Override
    public boolean cardPresent() {
        return access().cardPresent();
    }

    @Override
    public CardReading read() {
        return access().read();
    }

    @Override
    public void write(CardImage expected, CardImage next) {
        access().write(expected, next);
    }

    private CardAccess access() {
        return readers.access(readerName(), keys);
    }
}
