package io.counterdesk.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** Which files of a report folder a command left as they were (to say "unchanged" instead of "written"). */
final class ReportFiles {

    private ReportFiles() {
    }

    /** Each file in {@code folder} with its modification time, size and file key; empty if there is no folder. */
    static Map<Path, Object> snapshot(Path folder) {
        Map<Path, Object> files = new HashMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> list = Files.list(folder)) {
            list.forEach(file -> files.put(file.toAbsolutePath(), identity(file)));
        } catch (IOException e) {
            return Map.of();
        }
        return files;
    }

    static boolean unchanged(Map<Path, Object> before, Path file) {
        Object was = before.get(file.toAbsolutePath());
        return was != null && was.equals(identity(file));
    }

    private static Object identity(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.lastModifiedTime() + "/" + a.size() + "/" + a.fileKey();
        } catch (IOException e) {
            return file;
        }
    }
}
