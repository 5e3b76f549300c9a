package io.counterdesk.headoffice;

import io.counterdesk.shared.BundleCheck;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Head office's page and report texts: both languages complete, same placeholders, each in its language. */
class HeadOfficeBundleTest {

    private static final BundleCheck TEXTS = new BundleCheck("/io/counterdesk/i18n/headoffice.properties",
            "/io/counterdesk/i18n/headoffice_en.properties");

    @Test
    void bothLanguagesHoldTheSameKeysWithTheSamePlaceholders() throws IOException {
        TEXTS.bothLanguagesComplete(60);
        TEXTS.samePlaceholders();
    }

    @Test
    void textsAreInTheirLanguageWithoutAStraySingleQuote() throws IOException {
        TEXTS.textsAreInTheirLanguage();
        TEXTS.englishHasNoChinese();
        TEXTS.noStraySingleQuote();
    }
}
