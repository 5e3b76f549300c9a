package io.counterdesk.card;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.shared.BundleCheck;
import io.counterdesk.shared.I18n;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The texts of package {@code card}: both languages complete, and every key the card code uses present. */
class CardBundleTest {

    private static final BundleCheck TEXTS = new BundleCheck("/io/counterdesk/i18n/card.properties",
            "/io/counterdesk/i18n/card_en.properties", List.of(Path.of("src/main/java/io/counterdesk/card")),
            Pattern.compile("\"(card\\.[A-Za-z.]+)\""));

    @Test
    void everyChineseKeyHasAnEnglishTextAndViceVersa() throws IOException {
        TEXTS.bothLanguagesComplete(1);
    }

    @Test
    void everyKeyInTheCardSourcesHasATextInBothLanguagesAndEveryTextIsUsed() throws IOException {
        // the names of the card settings are database setting names, not texts
        Set<String> used = TEXTS.everyKeyUsedAndDefined(Set.of(CardSettings.SECRET, CardSettings.UTILITY_CODE,
                CardSettings.AREA_CODE, CardSettings.MAX_PURCHASE), Set.of());

        assertThat(used).contains("card.blank", "card.forged", "card.pscLockRisk", "card.writeUncertain");
        TEXTS.textsFormatWith(1);
    }

    @Test
    void aCardExceptionSpeaksChineseToTheCashier() {
        CardException locked = new CardException(CardException.Reason.PSC_LOCK_RISK, "card.pscLockRisk", 1);

        assertThat(locked.message(I18n.CHINESE)).contains("1").contains("锁卡");
        assertThat(locked.message(Locale.ENGLISH)).contains("1").contains("lock");
    }

    @Test
    void keysBelongToThisPackageAndTextsHaveNoStraySingleQuote() throws IOException {
        TEXTS.keysMatchAndHaveTexts("card\\..*");
        TEXTS.noStraySingleQuote();
    }

    @Test
    void chineseTextsAreChineseAndEnglishTextsAreNot() throws IOException {
        TEXTS.textsAreInTheirLanguage();
    }
}
