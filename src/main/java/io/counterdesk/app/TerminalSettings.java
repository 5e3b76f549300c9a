package io.counterdesk.app;

import io.counterdesk.card.ReaderDialect;
import io.counterdesk.persistence.DatabaseLocation;
import io.counterdesk.printing.PrinterConfig;
import io.counterdesk.report.pdf.ReportFont;
import io.counterdesk.shared.BusinessException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The terminal's device settings: {@code counterdesk.properties} beside the database file (UTF-8,
 * keys {@code printer.*}, see {@code docs/printing.md}, and {@code card.reader}). Without that file
 * the terminal is in demo mode: receipts go to the built-in capture printer, which also keeps each
 * job under {@code receipts/} beside the database, and cards to the in-process simulated reader
 * with the demo cards kept under {@code demo-cards/}.
 *
 * <p>{@code card.reader=PC/SC} uses the PC/SC readers ({@code card.reader.name} picks one by its
 * name, else the first attached); {@code card.reader=simulated} the simulated reader with the demo
 * cards. Without {@code card.reader}, a demo terminal uses the simulated reader and a configured
 * one PC/SC.
 */
public record TerminalSettings(Path file, Map<String, String> values) {

    public static final String FILE_NAME = "counterdesk.properties";

    public TerminalSettings {
        values = Map.copyOf(values);
    }

    public static TerminalSettings load(DatabaseLocation database) {
        Path file = database.directory().resolve(FILE_NAME);
        Map<String, String> values = new HashMap<>();
        if (Files.isRegularFile(file)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new BusinessException("app.settings.unreadable", file, e.getMessage());
            }
            properties.stringPropertyNames().forEach(k -> values.put(k, properties.getProperty(k).strip()));
        }
        return new TerminalSettings(file, values);
    }

    public boolean isDemo() {
        return !values.containsKey("printer.kind");
    }

    /** Which card readers the counter uses. */
    public enum ReaderKind {
        PCSC,
        SIMULATED
    }

    /**
     * The card reader setting: the kind and, for PC/SC, the reader's name if one is given, and the
     * reader's command dialect ({@code card.reader.dialect}: {@code acs}, {@code pcsc-part3} or
     * {@code auto}, the default: by the reader's name — see {@code docs/card-layout.md}).
     */
    public record CardReaderSetting(ReaderKind kind, Optional<String> readerName, Path demoCards, String dialect) {

        public CardReaderSetting(ReaderKind kind, Optional<String> readerName, Path demoCards) {
            this(kind, readerName, demoCards, "auto");
        }
    }

    public CardReaderSetting cardReader() {
        String kind = values.getOrDefault("card.reader", "").strip();
        Optional<String> name = Optional.ofNullable(values.get("card.reader.name")).map(String::strip)
                .filter(n -> !n.isEmpty());
        Path demoCards = file.resolveSibling("demo-cards");
        String dialect = values.getOrDefault("card.reader.dialect", "auto").strip();
        try {
            ReaderDialect.of(dialect, "");
        } catch (IllegalArgumentException unknown) {
            throw new BusinessException("app.settings.cardReaderDialect", file, dialect);
        }
        if (kind.isEmpty()) {
            return new CardReaderSetting(isDemo() ? ReaderKind.SIMULATED : ReaderKind.PCSC, name, demoCards, dialect);
        }
        if (kind.equalsIgnoreCase("PC/SC") || kind.equalsIgnoreCase("pcsc")) {
            return new CardReaderSetting(ReaderKind.PCSC, name, demoCards, dialect);
        }
        if (kind.equalsIgnoreCase("simulated")) {
            return new CardReaderSetting(ReaderKind.SIMULATED, Optional.empty(), demoCards);
        }
        throw new BusinessException("app.settings.cardReader", file, kind);
    }

    /**
     * The Chinese font of the PDF reports: {@code report.font} (a file; relative to this file's folder)
     * and {@code report.font.name}, else the usual system fonts (see {@link ReportFont}).
     *
     * @param env the environment, for Windows' font folder
     */
    public ReportFont reportFont(Map<String, String> env) {
        Optional<Path> font = Optional.ofNullable(values.get(ReportFont.SETTING)).filter(v -> !v.isBlank())
                .map(v -> file.resolveSibling(v));
        return ReportFont.locate(font, Optional.ofNullable(values.get(ReportFont.NAME_SETTING)), env);
    }

    public PrinterConfig printer() {
        if (isDemo()) {
            return PrinterConfig.builder(PrinterConfig.Kind.CAPTURE)
                    .captureDirectory(file.resolveSibling("receipts"))
                    .build();
        }
        return PrinterConfig.fromProperties(values);
    }
}
