package io.counterdesk.account.opening;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.account.UseType;
import io.counterdesk.shared.BundleCheck;
import io.counterdesk.shared.I18n;
import java.io.IOException;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The opening texts: both languages with the same keys, every enum constant named in both. */
class OpeningBundleTest {

    private static final BundleCheck TEXTS = new BundleCheck("/io/counterdesk/i18n/opening.properties",
            "/io/counterdesk/i18n/opening_en.properties");

    @Test
    void everyChineseKeyHasAnEnglishTextAndViceVersa() throws IOException {
        TEXTS.bothLanguagesComplete(1);
        TEXTS.keysMatchAndHaveTexts("(opening\\.|ui\\.opening\\.|ui\\.keys\\.opening|ui\\.keys\\.group\\.opening"
                + "|ui\\.transfer\\.|ui\\.keys\\.transfer|ui\\.keys\\.group\\.transfer).*");
        Properties chinese = TEXTS.chineseTexts();
        for (String key : chinese.stringPropertyNames()) {
            assertThat(I18n.text(Locale.ENGLISH, key, 1, 2, 3)).as(key).doesNotContainPattern("\\p{IsHan}");
            assertThat(chinese.getProperty(key)).as(key).doesNotContain("'");
        }
    }

    @Test
    void everyEnumConstantTheScreenAndPrintoutNameHasATextInBothLanguages() {
        Stream<String> keys = Stream.of(
                Stream.of(BuildingType.values()).map(v -> "opening.building." + v.name()),
                Stream.of(UnitNature.values()).map(v -> "opening.nature." + v.name()),
                Stream.of(GasPurpose.values()).map(v -> "opening.purpose." + v.name()),
                Stream.of(Bank.values()).map(v -> "opening.bank." + v.name()),
                Stream.of(Document.values()).map(v -> "opening.document." + v.name()),
                Stream.of(UseType.values()).map(v -> "account.use." + v.name())).flatMap(s -> s);
        keys.forEach(key -> {
            assertThat(I18n.has(I18n.CHINESE, key)).as(key).isTrue();
            assertThat(I18n.has(Locale.ENGLISH, key)).as(key).isTrue();
        });
    }
}
