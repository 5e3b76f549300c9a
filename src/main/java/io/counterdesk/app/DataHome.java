package io.counterdesk.app;

import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.DatabaseLocation;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Where a terminal's data directory (database, settings, reports, backups) is when no {@code --db}
 * or {@code COUNTERDESK_DB} names the database:
 * <ol>
 *   <li>{@code COUNTERDESK_DATA} (or {@code -Dcounterdesk.data}): a directory, e.g. {@code /var/lib/counterdesk}
 *       for a counter PC that several Linux log-ins share;</li>
 *   <li>an installed program ({@code -Dcounterdesk.installed=true}, set by the package's launchers):
 *       Windows {@code %PROGRAMDATA%\CounterDesk}, Linux {@code $XDG_DATA_HOME/counterdesk} or
 *       {@code ~/.local/share/counterdesk};</li>
 *   <li>a developer's checkout: {@code ~/.counterdesk/data}, as before.</li>
 * </ol>
 * An installed program that finds no database in its place but one in the old place moves the old
 * directory there (one rename) and leaves a note; if it cannot (another file system, the file in use,
 * something already there) it keeps using the old place and says so. Data is never left behind.
 */
final class DataHome {

    static final String NOTE = "MOVED.txt";

    private final Map<String, String> env;
    private final Map<String, String> properties;
    private final Path home;
    private final String osName;

    DataHome(Map<String, String> env, Map<String, String> properties, Path home, String osName) {
        this.env = env;
        this.properties = properties;
        this.home = home;
        this.osName = osName;
    }

    static DataHome ofThisMachine(Map<String, String> env) {
        return new DataHome(env, Map.of(
                "counterdesk.data", System.getProperty("counterdesk.data", ""),
                "counterdesk.installed", System.getProperty("counterdesk.installed", "")),
                Path.of(System.getProperty("user.home")), System.getProperty("os.name"));
    }

    boolean installed() {
        return "true".equalsIgnoreCase(properties.getOrDefault("counterdesk.installed", ""));
    }

    /** The developer checkout's place, and the one installed programs before this one used. */
    Path legacyDirectory() {
        return home.resolve(".counterdesk").resolve("data");
    }

    /** The place this run should use, before any move of old data. */
    Path chosenDirectory() {
        String explicit = firstSet(properties.get("counterdesk.data"), env.get("COUNTERDESK_DATA"));
        if (explicit != null) {
            return Path.of(explicit);
        }
        if (!installed()) {
            return legacyDirectory();
        }
        if (osName.toLowerCase(Locale.ROOT).startsWith("windows")) {
            String programData = firstSet(env.get("ProgramData"), env.get("PROGRAMDATA"));
            return Path.of(programData == null ? "C:\\ProgramData" : programData, "CounterDesk");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".local").resolve("share"))
                .resolve("counterdesk");
    }

    /**
     * The database to use; an installed program first brings old data over (see the class comment).
     * {@code notice} hears what was done, in words for the person at the keyboard or the log.
     */
    DatabaseLocation resolve(Consumer<String> notice) {
        Path chosen = chosenDirectory();
        Path legacy = legacyDirectory();
        if (!installed() || chosen.equals(legacy) || hasDatabase(chosen) || !hasDatabase(legacy)) {
            return new DatabaseLocation(chosen, DatabaseLocation.DEFAULT_NAME);
        }
        Optional<String> whyNot = moveAll(legacy, chosen);
        if (whyNot.isEmpty()) {
            try {
                Files.writeString(legacy.resolveSibling(NOTE), "CounterDesk 的数据已移到 / data moved to: " + chosen
                        + System.lineSeparator());
            } catch (IOException e) {
                notice.accept("data moved to " + chosen + "; the note in " + legacy.getParent() + " could not be written: " + e);
            }
            notice.accept("CounterDesk: data moved from " + legacy + " to " + chosen);
            return new DatabaseLocation(chosen, DatabaseLocation.DEFAULT_NAME);
        }
        notice.accept("CounterDesk: using the data in " + legacy + " (not moved to " + chosen + ": " + whyNot.get()
                + "); see docs/installation.md, \"Data from an older set-up\"");
        return new DatabaseLocation(legacy, DatabaseLocation.DEFAULT_NAME);
    }

    static boolean hasDatabase(Path directory) {
        return Files.isRegularFile(directory.resolve(DatabaseLocation.DEFAULT_NAME + ".mv.db"));
    }

    /** One atomic rename of the whole directory, or nothing; empty when it was moved. */
    private static Optional<String> moveAll(Path from, Path to) {
        try {
            if (Files.isDirectory(to)) {
                try (Stream<Path> inside = Files.list(to)) {
                    if (inside.findAny().isPresent()) {
                        return Optional.of(to + " is not empty");
                    }
                }
                Files.delete(to);
            }
            if (Database.isInUse(from.resolve(DatabaseLocation.DEFAULT_NAME + ".mv.db"))) {
                return Optional.of("the database is open in another program");
            }
            Files.createDirectories(to.getParent());
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            return Optional.empty();
        } catch (AtomicMoveNotSupportedException e) {
            return Optional.of("another file system; move it by hand");
        } catch (IOException e) {
            return Optional.of(e.toString());
        }
    }

    private static String firstSet(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }
}
