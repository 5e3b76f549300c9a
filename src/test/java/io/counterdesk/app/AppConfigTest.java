package io.counterdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.persistence.DatabaseLocation;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AppConfigTest {

    private static final Path OPTION = Path.of("/srv/option/hall");
    private static final Path PROPERTY = Path.of("/srv/property/hall");
    private static final Path VARIABLE = Path.of("/srv/variable/hall");
    private static final Map<String, String> ENV = Map.of("COUNTERDESK_DB", VARIABLE.toString());

    private String savedDb;
    private String savedLang;

    @BeforeEach
    void clearProperties() {
        savedDb = System.clearProperty("counterdesk.db");
        savedLang = System.clearProperty("counterdesk.lang");
    }

    @AfterEach
    void restoreProperties() {
        restore("counterdesk.db", savedDb);
        restore("counterdesk.lang", savedLang);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    @Test
    void optionWinsOverEverything() {
        System.setProperty("counterdesk.db", PROPERTY.toString());

        assertThat(AppConfig.resolve(OPTION, null, ENV).database()).isEqualTo(DatabaseLocation.of(OPTION));
    }

    @Test
    void systemPropertyWinsOverTheEnvironment() {
        System.setProperty("counterdesk.db", PROPERTY.toString());

        assertThat(AppConfig.resolve(null, null, ENV).database()).isEqualTo(DatabaseLocation.of(PROPERTY));
    }

    @Test
    void environmentWinsOverTheDefault() {
        assertThat(AppConfig.resolve(null, null, ENV).database()).isEqualTo(DatabaseLocation.of(VARIABLE));
    }

    @Test
    void defaultIsInTheUsersHomeOutsideAnyWorkingTree() {
        DatabaseLocation location = AppConfig.resolve(null, null, Map.of()).database();

        assertThat(location).isEqualTo(DatabaseLocation.defaultLocation());
        assertThat(location.dataFile()).isEqualTo(
                Path.of(System.getProperty("user.home"), ".counterdesk", "data", "counterdesk.mv.db"));
    }

    @Test
    void blankSettingsCountAsNotGiven() {
        System.setProperty("counterdesk.db", " ");

        assertThat(AppConfig.resolve(null, null, ENV).database()).isEqualTo(DatabaseLocation.of(VARIABLE));
        assertThat(AppConfig.resolve(null, null, Map.of("COUNTERDESK_DB", "")).database())
                .isEqualTo(DatabaseLocation.defaultLocation());
    }

    @Test
    void dataFileNameIsAcceptedWithOrWithoutItsSuffix() {
        assertThat(AppConfig.resolve(Path.of("/srv/hall.mv.db"), null, Map.of()).database())
                .isEqualTo(AppConfig.resolve(Path.of("/srv/hall"), null, Map.of()).database());
    }

    @Test
    void languageFollowsTheSamePrecedenceAndDefaultsToChinese() {
        Map<String, String> englishEnv = Map.of("COUNTERDESK_LANG", "en");

        assertThat(AppConfig.resolve(OPTION, null, Map.of()).locale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(AppConfig.resolve(OPTION, null, englishEnv).locale()).isEqualTo(Locale.ENGLISH);
        System.setProperty("counterdesk.lang", "zh");
        assertThat(AppConfig.resolve(OPTION, null, englishEnv).locale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(AppConfig.resolve(OPTION, "EN", englishEnv).locale()).isEqualTo(Locale.ENGLISH);
        assertThat(AppConfig.resolve(OPTION, "fr", englishEnv).locale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void resolvedConfigurationLoadsTheDemoHallOnFirstRun() {
        AppConfig config = AppConfig.resolve(OPTION, null, Map.of());

        assertThat(config.demoOnFirstRun()).isTrue();
        assertThat(config.demoAccounts()).isEqualTo(AppConfig.DEFAULT_DEMO_ACCOUNTS);
        assertThat(config.withDemoAccounts(20).demoAccounts()).isEqualTo(20);
    }
}
