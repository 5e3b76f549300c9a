package io.counterdesk.persistence;

import io.counterdesk.shared.BusinessException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What may be opened as a terminal's database (issue 13 §4): a file that exists must be an H2
 * store — an empty file or any other file is refused before H2 sees it, so it is never written to
 * (H2 would take an empty file for a new database).
 */
public final class DatabaseFile {

    /** How every H2 MVStore file begins (its first file header block). */
    private static final byte[] H2_HEADER = "H:2,".getBytes(StandardCharsets.US_ASCII);

    private DatabaseFile() {
    }

    /** Refuses a file at {@code location} that exists but is empty or not an H2 database; a missing file is fine. */
    public static void requireUsable(DatabaseLocation location) {
        Path file = location.dataFile();
        if (!Files.exists(file)) {
            return;
        }
        if (!Files.isRegularFile(file)) {
            throw new BusinessException("app.db.notADatabase", file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(H2_HEADER.length);
            if (start.length == 0) {
                throw new BusinessException("app.db.empty", file);
            }
            if (!Arrays.equals(start, H2_HEADER)) {
                throw new BusinessException("app.db.notADatabase", file);
            }
        } catch (IOException e) {
            throw new BusinessException("app.db.unreadable", file, e.getMessage());
        }
    }

    /** For commands that only read or report: the database must already exist (nothing is created). */
    public static void requireExisting(DatabaseLocation location) {
        if (!Files.exists(location.dataFile())) {
            throw new BusinessException("app.verify.noDatabase", location.dataFile());
        }
        requireUsable(location);
    }
}
