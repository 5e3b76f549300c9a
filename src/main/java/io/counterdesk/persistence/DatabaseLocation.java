package io.counterdesk.persistence;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a terminal's H2 database lives. The file is {@code <dir>/<name>.mv.db}; the default is
 * {@code ~/.counterdesk/data/counterdesk}, outside any working tree.
 */
public record DatabaseLocation(Path directory, String name) {

    public static final String DEFAULT_NAME = "counterdesk";

    public DatabaseLocation {
        Objects.requireNonNull(directory);
        Objects.requireNonNull(name);
    }

    public static DatabaseLocation defaultLocation() {
        return new DatabaseLocation(
                Path.of(System.getProperty("user.home"), ".counterdesk", "data"), DEFAULT_NAME);
    }

    /** Accepts a base path ({@code /data/hall1}) or the full file name ({@code /data/hall1.mv.db}). */
    public static DatabaseLocation of(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        String fileName = absolute.getFileName().toString();
        String base = fileName.endsWith(".mv.db") ? fileName.substring(0, fileName.length() - 6) : fileName;
        Path parent = absolute.getParent();
        return new DatabaseLocation(parent == null ? Path.of("/") : parent, base);
    }

    public Path basePath() {
        return directory.resolve(name).toAbsolutePath();
    }

    public Path dataFile() {
        return directory.resolve(name + ".mv.db");
    }

    /** The acknowledgement mark beside the data file ({@link AckMark}, ADR 0011). */
    public Path ackMarkFile() {
        return directory.resolve(name + ".ackmark");
    }

    /**
     * The JDBC URL. {@code WRITE_DELAY=0} writes each commit to the file at once (no 500 ms
     * buffer), so a kill -9 loses nothing; the fsync that makes it power-safe is done by
     * {@link Database} after every commit. {@code DB_CLOSE_ON_EXIT=FALSE}: we close it ourselves.
     * {@code QUERY_CACHE_SIZE=128}: a payment runs about twenty different statements; with H2's
     * default of 8 cached per session every one of them was parsed again each time.
     * {@code REUSE_SPACE=FALSE}: every chunk is appended at the end of the file, never written into
     * freed space. With space reuse, H2's recovery after a kill follows each chunk's guess of where
     * the next one goes and silently opened an older version when that chain was broken: fsynced,
     * acknowledged commits were lost in 2.5 % of kills (ADR 0011). The file then grows until it is
     * compacted ({@link Database}).
     * {@code CACHE_SIZE}: H2's page cache, an eighth of the heap between 16 and 256 MiB ({@link #cacheKiB});
     * H2's default of 16 MiB held too little of the search index at 1,000,000 accounts (issue 15 §3).
     */
    public String jdbcUrl() {
        return "jdbc:h2:file:" + basePath() + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=128;REUSE_SPACE=FALSE"
                + ";CACHE_SIZE=" + cacheKiB(Runtime.getRuntime().maxMemory());
    }

    /** H2's page cache for a heap of {@code maxHeapBytes}: an eighth of it, at least 16 MiB, at most 256 MiB. */
    static long cacheKiB(long maxHeapBytes) {
        return Math.max(16L << 10, Math.min(256L << 10, maxHeapBytes / 8 / 1024));
    }
}
