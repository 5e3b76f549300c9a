package io.counterdesk.printing;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.shared.BundleCheck;
import io.counterdesk.shared.I18n;
import java.io.IOException;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The texts of package {@code printing}: both languages complete, every key the code uses present. */
class PrintingBundleTest {

    private static final BundleCheck TEXTS = new BundleCheck("/io/counterdesk/i18n/printing.properties",
            "/io/counterdesk/i18n/printing_en.properties");

    @Test
    void everyChineseKeyHasAnEnglishTextAndViceVersa() throws IOException {
        TEXTS.bothLanguagesComplete(1);
    }

    @ParameterizedTest
    @EnumSource(PrinterStatus.class)
    void everyStatusHasItsStatusBarText(PrinterStatus status) {
        assertThat(status.text(I18n.CHINESE)).containsPattern("\\p{IsHan}");
        assertThat(status.text(Locale.ENGLISH)).isNotBlank().doesNotContainPattern("\\p{IsHan}");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "printing.error.paperOut", "printing.error.coverOpen", "printing.error.offline",
        "printing.error.notConfigured", "printing.error.unreachable", "printing.error.sendFailed",
        "printing.error.deviceMissing", "printing.error.deviceNotWritable", "printing.error.noSuchService",
        "printing.error.spooler", "printing.error.javaposMissing", "printing.error.javaposNoDevice",
        "printing.error.javaposClaimed", "printing.error.javapos", "printing.config.missing",
        "printing.config.invalid", "printing.preview.cut", "printing.preview.drawer"
    })
    void everyKeyTheCodeUsesHasATextInBothLanguages(String key) {
        assertThat(I18n.text(I18n.CHINESE, key, "a", "b", "c")).isNotBlank().doesNotContain("{");
        assertThat(I18n.text(Locale.ENGLISH, key, "a", "b", "c")).isNotBlank().doesNotContain("{");
    }

    @Test
    void keysBelongToThisPackageAndHaveNoStraySingleQuote() throws IOException {
        TEXTS.keysMatchAndHaveTexts("printing\\..*");
        TEXTS.noStraySingleQuote();
    }
}
