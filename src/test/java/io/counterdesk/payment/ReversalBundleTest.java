package io.counterdesk.payment;

import static org.assertj.core.api.Assertions.assertThat;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The texts of the reversal (冲正): both languages complete, every key the code uses present, none unused. */
class ReversalBundleTest {

    private static final String CHINESE = "/io/counterdesk/i18n/reversal.properties";
    private static final String ENGLISH = "/io/counterdesk/i18n/reversal_en.properties";
    private static final List<Path> SOURCES = List.of(
            Path.of("src/main/java/io/counterdesk/payment/ReversalRules.java"),
            Path.of("src/main/java/io/counterdesk/payment/PaymentReversalService.java"),
            Path.of("src/main/java/io/counterdesk/payment/ui"),
            Path.of("src/main/java/io/counterdesk/receipt/ReceiptLayout.java"),
            Path.of("src/main/java/io/counterdesk/report"),
            Path.of("src/main/java/io/counterdesk/ui/CounterKeys.java"),
            Path.of("src/main/java/io/counterdesk/app/CounterDeskApp.java"));
    private static final Pattern KEY = Pattern.compile("\"(reversal\\.[A-Za-z.]*[A-Za-z])\"");

    @Test
    void everyChineseKeyHasAnEnglishTextAndViceVersa() throws IOException {
        Set<String> chinese = new TreeSet<>(load(CHINESE).stringPropertyNames());
        assertThat(chinese).hasSizeGreaterThan(40);
        assertThat(new TreeSet<>(load(ENGLISH).stringPropertyNames())).containsExactlyElementsOf(chinese);
    }

    @Test
    void everyKeyTheCodeUsesHasATextAndEveryTextIsUsed() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Path source : SOURCES) {
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher matcher = KEY.matcher(Files.readString(file));
                    while (matcher.find()) {
                        used.add(matcher.group(1));
                    }
                }
            }
        }
        Set<String> defined = new TreeSet<>(load(CHINESE).stringPropertyNames());
        assertThat(defined).containsAll(used);
        assertThat(used).containsAll(defined);
    }

    @Test
    void textsUseTheSamePlaceholdersAreInTheirLanguageAndHaveNoStraySingleQuote() throws IOException {
        Properties chinese = load(CHINESE);
        Properties english = load(ENGLISH);
        Pattern placeholder = Pattern.compile("\\{\\d}");
        for (String key : chinese.stringPropertyNames()) {
            String zh = chinese.getProperty(key);
            String en = english.getProperty(key);
            assertThat(placeholders(placeholder, en)).as(key).isEqualTo(placeholders(placeholder, zh));
            assertThat(zh).as(key).containsPattern("\\p{IsHan}").doesNotContain("'");
            assertThat(en).as(key).doesNotContainPattern("\\p{IsHan}").doesNotContain("'");
        }
    }

    private static Set<String> placeholders(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static Properties load(String resource) throws IOException {
        try (InputStream in = ReversalBundleTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }
}
