package io.counterdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The checks a feature's text bundle must pass: both languages hold the same keys, every key the
 * feature's code names has a text and every text is named, and each pair of texts has the same
 * placeholders, is in its language and has no stray single quote (MessageFormat would eat it).
 * A bundle test calls the checks that hold for its bundle.
 *
 * @param chinese the base bundle's resource path, e.g. {@code /io/counterdesk/i18n/reversal.properties}
 * @param english the {@code _en} bundle's resource path
 * @param sources the files and folders whose {@code .java} files name the keys
 * @param key     a pattern whose first group is a key as the code writes it in quotes
 */
public record BundleCheck(String chinese, String english, List<Path> sources, Pattern key) {

    /** A placeholder, {@code {0}} or {@code {0,number}}; its first group is the argument's index. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");
    /** Matches nothing: a check made without sources finds no key in code. */
    private static final Pattern NO_KEY = Pattern.compile("(?!)(.)");

    public BundleCheck {
        sources = List.copyOf(sources);
    }

    /** A check of the texts alone, for a bundle whose keys the code does not name as whole literals. */
    public BundleCheck(String chinese, String english) {
        this(chinese, english, List.of(), NO_KEY);
    }

    /** The base bundle's texts. */
    public Properties chineseTexts() throws IOException {
        return load(chinese);
    }

    /** The {@code _en} bundle's texts. */
    public Properties englishTexts() throws IOException {
        return load(english);
    }

    /** Both languages hold exactly the same keys, at least {@code minimum} of them. */
    public void bothLanguagesComplete(int minimum) throws IOException {
        Set<String> zh = new TreeSet<>(load(chinese).stringPropertyNames());
        assertThat(zh).hasSizeGreaterThanOrEqualTo(minimum);
        assertThat(new TreeSet<>(load(english).stringPropertyNames())).as("keys in %s", english)
                .containsExactlyElementsOf(zh);
    }

    /** Every key in both files matches {@code keyPattern} (belongs to this bundle) and has a text that is not blank. */
    public void keysMatchAndHaveTexts(String keyPattern) throws IOException {
        for (String file : List.of(chinese, english)) {
            Properties texts = load(file);
            for (String k : texts.stringPropertyNames()) {
                assertThat(k).as(file).matches(keyPattern);
                assertThat(texts.getProperty(k)).as("%s in %s", k, file).isNotBlank();
            }
        }
    }

    /** The keys the sources name, as {@link #key} finds them. */
    public Set<String> keysInSources() throws IOException {
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
        return used;
    }

    /** Every key the sources name has a text, and every text is named by the sources. */
    public Set<String> everyKeyUsedAndDefined() throws IOException {
        return everyKeyUsedAndDefined(Set.of(), Set.of());
    }

    /**
     * Every key the sources name, less {@code notTexts} (literals the pattern catches that are no text keys),
     * plus {@code namedByCode} (keys the code builds from a prefix and a name), has a text, and every text is
     * one of them. Returns those keys, for a test to check that the search found what it must.
     */
    public Set<String> everyKeyUsedAndDefined(Set<String> notTexts, Set<String> namedByCode) throws IOException {
        Set<String> used = keysInSources();
        used.removeAll(notTexts);
        used.addAll(namedByCode);
        Set<String> defined = new TreeSet<>(load(chinese).stringPropertyNames());
        assertThat(defined).as("keys with a text").containsAll(used);
        assertThat(used).as("keys the code uses").containsAll(defined);
        return used;
    }

    /** Same placeholders in both texts of a key; Chinese text has Han characters, English none; no {@code '}. */
    public void textsMatchAndAreInTheirLanguage() throws IOException {
        samePlaceholders();
        textsAreInTheirLanguage();
        Properties zh = load(chinese);
        Properties en = load(english);
        for (String k : zh.stringPropertyNames()) {
            assertThat(zh.getProperty(k)).as(k).doesNotContain("'");
            assertThat(en.getProperty(k)).as(k).doesNotContain("'");
        }
    }

    /** Both texts of a key use the same placeholders (by argument index). */
    public void samePlaceholders() throws IOException {
        Properties zh = load(chinese);
        Properties en = load(english);
        for (String k : zh.stringPropertyNames()) {
            assertThat(placeholders(en.getProperty(k))).as(k).isEqualTo(placeholders(zh.getProperty(k)));
        }
    }

    /** Every Chinese text has Han characters and no English text has any. */
    public void textsAreInTheirLanguage() throws IOException {
        Properties zh = load(chinese);
        for (String k : zh.stringPropertyNames()) {
            assertThat(zh.getProperty(k)).as(k).containsPattern("\\p{IsHan}");
        }
        englishHasNoChinese();
    }

    /** No English text has Han characters (a Chinese text may be all figures and punctuation). */
    public void englishHasNoChinese() throws IOException {
        Properties en = load(english);
        for (String k : en.stringPropertyNames()) {
            assertThat(en.getProperty(k)).as(k).doesNotContainPattern("\\p{IsHan}");
        }
    }

    /** No text of either language has a single quote MessageFormat would swallow (a doubled one is a quote). */
    public void noStraySingleQuote() throws IOException {
        for (String file : List.of(chinese, english)) {
            Properties texts = load(file);
            for (String k : texts.stringPropertyNames()) {
                assertThat(texts.getProperty(k).replace("''", "")).as("%s in %s", k, file).doesNotContain("'");
            }
        }
    }

    /**
     * Every text of both languages, formatted with {@code arguments} arguments (1, 2, …), is not blank and
     * has no brace left: no placeholder beyond those arguments and none MessageFormat cannot read.
     */
    public void textsFormatWith(int arguments) throws IOException {
        Object[] args = IntStream.rangeClosed(1, arguments).boxed().toArray();
        for (String file : List.of(chinese, english)) {
            Properties texts = load(file);
            Locale locale = file.equals(english) ? Locale.ENGLISH : I18n.CHINESE;
            for (String k : texts.stringPropertyNames()) {
                assertThat(new MessageFormat(texts.getProperty(k), locale).format(args)).as("%s in %s", k, file)
                        .isNotBlank().doesNotContain("{");
            }
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
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
