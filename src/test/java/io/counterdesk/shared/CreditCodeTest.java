package io.counterdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Check characters in the test data were computed by hand (GB 32100-2015), not by the class under test. */
class CreditCodeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            91350100M000100Y43     | 91350100M000100Y43
            91110000600037341L     | 91110000600037341L
            91330106MA27XL0E14     | 91330106MA27XL0E14
            11100000000013127D     | 11100000000013127D
            52100000500021676N     | 52100000500021676N
            12100000400000264T     | 12100000400000264T
            91440300708461136T     | 91440300708461136T
            31330000MD0196178W     | 31330000MD0196178W
            Y2330106MA2H12345D     | Y2330106MA2H12345D
            9133010657123456W0     | 9133010657123456W0
            91350100m000100y43     | 91350100M000100Y43
            ' 9135 0100 M000 100Y 43 ' | 91350100M000100Y43
            ９１３５０１００Ｍ０００１００Ｙ４３ | 91350100M000100Y43
            """)
    void acceptsValidCodeAndReturnsItNormalised(String input, String normalised) {
        assertThat(CreditCode.validate(input)).isEqualTo(normalised);
        assertThat(CreditCode.isValid(input)).isTrue();
    }

    @Test
    void writesCheckValueThirtyOneAsZero() {
        // Σ cᵢ·wᵢ over the first 17 characters of this code is a multiple of 31.
        assertThat(CreditCode.checkChar("9133010657123456W")).isEqualTo('0');
        assertThat(CreditCode.isValid("9133010657123456W0")).isTrue();
    }

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource(delimiter = '|', textBlock = """
            91350100M000100Y4 | 3
            91110000600037341 | L
            Y2330106MA2H12345 | D
            9133010657123456W | 0
            """)
    void computesTheCheckCharacterForDemoData(String first17, char check) {
        assertThat(CreditCode.checkChar(first17)).isEqualTo(check);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"91350100M000100Y", "91350100M000100Y43", "91350100m000100Y4", "91350100I000100Y4"})
    void refusesToComputeACheckCharacterForAnythingButSeventeenCodeCharacters(String first17) {
        assertThatThrownBy(() -> CreditCode.checkChar(first17)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {
        "   ",
        "91350100M000100Y4",       // 17 characters
        "91350100M000100Y431",     // 19 characters
        "91350100I000100Y43",      // I is not in the character set
        "91350100O000100Y43",      // nor O
        "91350100Z000100Y43",      // nor Z
        "91350100S000100Y43",      // nor S
        "91350100V000100Y43",      // nor V
        "91350100-M000100Y4",
        "913501００M000100Y4三",
        "350100M000100Y43"
    })
    void rejectsCodeWithWrongFormat(String input) {
        assertRefused(input, "validation.uscc.format");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "91350100M000100Y44",      // valid: ...43
        "91350100M000100Y4A",
        "91350100M000100Y34",      // last two swapped
        "93150100M000100Y43",      // two digits swapped
        "91350100N000100Y43",      // one letter mistyped
        "91110000600037341M"       // valid: ...L
    })
    void rejectsCodeWithWrongCheckCharacter(String input) {
        assertRefused(input, "validation.uscc.checkchar");
    }

    @Test
    void refusalsReadInChineseAndEnglish() {
        BusinessException refusal = catchThrowableOfType(BusinessException.class,
                () -> CreditCode.validate("91350100M000100Y44"));

        assertThat(refusal.message(I18n.CHINESE)).contains("统一社会信用代码").contains("校验码");
        assertThat(refusal.message(Locale.ENGLISH)).contains("unified social credit code");
    }

    private static void assertRefused(String input, String key) {
        BusinessException refusal = catchThrowableOfType(BusinessException.class, () -> CreditCode.validate(input));

        assertThat(refusal).as("refusal of %s", input).isNotNull();
        assertThat(refusal.key()).isEqualTo(key);
        assertThat(CreditCode.isValid(input)).isFalse();
    }
}
