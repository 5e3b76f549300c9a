package io.counterdesk.report.pdf;

import io.counterdesk.persistence.DatabaseLocation;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The report archive: a folder {@value #FOLDER} beside the database, with one folder per business
 * day ({@code reports/2026-12-02/}) for the day's cash and hall reports, and one per month
 * ({@code reports/2026-12/}) for monthly ones. A report written again replaces the earlier file.
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

    /** Writes {@code pdf} as {@code fileName} into {@code folder} (see {@link ReportPdfs#write}). */
    public Path save(Path folder, String fileName, byte[] pdf) {
        return ReportPdfs.write(folder.resolve(fileName), pdf);
    }
}
