package io.counterdesk.persistence;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.Handle;

/**
 * One open database transaction. Application services receive it and pass it on to repositories
 * and the {@link Journal}; only persistence code and repositories look inside ({@link #handle()}).
 * Everything done through one {@code Tx} commits together or not at all.
 */
public final class Tx {

    private final Handle handle;
    private final Clock clock;
    private final Instant startedAt;
    /** Set by {@link Journal#append}: this transaction advances the journal head when it commits. */
    private boolean appended;
    /** The last event this transaction appended: the acknowledgement mark moves to it once it is durable. */
    private long appendedSeq;
    private String appendedHash;
    /** Set by {@link DayLocks#lock}: this transaction signs a day off. */
    private volatile boolean lockedADay;

    /** The terminal's key store (ADR 0012); null only when inspecting a database from before it. */
    private final TerminalKeys keys;

    Tx(Handle handle, Clock clock, TerminalKeys keys) {
        this.handle = handle;
        this.keys = keys;
        this.clock = clock;
        this.startedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** The Jdbi handle; for repositories and persistence code only (enforced by an architecture test). */
    public Handle handle() {
        return handle;
    }

    /** The time of this business action: one instant for every row it writes. */
    public Instant now() {
        return startedAt;
    }

    public Clock clock() {
        return clock;
    }

    /** The terminal's key store; persistence code only (secrets, journal MAC). */
    TerminalKeys keys() {
        if (keys == null) {
            throw new StorageException("this database has no terminal key file; run the program once to create it");
        }
        return keys;
    }

    boolean hasKeys() {
        return keys != null;
    }

    void markAppended(long seq, String hash) {
        appended = true;
        appendedSeq = seq;
        appendedHash = hash;
    }

    long appendedSeq() {
        return appendedSeq;
    }

    String appendedHash() {
        return appendedHash;
    }

    boolean hasAppended() {
        return appended;
    }

    void markLockedADay() {
        lockedADay = true;
    }

    boolean hasLockedADay() {
        return lockedADay;
    }
}
