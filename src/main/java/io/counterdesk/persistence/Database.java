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

    private Database(DatabaseLocation location, ConnectionPool pool, Clock clock, boolean syncEachCommit) {
        this.location = location;
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
        this.jdbi.setStatementBuilderFactory(pool);
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
        try {
            Files.createDirectories(location.directory());
        } catch (java.io.IOException e) {
            throw new StorageException("cannot create database directory " + location.directory(), e);
        }
        boolean existed = Files.isRegularFile(location.dataFile());
        ConnectionPool pool = new ConnectionPool(location.jdbcUrl(), USER, MAX_CONNECTIONS, STATEMENTS_PER_CONNECTION);
        Backups.Backup beforeUpgrade = null;
        // one pooled connection stays open while Flyway works, so H2 keeps the database open between its connections
        try (Handle keepOpen = Jdbi.open(pool)) {
            JdbcDataSource unpooled = new JdbcDataSource();
            unpooled.setURL(location.jdbcUrl());
            unpooled.setUser(USER);
            unpooled.setPassword("");
            Flyway flyway = Flyway.configure()
                    .dataSource(unpooled)
                    .locations(locations)
                    .load();
            MigrationInfoService info = flyway.info();
            refuseNewer(info, location);
            if (migrate) {
                if (existed && info.current() != null && info.pending().length > 0) {
                    MigrationInfo[] pending = info.pending();
                    beforeUpgrade = Backups.beside(location, clock).take(keepOpen, "before-upgrade-V"
                            + info.current().getVersion() + "-to-V" + pending[pending.length - 1].getVersion());
                }
                flyway.migrate();
            } else {
                flyway.validate();
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
        return new Database(location, pool, clock, syncEachCommit);
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
            R result = handle.inTransaction(h -> work.run(new Tx(h, clock)));
            if (syncEachCommit) {
                sync(handle);
            }
            return result;
        }
    }

    /** Runs read-only work; nothing it does is committed durably (it should write nothing). */
    public <R> R read(TxWork<R> work) {
        return jdbi.withHandle(handle -> {
            handle.setReadOnly(true);
            try {
                return work.run(new Tx(handle, clock));
            } finally {
                handle.setReadOnly(false);
            }
        });
    }

    /** Forces everything committed so far onto the storage device. */
    public void sync() {
        try (Handle handle = jdbi.open()) {
            sync(handle);
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

    public Path dataFile() {
        return location.dataFile();
    }

    /** Closes the pool; H2 closes the database file cleanly when its last connection closes. */
    @Override
    public void close() {
        pool.dispose();
    }
}
