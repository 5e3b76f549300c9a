package io.counterdesk.headoffice;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A throw-away PostgreSQL server for one test class: {@code initdb} and {@code pg_ctl} of Debian's
 * {@code postgresql} (15) on a temporary folder and a free local port, run as the {@code postgres}
 * user when the tests run as root (initdb refuses root), stopped and deleted at the end. Where it
 * cannot run (no binaries, no postgres user) the tests are skipped with the reason.
 */
final class PostgresFixture implements AutoCloseable {

    static final Path BIN = Path.of(System.getProperty("counterdesk.pgbin", "/usr/lib/postgresql/15/bin"));

    private final Path dir;
    private final int port;
    private final boolean asRoot;

    private PostgresFixture(Path dir, int port, boolean asRoot) {
        this.dir = dir;
        this.port = port;
        this.asRoot = asRoot;
    }

    /** Starts a server, or skips the calling test with the reason. */
    static PostgresFixture start() throws IOException, InterruptedException {
        return start(new String[0]);
    }

    /** Starts a server with extra settings ({@code name=value}, e.g. for a benchmark's larger buffers). */
    static PostgresFixture start(String... settings) throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(BIN.resolve("initdb")),
                "PostgreSQL not installed (" + BIN + "/initdb missing; apt-get install postgresql)");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            Assumptions.assumeTrue(run(List.of("id", "-u", "postgres"), null) == 0,
                    "running as root and there is no postgres user to run PostgreSQL as");
        }
        Path dir = Files.createTempDirectory("counterdesk-pg");
        if (root) {
            run(List.of("chown", "postgres", dir.toString()), null);
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PostgresFixture pg = new PostgresFixture(dir, port, root);
        int init = pg.asPostgres(List.of(BIN.resolve("initdb").toString(), "-D", dir.resolve("data").toString(),
                "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"));
        if (init != 0) {
            pg.delete();
            Assumptions.abort("initdb failed (exit " + init + "); see " + dir);
        }
        int started = pg.asPostgres(List.of(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(),
                "-l", dir.resolve("log").toString(), "-w", "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=on"
                        + java.util.Arrays.stream(settings).map(x -> " -c " + x).collect(java.util.stream.Collectors.joining()),
                "start"));
        if (started != 0) {
            String log = Files.exists(dir.resolve("log")) ? Files.readString(dir.resolve("log")) : "";
            pg.delete();
            Assumptions.abort("pg_ctl start failed (exit " + started + "): " + log);
        }
        return pg;
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    String user() {
        return "postgres";
    }

    /** The server's log file (gone after {@link #close}). */
    Path log() {
        return dir.resolve("log");
    }

    /** The server's pid (its postmaster), e.g. for a benchmark's CPU accounting. */
    long pid() throws IOException {
        return Long.parseLong(Files.readAllLines(dir.resolve("data/postmaster.pid")).get(0).strip());
    }

    /** Kills the server's processes at once (SIGKILL of the postmaster): a crash, not a stop. */
    void kill() throws IOException, InterruptedException {
        String pid = Files.readAllLines(dir.resolve("data/postmaster.pid")).get(0).strip();
        run(List.of("kill", "-9", pid), null);
    }

    /** Starts the server again on the same folder and port (after {@link #kill}). */
    void restart() throws IOException, InterruptedException {
        // the killed postmaster's processes leave on their own, soon; until then the server will not start
        for (int attempt = 0; attempt < 60; attempt++) {
            if (asPostgres(List.of(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(),
                    "-l", dir.resolve("log").toString(), "-w", "-o",
                    "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1", "start")) == 0) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IOException("PostgreSQL did not start again; see " + dir.resolve("log"));
    }

    private int asPostgres(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asRoot) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        return run(full, dir);
    }

    private static int run(List<String> command, Path dir) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (dir != null) {
            pb.directory(dir.toFile());
            pb.redirectOutput(dir.resolve("fixture.out").toFile());
        } else {
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        asPostgres(List.of(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
                "-w", "stop"));
        delete();
    }

    private void delete() throws IOException {
        io.counterdesk.persistence.TestDatabase.deleteRecursively(dir);
    }
}
