package io.counterdesk.persistence;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;

/**
 * Whether a database's schema is exactly the program's, seen without Flyway (issue 15 §3: Flyway's
 * class-path scan, info and validation took 1.5–2 s of a cold start at 1,000,000 accounts): the
 * versions its history holds, all successful, equal the versions of the migrations on the class path
 * ({@code db/migration/V<n>__*.sql} and {@code .class}). Then {@link Database#open} skips Flyway; in
 * every other case (a migration pending, a newer or failed one, anything not listed) Flyway runs as
 * before. Checksums of applied migrations are compared only then and by {@code verify}.
 */
final class SchemaUpToDate {

    private static final String FOLDER = "db/migration";
    private static final Pattern MIGRATION = Pattern.compile("V(\\d+(?:[._]\\d+)*)__[^$/]+\\.(?:sql|class)");

    private SchemaUpToDate() {
    }

    /** True only when the applied versions are exactly the program's migrations, every one successful. */
    static boolean check(Handle handle) {
        Set<String> known = knownVersions();
        if (known.isEmpty()) {
            return false;
        }
        try {
            Set<String> applied = new TreeSet<>();
            boolean[] clean = {true};
            // Flyway's own marker rows (the history table or schema made) have no version
            handle.createQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\" "
                            + "WHERE \"type\" NOT IN ('TABLE', 'SCHEMA')")
                    .map((rs, ctx) -> {
                        if (!rs.getBoolean(2)) {
                            clean[0] = false;
                        }
                        return rs.getString(1);
                    })
                    .forEach(version -> {
                        if (version == null) {
                            clean[0] = false; // a baseline or repeatable migration: Flyway's business
                        } else {
                            applied.add(normalise(version));
                        }
                    });
            return clean[0] && applied.equals(known);
        } catch (RuntimeException noHistory) {
            return false; // a new database: Flyway creates it
        }
    }

    /** The versions of the migrations on the class path ("31", "1.2" for V1_2), empty when they cannot be listed. */
    static Set<String> knownVersions() {
        Set<String> versions = new TreeSet<>();
        try {
            Enumeration<URL> folders = SchemaUpToDate.class.getClassLoader().getResources(FOLDER);
            while (folders.hasMoreElements()) {
                URL folder = folders.nextElement();
                if ("file".equals(folder.getProtocol())) {
                    try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
                        files.forEach(file -> add(versions, file.getFileName().toString()));
                    }
                } else if ("jar".equals(folder.getProtocol())) {
                    JarURLConnection connection = (JarURLConnection) folder.openConnection();
                    connection.setUseCaches(false);
                    try (JarFile jar = connection.getJarFile()) {
                        jar.stream().map(entry -> entry.getName())
                                .filter(name -> name.startsWith(FOLDER + "/") && name.indexOf('/', FOLDER.length() + 1) < 0)
                                .forEach(name -> add(versions, name.substring(FOLDER.length() + 1)));
                    }
                } else {
                    return Set.of();
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Set.of();
        }
        return versions;
    }

    private static void add(Set<String> versions, String fileName) {
        Matcher m = MIGRATION.matcher(fileName);
        if (m.matches()) {
            versions.add(normalise(m.group(1)));
        }
    }

    private static String normalise(String version) {
        return version.replace('_', '.');
    }
}
