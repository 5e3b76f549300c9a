package io.counterdesk.app;

/**
 * Starts CounterDesk. Without a sub-command it opens the counter window; {@code init},
 * {@code demo} and {@code verify} run without a window for support staff. This class must not
 * extend {@code javafx.application.Application}: started from the class path, JavaFX then loads
 * normally.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // the window's launch returns only when the window has closed, so every path ends here
        java.util.Optional<WindowArgs> window = WindowArgs.of(args);
        if (window.isPresent()) {
            // the window's own options: no picocli model of every command before the start (ADR 0028)
            System.exit(CliErrors.run(() -> {
                FxLauncher.launch(window.get().config());
                return 0;
            }, new java.io.PrintWriter(System.err, true)));
        }
        System.exit(Cli.commandLine().execute(args));
    }

    /** As {@link #main}, without exiting: what it prints goes to {@code out} and {@code err}; returns the exit code. */
    static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        return Cli.commandLine().setOut(out).setErr(err).execute(args);
    }
}
