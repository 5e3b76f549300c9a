package io.counterdesk.app;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The window's own command line ({@code [--db PATH] [--lang zh|en]}, also {@code --db=PATH}), read
 * without picocli: building picocli's model of every support command took 0.3–0.8 s of reflection
 * before the window and the database could start opening (issue 15 §3, ADR 0028). Anything else —
 * a command, help, a bad language, an unknown or repeated option, an {@code @file} — is left to
 * {@link Cli}, which reads it exactly as before; for what this accepts, the result is the one
 * {@link Cli#call} would launch with ({@code WindowArgsTest} compares the two).
 */
record WindowArgs(Path db, String lang) {

    /** The window's options, or empty when {@link Cli} must read the command line. */
    static Optional<WindowArgs> of(String... args) {
        Path db = null;
        String lang = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                return Optional.empty();
            }
            if (value.isEmpty() || value.startsWith("-") || value.startsWith("@")) {
                return Optional.empty();
            }
            if (name.equals("--db") && db == null) {
                try {
                    db = Path.of(value);
                } catch (java.nio.file.InvalidPathException e) {
                    return Optional.empty(); // picocli says what is wrong with it, in one line
                }
            } else if (name.equals("--lang") && lang == null
                    && (value.strip().equalsIgnoreCase("zh") || value.strip().equalsIgnoreCase("en"))) {
                lang = value.strip();
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(new WindowArgs(db, lang));
    }

    /** The configuration the window starts with, as {@link Cli#call} resolves it. */
    AppConfig config() {
        return AppConfig.resolve(db, lang);
    }
}
