package io.counterdesk.report.pdf;

import io.counterdesk.persistence.DatabaseLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The report archive: a folder {@value #FOLDER} beside the database, with one folder per business
 * day ({@code reports/2026-12-02/}) for the day's cash and hall reports, and one per month
 * ({@code reports/2026-12/}) for monthly ones. A report written again replaces the earlier file,
 * except a signed-off day's ({@link #saveDay}).
 */
public record ReportArchive(Path root) {

    public static final String FOLDER = "reports";

    public ReportArchive {
        root = root.toAbsolutePath();
    }

    public static ReportArchive beside(DatabaseLocation database) {
        return new ReportArchive(database.directory().resolve(FOLDER));
    }

    public Path day(LocalDate day) {
        return root.resolve(day.toString());
    }

    public Path month(YearMonth month) {
        return root.resolve(month.toString());
    }

    /**
     * Writes a day's report. The copy archived for a signed-off day is never replaced: written again
     * later (after a reversal on a later day corrected one of its payments, or for any other reason),
     * it goes beside it as {@code hall-corrected-2026-12-05.pdf} (the date it was written; written
     * twice that date, the later replaces the earlier). A day not signed off is simply replaced.
     */
    public Path saveDay(Path folder, boolean signed, String fileName, LocalDate today, byte[] pdf) {
        if (signed && Files.exists(folder.resolve(fileName))) {
            return save(folder, correctedName(fileName, today), pdf);
        }
        return save(folder, fileName, pdf);
    }

    /** {@code hall.pdf} written again on 2026-12-05: {@code hall-corrected-2026-12-05.pdf}. */
    public static String correctedName(String fileName, LocalDate today) {
        int dot = fileName.lastIndexOf('.');
        return fileName.substring(0, dot) + "-corrected-" + today + fileName.substring(dot);
    }

    /** Writes {@code pdf} as {@code fileName} into {@code folder} (see {@link ReportPdfs#write}). */
    public Path save(Path folder, String fileName, byte[] pdf) {
        return ReportPdfs.write(folder.resolve(fileName), pdf);
    }
}
