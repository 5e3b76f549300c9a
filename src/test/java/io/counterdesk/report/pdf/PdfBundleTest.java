package io.counterdesk.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.report.ReportStatus;
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

/** The texts of the reports: both languages complete, every key the report code uses present and every text used. */
class PdfBundleTest {

    private static final String CHINESE = "/io/counterdesk/i18n/pdf.properties";
    private static final String ENGLISH = "/io/counterdesk/i18n/pdf_en.properties";
    private static final Path SOURCES = Path.of("src/main/java/io/counterdesk/report");
    private static final Pattern KEY = Pattern.compile("\"(pdf\\.[A-Za-z.]+)\"");

    @Test
    void everyChineseKeyHasAnEnglishTextAndViceVersa() throws IOException {
        Set<String> chineseKeys = new TreeSet<>(load(CHINESE).stringPropertyNames());

        assertThat(chineseKeys).isNotEmpty();
        assertThat(new TreeSet<>(load(ENGLISH).stringPropertyNames())).as("keys in %s", ENGLISH)
                .containsExactlyElementsOf(chineseKeys);
    }

    @Test
    void everyKeyInTheReportSourcesHasATextInBothLanguagesAndEveryTextIsUsed() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher matcher = KEY.matcher(Files.readString(file));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }

        used.removeIf(key -> key.endsWith(".")); // prefixes of keys looked up by code, checked below
        assertThat(used).contains("pdf.font.notFound", "pdf.footer.page", "pdf.stock.title");
        for (String key : used) {
            assertThat(I18n.text(I18n.CHINESE, key, 1, 2, 3, 4)).as(key).containsPattern("\\p{IsHan}")
                    .doesNotContain("{");
            assertThat(I18n.text(Locale.ENGLISH, key, 1, 2, 3, 4)).as(key).isNotBlank().doesNotContain("{")
                    .doesNotContainPattern("\\p{IsHan}");
        }
        // names of the day-close model's codes, looked up by code
        Set<String> byCode = new TreeSet<>();
        for (String code : new String[] {"GAS_BILL", "LATE_FEE", "FEE_ITEM", "IC_TOPUP", "VOUCHER_FACE_CASH",
            "CREDIT_ADDED"}) {
            byCode.add("pdf.business." + code);
        }
        for (String code : new String[] {"CASH", "BANK_CARD", "BANK_SLIP", "VOUCHER", "CREDIT"}) {
            byCode.add("pdf.tender." + code);
        }
        for (ReportStatus status : ReportStatus.values()) {
            byCode.add("pdf.status." + status.name());
        }
        for (String key : byCode) {
            assertThat(I18n.text(I18n.CHINESE, key)).as(key).containsPattern("\\p{IsHan}");
            assertThat(I18n.text(Locale.ENGLISH, key)).as(key).doesNotContainPattern("\\p{IsHan}");
        }
        used.addAll(byCode);
        assertThat(load(CHINESE).stringPropertyNames()).as("texts no code uses").isSubsetOf(used);
    }

    @Test
    void keysBelongToTheReportsAndTextsHaveNoStraySingleQuote() throws IOException {
        for (String file : new String[] {CHINESE, ENGLISH}) {
            Properties texts = load(file);
            for (String key : texts.stringPropertyNames()) {
                assertThat(key).startsWith("pdf.");
                assertThat(texts.getProperty(key).replace("''", "")).as("%s in %s", key, file).doesNotContain("'");
            }
        }
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = PdfBundleTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
