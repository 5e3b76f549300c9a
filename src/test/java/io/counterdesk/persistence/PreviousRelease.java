package io.counterdesk.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A database made by the previous release (schema V1–V17, the demo hall with 12 accounts; 14 journal
 * events), kept small under {@code src/test/resources}, copied into a test's own directory.
 */
final class PreviousRelease {

    static final String RESOURCE = "release-0.1-V17.mv.db";
    static final long JOURNAL_EVENTS = 14;
    static final String SCHEMA = "17";

    private PreviousRelease() {
    }

    static DatabaseLocation copyInto(Path directory) {
        try (InputStream in = PreviousRelease.class.getResourceAsStream(RESOURCE)) {
            Files.createDirectories(directory);
            Files.copy(in, directory.resolve(DatabaseLocation.DEFAULT_NAME + ".mv.db"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DatabaseLocation(directory, DatabaseLocation.DEFAULT_NAME);
    }
}
