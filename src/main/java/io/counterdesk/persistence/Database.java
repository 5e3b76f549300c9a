package io.counterdesk.persistence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import io.counterdesk.shared.BusinessException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A terminal's embedded H2 database: opened, migrated (Flyway) and made durable.
 *
 * <p>Durability: a business action is committed by {@link #inTransaction}, which returns only after
 * the commit is on the disk — H2 writes it at once ({@code WRITE_DELAY=0}) and we then force it to
 * the device with {@code CHECKPOINT SYNC} (one fsync). Only after that may the caller print a
 * receipt or show "done". See {@code docs/adr/0003-durable-commits.md}.
 *
 * <p>Since ADR 0011 H2 appends every chunk at the end of the file ({@code REUSE_SPACE=FALSE}, see
 * {@link DatabaseLocation#jdbcUrl()}), the acknowledged position is kept outside the file as well
 * ({@link AckMark}, advanced after the sync), a database behind it is refused at opening, and a file
 * grown far past its data is compacted when it is opened ({@link #compactionDue}).
 */
public final class Database implements AutoCloseable {

    private static final String USER = "counterdesk";
    private static final int MAX_CONNECTIONS = 8;
    /** Prepared statements kept per connection; a payment uses about twenty. */
    private static final int STATEMENTS_PER_CONNECTION = 256;
    static final String MIGRATIONS = "classpath:db/migration";

    private final DatabaseLocation location;
    private final ConnectionPool pool;
    private final Jdbi jdbi;
    private final Clock clock;
    private final boolean syncEachCommit;
    /** Advanced after every durable business commit; null when opened for inspection (nothing is acknowledged then). */
    private volatile AckMark ackMark;
    /** How long each step of the opening took (the start-up probe prints them). */
    private OpeningSteps openingSteps = new OpeningSteps();

    /** A file smaller than this is never compacted at opening: the copy would cost more than the space. */
    static final long COMPACT_MIN_BYTES = 64L << 20;
    /** Compacted at opening when less than this share (percent) of the file's chunks is live data. */
    static final int COMPACT_BELOW_FILL_PERCENT = 50;
    /** The terminal's key store (ADR 0012); null only when inspecting a database from before it. */
    private final TerminalKeys keys;

    private Database(DatabaseLocation location, ConnectionPool pool, Jdbi jdbi, Clock clock, boolean syncEachCommit,
                     TerminalKeys keys) {
        this.location = location;
        this.keys = keys;
        this.pool = pool;
        this.jdbi = jdbi;
        this.clock = clock;
        this.syncEachCommit = syncEachCommit;
    }

    /** Opens (creating if needed) and migrates the database at {@code location}. */
    public static Database open(DatabaseLocation location, Clock clock) {
        return open(location, clock, true);
    }

    /**
     * As {@link #open(DatabaseLocation, Clock)}; {@code syncEachCommit=false} skips the per-commit
     * fsync and is meant only for bulk loads (demo data, benchmarks) that are synced once at the end.
     */
    public static Database open(DatabaseLocation location, Clock clock, boolean syncEachCommit) {
        return open(location, clock, syncEachCommit, true);
    }

    /**
     * Opens an existing database for inspection ({@code verify}): the schema is validated against
     * the migrations, never migrated, so checking a database does not change it.
     */
    public static Database openForInspection(DatabaseLocation location, Clock clock) {
        return open(location, clock, true, false);
    }

    private static Database open(DatabaseLocation location, Clock clock, boolean syncEachCommit, boolean migrate) {
        return open(location, clock, syncEachCommit, migrate, MIGRATIONS);
    }

    /**
     * Opens with the migrations at {@code locations} (tests add a failing one). An existing database
     * with pending migrations is backed up first ({@code backups/…-before-upgrade-…zip}); if a
     * migration then fails, the file is put back as it was and a {@link BusinessException} says so,
     * so the previous version of the program still opens it. A database whose schema is newer than
     * this program knows is refused and never opened for business (ADR 0019).
     */
    static Database open(DatabaseLocation location, Clock clock, boolean syncEachCommit, boolean migrate, String... locations) {
        Objects.requireNonNull(location);
        OpeningSteps steps = new OpeningSteps();
        Database database = openMigrated(location, clock, syncEachCommit, migrate, steps, locations);
        if (!migrate) {
            return database;
        }
        try {
            // refuses a database behind what was acknowledged, before anything can be written to it
            database.ackMark = database.checkedAckMark();
            steps.mark("database: acknowledgement mark");
            boolean due = database.compactionDue();
            steps.mark("database: compaction check");
            if (due) {
                database = database.compacted();
                steps.mark("database: compaction");
            }
            database.openingSteps = steps;
            return database;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Opens the pool with the key store's password and migrates (or validates) the schema. */
    private static Database openMigrated(DatabaseLocation location, Clock clock, boolean syncEachCommit, boolean migrate,
                                         OpeningSteps steps, String... locations) {
        try {
            Files.createDirectories(location.directory());
        } catch (java.io.IOException e) {
            throw new StorageException("cannot create database directory " + location.directory(), e);
        }
        boolean existed = Files.isRegularFile(location.dataFile());
        DatabaseKeys.Unlocked unlocked = DatabaseKeys.unlock(location, USER, migrate);
        TerminalKeys keys = unlocked.keys();
        steps.mark("database: key store and file opened");
        String password = keys == null ? "" : keys.databasePassword();
        ConnectionPool pool = new ConnectionPool(location.jdbcUrl(), USER, MAX_CONNECTIONS, STATEMENTS_PER_CONNECTION)
                .withPassword(password);
        Backups.Backup beforeUpgrade = null;
        // one pooled connection stays open while Flyway works, so H2 keeps the database open between its connections
        // one Jdbi for the opening and the business: each Jdbi.create builds its whole configuration
        // anew (tens of ms in a cold JVM, on the start's critical path; ADR 0028)
        Jdbi jdbi = access(pool);
        try (Handle keepOpen = openHolding(jdbi, unlocked)) {
            steps.mark("database: pool's first connection");
            // the usual start: the schema is the program's, Flyway (seconds in a cold start) has nothing to do
            boolean current = migrate && existed && java.util.Arrays.equals(locations, new String[] {MIGRATIONS})
                    && SchemaUpToDate.check(keepOpen);
            steps.mark("database: schema version check");
            if (!current) {
                JdbcDataSource unpooled = new JdbcDataSource();
                unpooled.setURL(location.jdbcUrl());
                unpooled.setUser(USER);
                unpooled.setPassword(password);
                Flyway flyway = Flyway.configure()
                        .dataSource(unpooled)
                        .locations(locations)
                        .load();
                MigrationInfoService info = flyway.info();
                steps.mark("database: Flyway info");
                refuseNewer(info, location);
                if (migrate) {
                    if (existed && info.current() != null && info.pending().length > 0) {
                        MigrationInfo[] pending = info.pending();
                        beforeUpgrade = Backups.beside(location, clock).take(keepOpen, "before-upgrade-V"
                                + info.current().getVersion() + "-to-V" + pending[pending.length - 1].getVersion(), password);
                    }
                    flyway.migrate();
                } else {
                    flyway.validate();
                }
                steps.mark(migrate ? "database: Flyway migrate" : "database: Flyway validate");
            }
        } catch (BusinessException e) {
            pool.dispose();
            throw e;
        } catch (RuntimeException e) {
            pool.dispose();
            if (beforeUpgrade != null) {
                throw UpgradeRollback.putBack(location, beforeUpgrade, e);
            }
            throw new StorageException("cannot open or migrate database " + location.dataFile(), e);
        }
        Database database = new Database(location, pool, jdbi, clock, syncEachCommit, keys);
        if (migrate) {
            try {
                DatabaseKeys.migrateSecrets(database);
            } catch (RuntimeException e) {
                pool.dispose();
                throw e;
            }
            steps.mark("database: secrets check");
        }
        return database;
    }

    /** Jdbi over the pool, its statements from the pool's per-connection cache (ADR 0009). */
    private static Jdbi access(ConnectionPool pool) {
        Jdbi jdbi = Jdbi.create(pool);
        jdbi.setStatementBuilderFactory(pool);
        return jdbi;
    }

    /** The pool's first connection, then the key store's proof connection released (the file stays open). */
    private static Handle openHolding(Jdbi jdbi, DatabaseKeys.Unlocked unlocked) {
        try {
            return jdbi.open();
        } finally {
            unlocked.release();
        }
    }

    /** How long each step of this database's opening took, in order. */
    public OpeningSteps openingSteps() {
        return openingSteps;
    }

    /**
     * The mark checked against the journal head and rewritten at it: a missing mark (a new database,
     * or the first start of this version) is made, one the database has passed is moved up.
     *
     * @throws io.counterdesk.shared.BusinessException when the database is behind the mark, holds
     *         another history, or the mark cannot be read
     */
    private AckMark checkedAckMark() {
        AckMark.Verdict verdict = ackMarkVerdict();
        verdict.refusal(location.ackMarkFile()).ifPresent(refusal -> {
            throw refusal;
        });
        return AckMark.create(location.ackMarkFile(), verdict.head());
    }

    /** How the journal compares with the acknowledgement mark beside the file (for {@code verify} and opening). */
    public AckMark.Verdict ackMarkVerdict() {
        return read(tx -> {
            Handle h = tx.handle();
            AckMark.Mark head = journalHead(h);
            return AckMark.check(location.ackMarkFile(), head, seq -> h.createQuery("SELECT hash FROM journal WHERE seq = :seq")
                    .bind("seq", seq).mapTo(String.class).findOne());
        });
    }

    private static AckMark.Mark journalHead(Handle h) {
        return h.createQuery("SELECT last_seq, last_hash FROM journal_head WHERE id = 1")
                .map((rs, ctx) -> new AckMark.Mark(rs.getLong(1), rs.getString(2)))
                .findOne().orElse(new AckMark.Mark(0, Journal.GENESIS_HASH));
    }

    /** See {@link AckMark#reanchor}. */
    synchronized AckMark.Mark reanchorAckMark() {
        AckMark.Mark head = read(tx -> journalHead(tx.handle()));
        AckMark previous = ackMark;
        AckMark fresh = AckMark.create(location.ackMarkFile(), head);
        if (previous != null) {
            previous.close();
            ackMark = fresh;
        } else {
            fresh.close();
        }
        return head;
    }

    /**
     * Whether the file is worth compacting now: past {@link #COMPACT_MIN_BYTES} and mostly dead chunks.
     * With {@code REUSE_SPACE=FALSE} every commit appends its chunk, so a terminal never closed cleanly
     * grows by tens of kilobytes a payment; the live data is a small part of that (ADR 0011).
     */
    boolean compactionDue() {
        if ("off".equals(System.getProperty("counterdesk.compaction"))) {
            return false; // for measuring growth without it (FileGrowth), or support on a terminal that must start at once
        }
        long size = storeInfo("info.FILE_SIZE");
        return size >= COMPACT_MIN_BYTES && storeInfo("info.CHUNKS_FILL_RATE") < COMPACT_BELOW_FILL_PERCENT;
    }

    /** A number H2 reports about its store ({@code INFORMATION_SCHEMA.SETTINGS}, {@code info.*}), e.g. {@code info.FILE_SIZE}. */
    public long storeInfo(String name) {
        return read(tx -> tx.handle().createQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = :n")
                .bind("n", name).mapTo(String.class).findOne().map(v -> Long.parseLong(v.trim())).orElse(0L));
    }

    /**
     * Copies the live data into a new file and swaps it in (H2's {@code SHUTDOWN COMPACT}, through
     * this database's own connection, so an encrypted file is copied with its key), then opens the
     * new file and checks it against the mark again. Only at opening, before any business: the
     * shutdown closes every connection. H2 writes the copy beside the file and renames it over the
     * old one, so a kill during the copy leaves the old file (its leftover is removed at the next open).
     */
    private Database compacted() {
        try (Handle handle = jdbi.open()) {
            Sql.execute(handle, "SHUTDOWN COMPACT");
        } catch (RuntimeException e) {
            // the shutdown ends the session under the statement; H2 may report that as an error
        }
        AckMark mark = ackMark;
        ackMark = null;
        pool.dispose();
        Database reopened = openMigrated(location, clock, syncEachCommit, true, new OpeningSteps(), MIGRATIONS);
        try {
            reopened.sync();
            AckMark.Verdict verdict = reopened.ackMarkVerdict();
            verdict.refusal(location.ackMarkFile()).ifPresent(refusal -> {
                throw refusal;
            });
            reopened.ackMark = mark;
            return reopened;
        } catch (RuntimeException e) {
            mark.close();
            reopened.close();
            throw e;
        }
    }

    /** A schema version this program does not know (a newer program migrated the file): refused. */
    static void refuseNewer(MigrationInfoService info, DatabaseLocation location) {
        MigrationInfo newest = null;
        for (MigrationInfo migration : info.all()) {
            if (migration.getState() == MigrationState.FUTURE_SUCCESS || migration.getState() == MigrationState.FUTURE_FAILED) {
                newest = migration;
            }
        }
        if (newest != null) {
            MigrationInfo[] known = info.all();
            String latestKnown = "0";
            for (MigrationInfo migration : known) {
                if (migration.getState() != MigrationState.FUTURE_SUCCESS && migration.getState() != MigrationState.FUTURE_FAILED
                        && migration.getVersion() != null) {
                    latestKnown = migration.getVersion().getVersion();
                }
            }
            throw new BusinessException("app.db.newer", location.dataFile(), newest.getVersion().getVersion(), latestKnown);
        }
    }

    /** True while an H2 program (this one or another) has the database file open. */
    public static boolean isInUse(Path dataFile) {
        if (!Files.isRegularFile(dataFile)) {
            return false;
        }
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(dataFile,
                java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.channels.FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return true;
        } catch (java.io.IOException e) {
            throw new StorageException("cannot check whether " + dataFile + " is in use", e);
        }
    }

    public DatabaseLocation location() {
        return location;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Runs {@code work} in one transaction (H2's default READ COMMITTED, plus the row locks the
     * repositories take with {@code FOR UPDATE}) and returns once the commit is durable. Any exception rolls back
     * everything the work did.
     */
    public <R> R inTransaction(TxWork<R> work) {
        try (Handle handle = jdbi.open()) {
            Tx[] ran = new Tx[1];
            R result = handle.inTransaction(h -> {
                ran[0] = new Tx(h, clock, keys);
                return work.run(ran[0]);
            });
            if (syncEachCommit) {
                sync(handle);
                AckMark mark = ackMark;
                if (mark != null && ran[0].hasAppended()) {
                    // durable now: only then is it the acknowledged position (ADR 0011)
                    mark.advance(ran[0].appendedSeq(), ran[0].appendedHash());
                }
            }
            return result;
        }
    }

    /** Runs read-only work; nothing it does is committed durably (it should write nothing). */
    public <R> R read(TxWork<R> work) {
        return jdbi.withHandle(handle -> {
            handle.setReadOnly(true);
            try {
                return work.run(new Tx(handle, clock, keys));
            } finally {
                handle.setReadOnly(false);
            }
        });
    }

    /** Forces everything committed so far onto the storage device. */
    public void sync() {
        try (Handle handle = jdbi.open()) {
            sync(handle);
            AckMark mark = ackMark;
            if (mark != null) {
                AckMark.Mark head = journalHead(handle);
                mark.advance(head.seq(), head.hash());
            }
        }
    }

    /** On the connection's cached statement: parsing it anew after every commit showed in the payment profile. */
    private static void sync(Handle handle) {
        try {
            Sql.execute(handle, "CHECKPOINT SYNC");
        } catch (StorageException e) {
            throw new StorageException("cannot sync database to disk", e.getCause());
        }
    }

    /** For persistence code (tests, verification, bulk loaders): the underlying Jdbi. */
    public Jdbi jdbi() {
        return jdbi;
    }

    /** The terminal's key store; empty only when inspecting a database from before it (ADR 0012). */
    public java.util.Optional<TerminalKeys> keys() {
        return java.util.Optional.ofNullable(keys);
    }

    public Path dataFile() {
        return location.dataFile();
    }

    /** Whether this database is still open (not yet {@link #close closed}). */
    public boolean isOpen() {
        return !pool.isDisposed();
    }

    /** Closes the pool; H2 closes the database file cleanly when its last connection closes. */
    @Override
    public void close() {
        pool.dispose();
        AckMark mark = ackMark;
        if (mark != null) {
            mark.close();
        }
    }
}
