package io.counterdesk.shared;

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

/**
 * The checks a feature's text bundle must pass: both languages hold the same keys, every key the
 * feature's code names has a text and every text is named, and each pair of texts has the same
 * placeholders, is in its language and has no stray single quote (MessageFormat would eat it).
 *
 * @param chinese the base bundle's resource path, e.g. {@code /io/counterdesk/i18n/reversal.properties}
 * @param english the {@code _en} bundle's resource path
 * @param sources the files and folders whose {@code .java} files name the keys
 * @param key     a pattern whose first group is a key as the code writes it in quotes
 */
public record BundleCheck(String chinese, String english, List<Path> sources, Pattern key) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d}");

    public BundleCheck {
        sources = List.copyOf(sources);
    }

    /** Both languages hold exactly the same keys, at least {@code minimum} of them. */
    public void bothLanguagesComplete(int minimum) throws IOException {
        Set<String> zh = new TreeSet<>(load(chinese).stringPropertyNames());
        assertThat(zh).hasSizeGreaterThanOrEqualTo(minimum);
        assertThat(new TreeSet<>(load(english).stringPropertyNames())).containsExactlyElementsOf(zh);
    }

    /** Every key the sources name has a text, and every text is named by the sources. */
    public void everyKeyUsedAndDefined() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Path source : sources) {
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher matcher = key.matcher(Files.readString(file));
                    while (matcher.find()) {
                        used.add(matcher.group(1));
                    }
                }
            }
        }
        Set<String> defined = new TreeSet<>(load(chinese).stringPropertyNames());
        assertThat(defined).containsAll(used);
        assertThat(used).containsAll(defined);
    }

    /** Same placeholders in both texts of a key; Chinese text has Han characters, English none; no {@code '}. */
    public void textsMatchAndAreInTheirLanguage() throws IOException {
        Properties zh = load(chinese);
        Properties en = load(english);
        for (String k : zh.stringPropertyNames()) {
            String z = zh.getProperty(k);
            String e = en.getProperty(k);
            assertThat(placeholders(e)).as(k).isEqualTo(placeholders(z));
            assertThat(z).as(k).containsPattern("\\p{IsHan}").doesNotContain("'");
            assertThat(e).as(k).doesNotContainPattern("\\p{IsHan}").doesNotContain("'");
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static Properties load(String resource) throws IOException {
        try (InputStream in = BundleCheck.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }
}
