package io.counterdesk.app;

import io.counterdesk.persistence.DatabaseLocation;
import io.counterdesk.printing.PrinterConfig;
import io.counterdesk.shared.BusinessException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The terminal's device settings: {@code counterdesk.properties} beside the database file (UTF-8,
 * keys {@code printer.*}, see {@code docs/printing.md}). Without that file the terminal is in demo
 * mode: receipts go to the built-in capture printer, which also keeps each job under
 * {@code receipts/} beside the database.
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

    public PrinterConfig printer() {
        if (isDemo()) {
            return PrinterConfig.builder(PrinterConfig.Kind.CAPTURE)
                    .captureDirectory(file.resolveSibling("receipts"))
                    .build();
        }
        return PrinterConfig.fromProperties(values);
    }
}
