package io.counterdesk.report.pdf;

import io.counterdesk.persistence.DatabaseLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The report archive: a folder {@value #FOLDER} beside the database, with one folder per business
 * day ({@code reports/2026-12-02/}) for the day's cash and hall reports, and one per month
 * ({@code reports/2026-12/}) for monthly ones. A report written again replaces the earlier file,
 * except one written for a signed-off day ({@link #saveDay}).
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
     * Writes a day's report ({@code pdf}, stamped {@link Stamp#of}{@code (signed)}). The copy archived
     * for a signed-off day is never replaced: written again later (after a reversal on a later day
     * corrected one of its payments, or for any other reason), it goes beside it as
     * {@code hall-corrected-2026-12-05.pdf} (the date it was written; written twice that date, the later
     * replaces the earlier). Whether the file there was written for the signed day, the file itself
     * says ({@link #stampOf}): a copy written before the sign-off ({@code day-report} the evening
     * before, the sign-off the next morning) is replaced by the signed one. A file without the stamp
     * (from an earlier version) is kept when {@code signed}, as that version did.
     */
    public Path saveDay(Path folder, boolean signed, String fileName, LocalDate today, byte[] pdf) {
        Path existing = folder.resolve(fileName);
        if (Files.exists(existing) && keeps(stampOf(existing), signed)) {
            if (sameContents(existing, pdf)) {
                // nothing was corrected: the signed copy stands, and nothing is called "corrected"
                return existing;
            }
            return save(folder, correctedName(fileName, today), pdf);
        }
        return save(folder, fileName, pdf);
    }

    /**
     * Whether the report in {@code file} says exactly what {@code pdf} says, apart from its footer
     * (who printed it and when): the text of every page compared (issue 13 §4).
     */
    static boolean sameContents(Path file, byte[] pdf) {
        try (PDDocument before = Loader.loadPDF(new RandomAccessReadBufferedFile(file));
             PDDocument now = Loader.loadPDF(pdf)) {
            return withoutFooter(before).equals(withoutFooter(now));
        } catch (IOException e) {
            return false;
        }
    }

    private static String withoutFooter(PDDocument document) throws IOException {
        String printed = io.counterdesk.shared.I18n.text("pdf.footer.printed", "\u0001", "");
        String prefix = java.util.regex.Pattern.quote(printed.substring(0, printed.indexOf('\u0001')));
        return new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("(?m)" + prefix + ".*$", "");
    }

    private static boolean keeps(Stamp existing, boolean signed) {
        return switch (existing) {
            case SIGNED_DAY -> true;
            case UNSIGNED_DAY -> false;
            case NONE -> signed;
        };
    }

    /** What the report in {@code file} says of its day; {@link Stamp#NONE} when it says nothing or is not a PDF. */
    public static Stamp stampOf(Path file) {
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBufferedFile(file))) {
            String keywords = document.getDocumentInformation().getKeywords();
            if (keywords != null) {
                for (String keyword : keywords.split("[\\s,;]+")) {
                    for (Stamp stamp : Stamp.values()) {
                        if (keyword.equals(stamp.keywords)) {
                            return stamp;
                        }
                    }
                }
            }
            return Stamp.NONE;
        } catch (IOException e) {
            return Stamp.NONE;
        }
    }

    /**
     * What a day report says of the day it was written for, in its own keywords (the PDF's document
     * information and XMP; {@code pdfinfo} shows them): {@code counterdesk:signed-day} or
     * {@code counterdesk:unsigned-day}. {@link #NONE}: no such keyword (a report of an earlier version,
     * a report not meant for the day's folder, or a file that cannot be read).
     */
    public enum Stamp {
        SIGNED_DAY("counterdesk:signed-day"), UNSIGNED_DAY("counterdesk:unsigned-day"), NONE(null);

        private final String keywords;

        Stamp(String keywords) {
            this.keywords = keywords;
        }

        public static Stamp of(boolean signed) {
            return signed ? SIGNED_DAY : UNSIGNED_DAY;
        }

        /** The keywords to write; null for {@link #NONE}. */
        String keywords() {
            return keywords;
        }
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
