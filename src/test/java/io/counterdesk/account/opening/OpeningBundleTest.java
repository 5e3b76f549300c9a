package io.counterdesk.account.opening;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.account.UseType;
import io.counterdesk.shared.I18n;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The opening texts: both languages with the same keys, every enum constant named in both. */
class OpeningBundleTest {

    @Test
    void everyChineseKeyHasAnEnglishTextAndViceVersa() throws IOException {
        Set<String> chinese = new TreeSet<>(load("/io/counterdesk/i18n/opening.properties").stringPropertyNames());
        Set<String> english = new TreeSet<>(load("/io/counterdesk/i18n/opening_en.properties").stringPropertyNames());

        assertThat(chinese).isNotEmpty().allMatch(k -> k.startsWith("opening.") || k.startsWith("ui.opening.")
                || k.startsWith("ui.keys.opening") || k.startsWith("ui.keys.group.opening")
                || k.startsWith("ui.transfer.") || k.startsWith("ui.keys.transfer") || k.startsWith("ui.keys.group.transfer"));
        assertThat(english).containsExactlyElementsOf(chinese);
        for (String key : chinese) {
            assertThat(I18n.text(Locale.ENGLISH, key, 1, 2, 3)).as(key).doesNotContainPattern("\\p{IsHan}");
            assertThat(load("/io/counterdesk/i18n/opening.properties").getProperty(key)).as(key).doesNotContain("'");
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

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = OpeningBundleTest.class.getResourceAsStream(resource)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
