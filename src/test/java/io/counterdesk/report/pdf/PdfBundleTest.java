package io.counterdesk.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.report.ReportStatus;
import io.counterdesk.shared.BundleCheck;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The texts of the reports: both languages complete, every key the report code uses present and every text used. */
class PdfBundleTest {

    /** A key as the report code writes it; a prefix the code completes ("pdf.business." + code) ends in a dot, so is not one. */
    private static final BundleCheck TEXTS = new BundleCheck("/io/counterdesk/i18n/pdf.properties",
            "/io/counterdesk/i18n/pdf_en.properties", List.of(Path.of("src/main/java/io/counterdesk/report")),
            Pattern.compile("\"(pdf\\.[A-Za-z.]*[A-Za-z])\""));

    @Test
    void everyChineseKeyHasAnEnglishTextAndViceVersa() throws IOException {
        TEXTS.bothLanguagesComplete(1);
    }

    @Test
    void everyKeyInTheReportSourcesHasATextInBothLanguagesAndEveryTextIsUsed() throws IOException {
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

        Set<String> used = TEXTS.everyKeyUsedAndDefined(Set.of(), byCode);

        assertThat(used).contains("pdf.font.notFound", "pdf.footer.page", "pdf.stock.title");
        TEXTS.textsFormatWith(4);
        TEXTS.textsAreInTheirLanguage();
    }

    @Test
    void keysBelongToTheReportsAndTextsHaveNoStraySingleQuote() throws IOException {
        TEXTS.keysMatchAndHaveTexts("pdf\\..*");
        TEXTS.noStraySingleQuote();
    }
}
