package io.counterdesk.account;

import io.counterdesk.account.status.AccountStatusRules;
import io.counterdesk.account.status.AccountStatusService;
import io.counterdesk.shared.BundleCheck;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The texts of 停气/复气/销户: both languages complete, every key the code uses present, none unused. */
class AccountStatusBundleTest {

    private static final BundleCheck TEXTS = new BundleCheck("/io/counterdesk/i18n/accountstatus.properties", "/io/counterdesk/i18n/accountstatus_en.properties",
            List.of(Path.of("src/main/java/io/counterdesk/account/status/AccountStatusRules.java"),
                    Path.of("src/main/java/io/counterdesk/account/status/AccountStatusService.java"),
                    Path.of("src/main/java/io/counterdesk/account/ui"),
                    Path.of("src/main/java/io/counterdesk/app")),
            Pattern.compile("\"((?:accountStatus|ui\\.accountStatus|ui\\.suspension|ui\\.keys\\.account|ui\\.keys\\.suspension)[A-Za-z.]*)\""));

    @Test
    void everyChineseKeyHasAnEnglishTextAndViceVersa() throws IOException {
        TEXTS.bothLanguagesComplete(1);
    }

    @Test
    void everyKeyTheCodeUsesHasATextAndEveryTextIsUsed() throws IOException {
        // texts built from a prefix ("ui.suspension.col." + …) are looked up whole in the view
        TEXTS.everyKeyUsedAndDefined();
    }

    @Test
    void textsUseTheSamePlaceholdersAreInTheirLanguageAndHaveNoStraySingleQuote() throws IOException {
        TEXTS.textsMatchAndAreInTheirLanguage();
    }
}
