package io.counterdesk.card;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real pcsc-lite daemon with the vsmartcard vpcd readers, for the PC/SC integration tests.
 * Uses a pcscd that already runs with the vpcd readers; otherwise starts {@code pcscd} (as root,
 * without {@code -x}) once for the whole test run and stops it at the end. Where the daemon cannot
 * run (not installed, not root, no vpcd), the tests are skipped with the reason as the message.
 */
final class PcscdFixture implements BeforeAllCallback {

    static final String READER = "Virtual PCD 00 00";
    static final String SECOND_READER = "Virtual PCD 00 01";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PcscdFixture.class);
    private static final Path PID_FILE = Path.of("/run/pcscd/pcscd.pid");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

    private static volatile Daemon daemon;

    @Override
    public void beforeAll(ExtensionContext context) {
        Daemon running = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Daemon.class, key -> Daemon.find(), Daemon.class);
        daemon = running;
        Assumptions.assumeTrue(running.problem == null,
                () -> "PC/SC integration tests SKIPPED: pcscd with vsmartcard-vpcd cannot run here: " + running.problem);
    }

    /** Whether this test run started the daemon (and may therefore stop and restart it). */
    static boolean startedHere() {
        return daemon != null && daemon.startedHere;
    }

    /** Stops the daemon this run started. */
    static void stop() throws InterruptedException {
        requireStartedHere();
        daemon.stopDaemon();
    }

    /** Starts it again after {@link #stop()}. */
    static void start() throws InterruptedException {
        requireStartedHere();
        String problem = daemon.startDaemon();
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
    }

    private static void requireStartedHere() {
        if (!startedHere()) {
            throw new IllegalStateException("only a daemon this test run started is stopped");
        }
    }

    /** The daemon for the whole run; closed (stopped, if started here) when the run ends. */
    static final class Daemon implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        private final CardReaders readers = CardReaders.pcsc();
        private boolean startedHere;
        private String problem;

        static Daemon find() {
            Daemon found = new Daemon();
            try {
                found.problem = found.locate();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                found.problem = "interrupted while starting pcscd";
            }
            return found;
        }

        private String locate() throws InterruptedException {
            if (vpcdReaderListed()) {
                return null;
            }
            if (pid().isPresent()) {
                return "a pcscd is running (pid file " + PID_FILE + ") but lists no reader " + READER
                        + "; install vsmartcard-vpcd and restart pcscd";
            }
            String problem = startDaemon();
            if (problem == null) {
                startedHere = true;
            }
            return problem;
        }

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

        private static Optional<Long> pid() {
            try {
                String text = Files.readString(PID_FILE, StandardCharsets.US_ASCII).replace("\0", "").strip();
                return text.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(text));
            } catch (IOException | NumberFormatException none) {
                return Optional.empty();
            }
        }

        @Override
        public void close() throws InterruptedException {
            if (startedHere) {
                stopDaemon();
            }
        }
    }
}
