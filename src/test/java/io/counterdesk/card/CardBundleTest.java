package io.counterdesk.card;

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

/** The texts of package {@code card}: both languages complete, and every key the card code uses present. */
class CardBundleTest {

    private static final String CHINESE = "/io/counterdesk/i18n/card.properties";
    private static final String ENGLISH = "/io/counterdesk/i18n/card_en.properties";
    private static final Path SOURCES = Path.of("src/main/java/io/counterdesk/card");
    private static final Pattern KEY = Pattern.compile("\"(card\\.[A-Za-z.]+)\"");

    @Test
    void everyChineseKeyHasAnEnglishTextAndViceVersa() throws IOException {
        Set<String> chineseKeys = new TreeSet<>(load(CHINESE).stringPropertyNames());

        assertThat(chineseKeys).isNotEmpty();
        assertThat(new TreeSet<>(load(ENGLISH).stringPropertyNames())).as("keys in %s", ENGLISH)
                .containsExactlyElementsOf(chineseKeys);
    }

    @Test
    void everyKeyInTheCardSourcesHasATextInBothLanguagesAndEveryTextIsUsed() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher matcher = KEY.matcher(Files.readString(file));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }

        // the names of the card settings are database setting names, not texts
        used.removeAll(Set.of(CardSettings.SECRET, CardSettings.UTILITY_CODE, CardSettings.AREA_CODE,
                CardSettings.MAX_PURCHASE));
        assertThat(used).contains("card.blank", "card.forged", "card.pscLockRisk", "card.writeUncertain");
        for (String key : used) {
            assertThat(I18n.text(I18n.CHINESE, key, 1)).as(key).containsPattern("\\p{IsHan}").doesNotContain("{");
            assertThat(I18n.text(Locale.ENGLISH, key, 1)).as(key).isNotBlank().doesNotContain("{");
        }
        assertThat(load(CHINESE).stringPropertyNames()).as("texts no code uses").isSubsetOf(used);
    }

    @Test
    void aCardExceptionSpeaksChineseToTheCashier() {
        CardException locked = new CardException(CardException.Reason.PSC_LOCK_RISK, "card.pscLockRisk", 1);

        assertThat(locked.message(I18n.CHINESE)).contains("1").contains("锁卡");
        assertThat(locked.message(Locale.ENGLISH)).contains("1").contains("lock");
    }

    @Test
    void keysBelongToThisPackageAndTextsHaveNoStraySingleQuote() throws IOException {
        for (String file : new String[] {CHINESE, ENGLISH}) {
            Properties texts = load(file);
            for (String key : texts.stringPropertyNames()) {
                assertThat(key).startsWith("card.");
                assertThat(texts.getProperty(key).replace("''", "")).as("%s in %s", key, file).doesNotContain("'");
            }
        }
    }

    @Test
    void englishTextsAreNotChinese() throws IOException {
        Properties english = load(ENGLISH);
        for (String key : english.stringPropertyNames()) {
            assertThat(english.getProperty(key)).as(key).doesNotContainPattern("\\p{IsHan}");
        }
    }

    private static Properties load(String resource) throws IOException {
        try (InputStream in = CardBundleTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }
}
