package io.counterdesk.persistence;

import io.counterdesk.shared.BusinessException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A terminal's backups: {@code BACKUP TO} zips in {@code backups/} beside the database, each with a
 * {@code .sha256} (the {@code sha256sum} format, so {@code sha256sum -c} checks it by hand) and a
 * {@code .properties} manifest (journal's last seq and hash, schema version, terminal, reason).
 * {@code BACKUP TO} is consistent while the program works on; the manifest is read back from the
 * copy itself, so it describes exactly what the zip holds. A backup is complete once its
 * {@code .sha256} exists (written last). See {@code docs/installation.md}, "Backups".
 */
public final class Backups {

    public static final String FOLDER = "backups";
    /** Database setting: automatic backups (till close, sign-off) older than this many days are deleted. */
    public static final String KEEP_DAYS_SETTING = "backup.keepDays";
    public static final int DEFAULT_KEEP_DAYS = 30;
    /** Reasons of backups the program makes by itself; only these are pruned. */
    public static final List<String> AUTOMATIC = List.of("till-close", "sign-off");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    /** What a backup holds, as its manifest says (and as checked against the copy). */
    public record Backup(Path file, String sha256, long lastSeq, String lastHash, String schemaVersion,
                         String terminal, String reason, Instant created) {
    }

    private final Path directory;
    private final Clock clock;

    public Backups(Path directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    public static Backups beside(DatabaseLocation location, Clock clock) {
        return new Backups(location.directory().resolve(FOLDER), clock);
    }

    public Path directory() {
        return directory;
    }

    /** An online backup of the open database (it keeps working meanwhile). */
    public Backup take(Database database, String reason) {
        String password = DatabaseKeys.passwordOf(database.location());
        return database.jdbi().withHandle(handle -> take(handle, reason, password));
    }

    /**
     * As {@link #take(Database, String)}, on a connection to the database (also before migrations);
     * {@code password} opens the copy for its check (the terminal key store's, ADR 0012).
     */
    Backup take(Handle handle, String reason, String password) {
        if (!reason.matches("[a-zA-Z0-9.-]{1,60}")) {
            throw new IllegalArgumentException("backup reason " + reason);
        }
        try {
            Files.createDirectories(directory);
            Instant now = clock.instant();
            String name = "counterdesk-" + STAMP.format(now.atZone(ZoneId.systemDefault())) + "-" + reason + ".zip";
            Path target = directory.resolve(name);
            Path partial = directory.resolve(name + ".part");
            Files.deleteIfExists(partial);
            handle.execute("BACKUP TO '" + partial.toAbsolutePath().toString().replace("'", "''") + "'");
            forceToDisk(partial);
            Copy copy = Copy.extract(partial, directory.resolve(".check-" + name), password);
            try {
                Backup summary = copy.summary(target, sha256(partial), reason, now);
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
                writeManifest(summary);
                return summary;
            } finally {
                copy.delete();
            }
        } catch (IOException e) {
            throw new StorageException("cannot write a backup to " + directory, e);
        }
    }

    /** Deletes automatic backups older than {@code keepDays} days; returns how many. Manual and upgrade backups stay. */
    public int prune(int keepDays) {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        Instant limit = clock.instant().minus(Duration.ofDays(keepDays));
        int deleted = 0;
        for (Backup backup : list()) {
            if (AUTOMATIC.contains(backup.reason()) && backup.created().isBefore(limit)) {
                try {
                    Files.deleteIfExists(sidecar(backup.file(), ".sha256"));
                    Files.deleteIfExists(sidecar(backup.file(), ".properties"));
                    Files.deleteIfExists(backup.file());
                    deleted++;
                } catch (IOException e) {
                    throw new StorageException("cannot delete the old backup " + backup.file(), e);
                }
            }
        }
        return deleted;
    }

    /** The complete backups here (those with their checksum file), oldest first. */
    public List<Backup> list() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Backup> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path zip : files.filter(p -> p.getFileName().toString().endsWith(".zip")).sorted().toList()) {
                if (Files.isRegularFile(sidecar(zip, ".sha256"))) {
                    readManifest(zip).ifPresent(found::add);
                }
            }
        } catch (IOException e) {
            throw new StorageException("cannot list " + directory, e);
        }
        return found;
    }

    // ---- checking a backup (restore)

    /**
     * Checks {@code zip} against its {@code .sha256} and unpacks its database into {@code workDir}:
     * the copy to verify before anything is replaced. A missing or wrong checksum, a zip that is not
     * a CounterDesk backup or cannot be read is refused with a {@link BusinessException}.
     */
    public static Copy checkAndExtract(Path zip, Path workDir, String password) {
        Path checksum = sidecar(zip, ".sha256");
        if (!Files.isRegularFile(zip)) {
            throw new BusinessException("app.restore.noFile", zip);
        }
        if (!Files.isRegularFile(checksum)) {
            throw new BusinessException("app.restore.noChecksum", checksum);
        }
        try {
            String expected = Files.readString(checksum).strip().split("\\s+")[0];
            String actual = sha256(zip);
            if (!actual.equalsIgnoreCase(expected)) {
                throw new BusinessException("app.restore.checksumMismatch", zip);
            }
            return Copy.extract(zip, workDir, password);
        } catch (IOException | UncheckedIOException e) {
            throw new BusinessException("app.restore.unreadable", zip, e.getMessage());
        }
    }

    /** A database unpacked from a backup into a directory of its own. */
    public static final class Copy {
        private final Path workDir;
        private final Path dataFile;
        /** The database user's password: the terminal key store's (ADR 0012), empty for a database from before it. */
        private final String password;

        private Copy(Path workDir, Path dataFile, String password) {
            this.workDir = workDir;
            this.dataFile = dataFile;
            this.password = password;
        }

        static Copy extract(Path zip, Path workDir, String password) throws IOException {
            deleteTree(workDir);
            Files.createDirectories(workDir);
            Path dataFile = null;
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                ZipEntry entry;
                while ((entry = in.getNextEntry()) != null) {
                    String name = entry.getName();
                    // one database file, no folders, nothing that climbs out of workDir
                    if (entry.isDirectory() || name.contains("/") || name.contains("\\") || !name.endsWith(".mv.db")
                            || dataFile != null) {
                        throw new IOException("unexpected entry " + name + " in " + zip);
                    }
                    dataFile = workDir.resolve(DatabaseLocation.DEFAULT_NAME + ".mv.db");
                    try (OutputStream out = Files.newOutputStream(dataFile)) {
                        in.transferTo(out);
                    }
                }
            } catch (IOException e) {
                deleteTree(workDir);
                throw e;
            }
            if (dataFile == null) {
                deleteTree(workDir);
                throw new IOException("no database in " + zip);
            }
            forceToDisk(dataFile);
            return new Copy(workDir, dataFile, password);
        }

        public Path dataFile() {
            return dataFile;
        }

        /** A connection to the copy (embedded, this process only). */
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url(), "counterdesk", password);
        }

        String url() {
            return "jdbc:h2:file:" + workDir.resolve(DatabaseLocation.DEFAULT_NAME).toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        }

        /** The whole journal chain of the copy. */
        public ChainReport verifyChain() {
            return Jdbi.create(this::connect).withHandle(Journal::verify);
        }

        /** The copy's schema version (Flyway's last successful migration). */
        public String schemaVersion() {
            return Jdbi.create(this::connect).withHandle(Backups::schemaVersion);
        }

        /** Raises {@code sync.epoch} (1 when absent) by one in the copy: a restored terminal starts a new epoch. */
        public long startNewSyncEpoch() {
            return Jdbi.create(this::connect).inTransaction(handle -> {
                long current = handle.createQuery("SELECT val FROM setting WHERE name = 'sync.epoch'").mapTo(String.class)
                        .findOne().map(v -> Long.parseLong(v.strip())).orElse(1L);
                long next = current + 1;
                handle.createUpdate("MERGE INTO setting(name, val) KEY(name) VALUES ('sync.epoch', :v)")
                        .bind("v", Long.toString(next)).execute();
                return next;
            });
        }

        Backup summary(Path zip, String sha256, String reason, Instant created) {
            return Jdbi.create(this::connect).withHandle(handle -> {
                var head = handle.createQuery("SELECT last_seq, last_hash FROM journal_head WHERE id = 1").mapToMap().one();
                String terminal = handle.createQuery("SELECT code FROM terminal ORDER BY id").mapTo(String.class).findFirst().orElse("");
                return new Backup(zip, sha256, ((Number) head.get("last_seq")).longValue(), (String) head.get("last_hash"),
                        Backups.schemaVersion(handle), terminal, reason, created);
            });
        }

        public void delete() {
            try {
                deleteTree(workDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static String schemaVersion(Handle handle) {
        return handle.createQuery("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL "
                + "ORDER BY \"installed_rank\" DESC LIMIT 1").mapTo(String.class).findOne().orElse("0");
    }

    // ---- files

    private static void writeManifest(Backup b) throws IOException {
        Properties p = new Properties();
        p.setProperty("file", b.file().getFileName().toString());
        p.setProperty("sha256", b.sha256());
        p.setProperty("journal.lastSeq", Long.toString(b.lastSeq()));
        p.setProperty("journal.lastHash", b.lastHash());
        p.setProperty("schema.version", b.schemaVersion());
        p.setProperty("terminal", b.terminal());
        p.setProperty("reason", b.reason());
        p.setProperty("created", b.created().toString());
        Path manifest = sidecar(b.file(), ".properties");
        try (OutputStream out = Files.newOutputStream(manifest)) {
            p.store(out, "CounterDesk backup");
        }
        forceToDisk(manifest);
        Path checksum = sidecar(b.file(), ".sha256");
        Files.writeString(checksum, b.sha256() + "  " + b.file().getFileName() + "\n");
        forceToDisk(checksum);
    }

    private static Optional<Backup> readManifest(Path zip) throws IOException {
        Path manifest = sidecar(zip, ".properties");
        if (!Files.isRegularFile(manifest)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(manifest)) {
            p.load(in);
        }
        return Optional.of(new Backup(zip, p.getProperty("sha256", ""), Long.parseLong(p.getProperty("journal.lastSeq", "0")),
                p.getProperty("journal.lastHash", ""), p.getProperty("schema.version", ""), p.getProperty("terminal", ""),
                p.getProperty("reason", ""), Instant.parse(p.getProperty("created", Instant.EPOCH.toString()))));
    }

    static Path sidecar(Path zip, String suffix) {
        return zip.resolveSibling(zip.getFileName() + suffix);
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void forceToDisk(Path file) throws IOException {
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
