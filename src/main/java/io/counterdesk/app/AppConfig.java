package io.counterdesk.app;

import io.counterdesk.persistence.DatabaseLocation;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How this run of CounterDesk is configured. The database location comes from, in order: the
 * {@code --db} option, the {@code counterdesk.db} system property, the {@code COUNTERDESK_DB}
 * environment variable, and finally {@code ~/.counterdesk/data/counterdesk}.
 */
public record AppConfig(DatabaseLocation database, Locale locale, Clock clock, boolean demoOnFirstRun,
                        int demoAccounts) {

    public static final int DEFAULT_DEMO_ACCOUNTS = 10_000;

    public AppConfig {
        Objects.requireNonNull(database);
        Objects.requireNonNull(locale);
        Objects.requireNonNull(clock);
    }

    public static AppConfig resolve(Path dbOption, String lang) {
        return resolve(dbOption, lang, System.getenv());
    }

    static AppConfig resolve(Path dbOption, String lang, Map<String, String> env) {
        DatabaseLocation location;
        if (dbOption != null) {
            location = DatabaseLocation.of(dbOption);
        } else if (System.getProperty("counterdesk.db") != null) {
            location = DatabaseLocation.of(Path.of(System.getProperty("counterdesk.db")));
        } else if (env.get("COUNTERDESK_DB") != null && !env.get("COUNTERDESK_DB").isBlank()) {
            location = DatabaseLocation.of(Path.of(env.get("COUNTERDESK_DB")));
        } else {
            location = DatabaseLocation.defaultLocation();
        }
        String language = lang != null ? lang : System.getProperty("counterdesk.lang", env.getOrDefault("COUNTERDESK_LANG", "zh"));
        Locale locale = "en".equalsIgnoreCase(language) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        return new AppConfig(location, locale, Clock.systemDefaultZone(), true, DEFAULT_DEMO_ACCOUNTS);
    }

    public AppConfig withClock(Clock replacement) {
        return new AppConfig(database, locale, replacement, demoOnFirstRun, demoAccounts);
    }

    public AppConfig withDemoAccounts(int count) {
        return new AppConfig(database, locale, clock, demoOnFirstRun, count);
    }
}
