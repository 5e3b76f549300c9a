package io.counterdesk.card;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The real pcsc-lite daemon with the vsmartcard vpcd readers, for the PC/SC integration tests
 * ({@link PcscdFixture}) and the top-up bench: uses a pcscd that already runs with the vpcd
 * readers; otherwise starts {@code pcscd} (as root, without {@code -x}) and stops it again on
 * {@link #close()}. Where the daemon cannot run (not installed, not root, no vpcd), {@link #problem()}
 * says why.
 */
public final class PcscdDaemon implements AutoCloseable {

    /** vpcd's first reader (TCP port 35963). */
    public static final String READER = "Virtual PCD 00 00";
    /** vpcd's second reader (TCP port 35964). */
    public static final String SECOND_READER = "Virtual PCD 00 01";

    private static final Path PID_FILE = Path.of("/run/pcscd/pcscd.pid");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

    private final CardReaders readers = CardReaders.pcsc();
    private boolean startedHere;
    private String problem;

    private PcscdDaemon() {
    }

    /** Finds the running daemon with the vpcd readers, or starts one. */
    public static PcscdDaemon find() {
        PcscdDaemon found = new PcscdDaemon();
        try {
            found.problem = found.locate();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            found.problem = "interrupted while starting pcscd";
        }
        return found;
    }

    /** Why the daemon with the vpcd readers cannot be used here; null when it can. */
    public String problem() {
        return problem;
    }

    /** Whether this program started the daemon (and may therefore stop and restart it). */
    public boolean startedHere() {
        return startedHere;
    }

    /** pcscd's own version line, for reports ({@code pcscd --version}); "unknown" when it does not say. */
    public static String version() {
        try {
            Process process = new ProcessBuilder("pcscd", "--version").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            return out.lines().filter(line -> line.contains("pcsc-lite")).findFirst().orElse("unknown").strip();
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private String locate() throws InterruptedException {
        if (vpcdReaderListed()) {
            return null;
        }
        if (pid().isPresent()) {
            return "a pcscd is running (pid file " + PID_FILE + ") but lists no reader " + READER
                    + "; install vsmartcard-vpcd and restart pcscd";
        }
        String startProblem = startDaemon();
        if (startProblem == null) {
            startedHere = true;
        }
        return startProblem;
    }

    /** Starts pcscd and waits for the vpcd reader; returns the problem, or null. */
    String startDaemon() throws InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("pcscd").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return "pcscd is not installed (apt-get install pcscd vsmartcard-vpcd pcsc-tools): " + e.getMessage();
        }
        int exit = process.waitFor();
        if (exit != 0) {
            return "pcscd exited with " + exit + " (it has to run as root)";
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (vpcdReaderListed()) {
                return null;
            }
            Thread.sleep(100);
        }
        return "pcscd started but listed no reader " + READER + " within " + START_TIMEOUT.toSeconds()
                + " s; is vsmartcard-vpcd installed?";
    }

    /** Stops the daemon named by the pid file. */
    void stopDaemon() throws InterruptedException {
        Optional<ProcessHandle> process = pid().flatMap(ProcessHandle::of);
        if (process.isEmpty()) {
            return;
        }
        process.get().destroy();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (process.get().isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private boolean vpcdReaderListed() {
        try {
            return readers.names().contains(READER);
        } catch (CardException notRunning) {
            return false;
        }
    }

    /** The pid in pcscd's pid file when that process is alive (a killed daemon leaves a stale file). */
    private static Optional<Long> pid() {
        try {
            String text = Files.readString(PID_FILE, StandardCharsets.US_ASCII).replace("\0", "").strip();
            return text.isEmpty() ? Optional.empty()
                    : Optional.of(Long.parseLong(text)).filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive)
                            .orElse(false));
        } catch (IOException | NumberFormatException none) {
            return Optional.empty();
        }
    }

    /** Stops the daemon if this program started it. */
    @Override
    public void close() throws InterruptedException {
        if (startedHere) {
            stopDaemon();
        }
    }
}
