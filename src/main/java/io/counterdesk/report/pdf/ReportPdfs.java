package io.counterdesk.report.pdf;

import io.counterdesk.persistence.TerminalIdentity;
import io.counterdesk.receipt.StockListing;
import io.counterdesk.security.Operator;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.I18n;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The PDF reports of this hall: each method lays out one report from its figures and returns the
 * finished PDF/A-2b file's bytes. The font is looked up on the first report, so a terminal without
 * a Chinese font starts and works; only its reports are refused, with a message naming the setting.
 */
public final class ReportPdfs {

    private final Supplier<ReportFont> fontSetting;
    private final TerminalIdentity terminal;
    private final Clock clock;
    private ReportFont font;

    /**
     * @param font looks the font up ({@link ReportFont#locate}); called once, on the first report
     */
    public ReportPdfs(Supplier<ReportFont> font, TerminalIdentity terminal, Clock clock) {
        this.fontSetting = Objects.requireNonNull(font);
        this.terminal = Objects.requireNonNull(terminal);
        this.clock = Objects.requireNonNull(clock);
    }

    /** The font the reports embed; looked up once. */
    public synchronized ReportFont font() {
        if (font == null) {
            font = fontSetting.get();
        }
        return font;
    }

    /** The receipt stock report of {@code month} (票据核对月报) from its month-end listing. */
    public byte[] receiptStock(List<StockListing> listings, YearMonth month, Operator printedBy) {
        String title = I18n.text("pdf.stock.title");
        ReportHeading heading = heading(title, I18n.text("pdf.stock.subtitle", month.toString()), month.toString(),
                printedBy);
        try (PdfReport report = PdfReport.create(font(), heading)) {
            StockReportPdf.write(report, listings);
            return report.toBytes();
        }
    }

    ReportHeading heading(String title, String subtitle, String period, Operator printedBy) {
        return new ReportHeading(title, subtitle, terminal.hallName() + "（" + terminal.hallCode() + "）", period,
                printedBy.label(), ZonedDateTime.now(clock));
    }

    /**
     * Writes {@code pdf} to {@code file} (creating its folder) through a temporary file beside it,
     * so that a crash never leaves half a report under the report's name.
     *
     * @throws BusinessException {@code pdf.write.failed} naming the file
     */
    public static Path write(Path file, byte[] pdf) {
        Path target = file.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".report-", ".tmp");
            try {
                Files.write(temp, pdf);
                try {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
            return target;
        } catch (IOException e) {
            throw new BusinessException("pdf.write.failed", target, e.getMessage());
        }
    }
}
