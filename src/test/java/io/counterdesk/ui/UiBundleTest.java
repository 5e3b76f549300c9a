package io.counterdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.shared.BundleCheck;
import io.counterdesk.shared.I18n;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The texts of the counter screens: English complete, placeholders matching, and every key the code uses present. */
class UiBundleTest {

    /** The ui texts, and the ui keys anywhere in the program (some features keep their ui texts in their own bundle). */
    private static final BundleCheck TEXTS = new BundleCheck("/io/counterdesk/i18n/ui.properties",
            "/io/counterdesk/i18n/ui_en.properties", List.of(Path.of("src/main/java/io/counterdesk")),
            Pattern.compile("\"(ui\\.[A-Za-z0-9_.]*[A-Za-z0-9_])\""));
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    @Test
    void englishHasEveryChineseKeyAndNoOthers() throws IOException {
        TEXTS.bothLanguagesComplete(101);
    }

    @Test
    void everyKeyIsAUiKeyWithAText() throws IOException {
        TEXTS.keysMatchAndHaveTexts("ui\\..*");
    }

    @Test
    void bothLanguagesUseTheSamePlaceholders() throws IOException {
        TEXTS.samePlaceholders();
    }

    @Test
    void englishTextsHaveNoChineseCharacters() throws IOException {
        TEXTS.englishHasNoChinese();
    }

    /** Only texts with a placeholder go through MessageFormat here; "Manager's password" is shown as written. */
    @Test
    void textsHaveNoSingleQuoteThatMessageFormatWouldSwallow() throws IOException {
        for (Properties texts : List.of(TEXTS.chineseTexts(), TEXTS.englishTexts())) {
            for (String key : texts.stringPropertyNames()) {
                String text = texts.getProperty(key);
                if (PLACEHOLDER.matcher(text).find()) {
                    assertThat(text.replace("''", "")).as(key).doesNotContain("'");
                }
            }
        }
    }

    @Test
    void everyUiKeyInTheCodeHasATextInBothLanguages() throws IOException {
        Set<String> used = TEXTS.keysInSources();
        for (DeviceState state : DeviceState.values()) {
            used.add("ui.device." + state.name());
        }
        assertThat(used).hasSizeGreaterThan(50);
        for (String key : used) {
            assertThat(I18n.has(I18n.CHINESE, key)).as("Chinese text for %s", key).isTrue();
            assertThat(I18n.has(Locale.ENGLISH, key)).as("English text for %s", key).isTrue();
        }
    }

    @Test
    void textsFormatInBothLanguages() {
        assertThat(I18n.text(I18n.CHINESE, "ui.search.found", 3)).isEqualTo("找到 3 户");
        assertThat(I18n.text(Locale.ENGLISH, "ui.search.found", 3)).isEqualTo("3 found");
        assertThat(I18n.text(I18n.CHINESE, "ui.status.cardReader", I18n.text(I18n.CHINESE, "ui.device.NOT_CONNECTED")))
                .isEqualTo("读卡器：未连接");
    }
}
