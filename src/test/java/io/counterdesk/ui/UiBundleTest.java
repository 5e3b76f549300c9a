package io.counterdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.shared.I18n;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The texts of the counter screens: English complete, placeholders matching, and every key the code uses present. */
class UiBundleTest {

    private static final String CHINESE = "/io/counterdesk/i18n/ui.properties";
    private static final String ENGLISH = "/io/counterdesk/i18n/ui_en.properties";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");
    private static final Pattern KEY_IN_CODE = Pattern.compile("\"(ui\\.[A-Za-z0-9_.]*[A-Za-z0-9_])\"");

    @Test
    void englishHasEveryChineseKeyAndNoOthers() throws IOException {
        Set<String> chineseKeys = new TreeSet<>(load(CHINESE).stringPropertyNames());
        Set<String> englishKeys = new TreeSet<>(load(ENGLISH).stringPropertyNames());

        assertThat(chineseKeys).hasSizeGreaterThan(100);
        assertThat(englishKeys).as("keys in %s", ENGLISH).containsExactlyElementsOf(chineseKeys);
    }

    @Test
    void everyKeyIsAUiKeyWithAText() throws IOException {
        for (String file : new String[] {CHINESE, ENGLISH}) {
            Properties texts = load(file);
            for (String key : texts.stringPropertyNames()) {
                assertThat(key).as(file).startsWith("ui.");
                assertThat(texts.getProperty(key)).as("%s in %s", key, file).isNotBlank();
            }
        }
    }

    @Test
    void bothLanguagesUseTheSamePlaceholders() throws IOException {
        Properties chinese = load(CHINESE);
        Properties english = load(ENGLISH);
        for (String key : chinese.stringPropertyNames()) {
            assertThat(placeholders(english.getProperty(key))).as(key)
                    .isEqualTo(placeholders(chinese.getProperty(key)));
        }
    }

    @Test
    void englishTextsHaveNoChineseCharacters() throws IOException {
        Properties english = load(ENGLISH);
        for (String key : english.stringPropertyNames()) {
            assertThat(english.getProperty(key)).as(key).doesNotContainPattern("\\p{IsHan}");
        }
    }

    @Test
    void textsHaveNoSingleQuoteThatMessageFormatWouldSwallow() throws IOException {
        for (String file : new String[] {CHINESE, ENGLISH}) {
            Properties texts = load(file);
            for (String key : texts.stringPropertyNames()) {
                String text = texts.getProperty(key);
                if (PLACEHOLDER.matcher(text).find()) {
                    assertThat(text.replace("''", "")).as("%s in %s", key, file).doesNotContain("'");
                }
            }
        }
    }

    @Test
    void everyUiKeyInTheCodeHasATextInBothLanguages() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/counterdesk"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = KEY_IN_CODE.matcher(Files.readString(file));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
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

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = UiBundleTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
