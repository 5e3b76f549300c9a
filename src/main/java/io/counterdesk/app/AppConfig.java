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
 * environment variable, and finally the data directory {@link DataHome} picks ({@code COUNTERDESK_DATA};
 * an installed program's operating-system place; a checkout's {@code ~/.counterdesk/data}).
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
        String property = System.getProperty("counterdesk.db");
        String variable = env.get("COUNTERDESK_DB");
        if (dbOption != null) {
            location = DatabaseLocation.of(dbOption);
        } else if (isSet(property)) {
            location = DatabaseLocation.of(Path.of(property.strip()));
        } else if (isSet(variable)) {
            location = DatabaseLocation.of(Path.of(variable.strip()));
        } else {
            location = DataHome.ofThisMachine(env).resolve(System.err::println);
        }
        String language = isSet(lang) ? lang.strip()
                : isSet(System.getProperty("counterdesk.lang")) ? System.getProperty("counterdesk.lang").strip()
                : isSet(env.get("COUNTERDESK_LANG")) ? env.get("COUNTERDESK_LANG").strip()
                : "zh";
        Locale locale = "en".equalsIgnoreCase(language) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        return new AppConfig(location, locale, Clock.systemDefaultZone(), true, DEFAULT_DEMO_ACCOUNTS);
    }

    /** An empty or blank setting (e.g. {@code -Dcounterdesk.db=}) counts as not given. */
    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    public AppConfig withClock(Clock replacement) {
        return new AppConfig(database, locale, replacement, demoOnFirstRun, demoAccounts);
    }

    /** The same configuration, but refusing an empty database instead of filling it with demo data. */
    public AppConfig withoutDemo() {
        return new AppConfig(database, locale, clock, false, demoAccounts);
    }

    public AppConfig withDemoAccounts(int count) {
        return new AppConfig(database, locale, clock, demoOnFirstRun, count);
    }
}
