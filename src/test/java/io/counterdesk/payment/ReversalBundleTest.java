package io.counterdesk.payment;

import io.counterdesk.shared.BundleCheck;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The texts of the reversal (冲正): both languages complete, every key the code uses present, none unused. */
class ReversalBundleTest {

    private static final BundleCheck TEXTS = new BundleCheck("/io/counterdesk/i18n/reversal.properties", "/io/counterdesk/i18n/reversal_en.properties",
            List.of(Path.of("src/main/java/io/counterdesk/payment/ReversalRules.java"),
                    Path.of("src/main/java/io/counterdesk/payment/PaymentReversalService.java"),
                    Path.of("src/main/java/io/counterdesk/payment/ui"),
                    Path.of("src/main/java/io/counterdesk/receipt/ReceiptLayout.java"),
                    Path.of("src/main/java/io/counterdesk/report"),
                    Path.of("src/main/java/io/counterdesk/ui/CounterKeys.java"),
                    Path.of("src/main/java/io/counterdesk/app")),
            Pattern.compile("\"(reversal\\.[A-Za-z.]*[A-Za-z])\""));

    @Test
    void everyChineseKeyHasAnEnglishTextAndViceVersa() throws IOException {
        TEXTS.bothLanguagesComplete(41);
    }

    @Test
    void everyKeyTheCodeUsesHasATextAndEveryTextIsUsed() throws IOException {
        TEXTS.everyKeyUsedAndDefined();
    }

    @Test
    void textsUseTheSamePlaceholdersAreInTheirLanguageAndHaveNoStraySingleQuote() throws IOException {
        TEXTS.textsMatchAndAreInTheirLanguage();
    }
}
