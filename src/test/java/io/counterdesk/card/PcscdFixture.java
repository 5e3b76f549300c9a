package io.counterdesk.card;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real pcsc-lite daemon with the vsmartcard vpcd readers ({@link PcscdDaemon}) for the PC/SC
 * integration tests: found or started once for the whole test run and, if started here, stopped
 * at the end. Where the daemon cannot run (not installed, not root, no vpcd), the tests are
 * skipped with the reason as the message.
 */
public final class PcscdFixture implements BeforeAllCallback {

    static final String READER = PcscdDaemon.READER;
    static final String SECOND_READER = PcscdDaemon.SECOND_READER;

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PcscdFixture.class);

    private static volatile PcscdDaemon daemon;

    /** For JUnit (and for tests outside this package that use the daemon: {@code @ExtendWith(PcscdFixture.class)}). */
    public PcscdFixture() {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        PcscdDaemon running = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Run.class, key -> new Run(PcscdDaemon.find()), Run.class).daemon;
        daemon = running;
        Assumptions.assumeTrue(running.problem() == null,
                () -> "PC/SC integration tests SKIPPED: pcscd with vsmartcard-vpcd cannot run here: " + running.problem());
    }

    /** Whether this test run started the daemon (and may therefore stop and restart it). */
    static boolean startedHere() {
        return daemon != null && daemon.startedHere();
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
    private record Run(PcscdDaemon daemon) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws InterruptedException {
            daemon.close();
        }
    }
}
