package io.counterdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The texts of package {@code shared}: both languages complete, and every key the code throws present. */
class SharedBundleTest {

    private static final String CHINESE = "/io/counterdesk/i18n/shared.properties";
    private static final String ENGLISH = "/io/counterdesk/i18n/shared_en.properties";

    @Test
    void everyChineseKeyHasAnEnglishTextAndViceVersa() throws IOException {
        Set<String> chineseKeys = new TreeSet<>(load(CHINESE).stringPropertyNames());
        Set<String> englishKeys = new TreeSet<>(load(ENGLISH).stringPropertyNames());

        assertThat(chineseKeys).isNotEmpty();
        assertThat(englishKeys).as("keys in %s", ENGLISH).containsExactlyElementsOf(chineseKeys);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "money.invalid",
        "validation.id.format",
        "validation.id.region",
        "validation.id.birthdate",
        "validation.id.checkdigit",
        "validation.uscc.format",
        "validation.uscc.checkchar",
        "validation.phone.invalid"
    })
    void everyKeyTheCodeThrowsHasATextInBothLanguages(String key) throws IOException {
        assertThat(load(CHINESE).getProperty(key)).isNotBlank();
        assertThat(load(ENGLISH).getProperty(key)).isNotBlank();
        assertThat(I18n.text(I18n.CHINESE, key, "x")).isEqualTo(formatted(load(CHINESE).getProperty(key)));
        assertThat(I18n.text(Locale.ENGLISH, key, "x")).isEqualTo(formatted(load(ENGLISH).getProperty(key)));
    }

    @Test
    void keysBelongToThisPackage() throws IOException {
        assertThat(load(CHINESE).stringPropertyNames())
                .allSatisfy(key -> assertThat(key).matches("(money|validation)\\..+"));
    }

    @Test
    void chineseTextsAreChineseAndEnglishTextsAreNot() throws IOException {
        Properties chinese = load(CHINESE);
        Properties english = load(ENGLISH);

        for (String key : chinese.stringPropertyNames()) {
            assertThat(chinese.getProperty(key)).as(key).containsPattern("\\p{IsHan}");
            assertThat(english.getProperty(key)).as(key).doesNotContainPattern("\\p{IsHan}");
        }
    }

    @Test
    void textsHaveNoSingleQuoteThatMessageFormatWouldSwallow() throws IOException {
        for (String file : new String[] {CHINESE, ENGLISH}) {
            Properties texts = load(file);
            for (String key : texts.stringPropertyNames()) {
                assertThat(texts.getProperty(key).replace("''", "")).as("%s in %s", key, file).doesNotContain("'");
            }
        }
    }

    private static String formatted(String pattern) {
        return pattern.replace("{0}", "x");
    }

    private static Properties load(String resource) throws IOException {
        try (InputStream in = SharedBundleTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }
}
