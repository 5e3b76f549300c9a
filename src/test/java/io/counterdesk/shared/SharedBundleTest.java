package io.counterdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The texts of package {@code shared}: both languages complete, and every key the code throws present. */
class SharedBundleTest {

    private static final BundleCheck TEXTS = new BundleCheck("/io/counterdesk/i18n/shared.properties",
            "/io/counterdesk/i18n/shared_en.properties");

    @Test
    void everyChineseKeyHasAnEnglishTextAndViceVersa() throws IOException {
        TEXTS.bothLanguagesComplete(1);
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
        assertThat(TEXTS.chineseTexts().getProperty(key)).isNotBlank();
        assertThat(TEXTS.englishTexts().getProperty(key)).isNotBlank();
        assertThat(I18n.text(I18n.CHINESE, key, "x")).isEqualTo(formatted(TEXTS.chineseTexts().getProperty(key)));
        assertThat(I18n.text(Locale.ENGLISH, key, "x")).isEqualTo(formatted(TEXTS.englishTexts().getProperty(key)));
    }

    @Test
    void keysBelongToThisPackage() throws IOException {
        TEXTS.keysMatchAndHaveTexts("(money|validation|shared|durability)\\..+");
    }

    @Test
    void chineseTextsAreChineseAndEnglishTextsAreNot() throws IOException {
        TEXTS.textsAreInTheirLanguage();
    }

    @Test
    void textsHaveNoSingleQuoteThatMessageFormatWouldSwallow() throws IOException {
        TEXTS.noStraySingleQuote();
    }

    private static String formatted(String pattern) {
        return pattern.replace("{0}", "x");
    }
}
