package io.counterdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Check digits in the test data were computed by hand (ISO 7064 MOD 11-2), not by the class under test. */
class ResidentIdTest {

    /** 2024-06-01 in Beijing (it is still 31 May in UTC). */
    private static final Clock JUNE_1_2024 =
            Clock.fixed(Instant.parse("2024-05-31T16:30:00Z"), ZoneId.of("Asia/Shanghai"));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            11010519491231002X | 11010519491231002X | 1949-12-31
            11010519491231002x | 11010519491231002X | 1949-12-31
            330106198506121237 | 330106198506121237 | 1985-06-12
            33010619850612127X | 33010619850612127X | 1985-06-12
            330106198506121202 | 330106198506121202 | 1985-06-12
            440304199912310015 | 440304199912310015 | 1999-12-31
            510107200002290045 | 510107200002290045 | 2000-02-29
            65010219900101005X | 65010219900101005X | 1990-01-01
            810000198001010014 | 810000198001010014 | 1980-01-01
            320106190001010015 | 320106190001010015 | 1900-01-01
            110105189912310023 | 110105189912310023 | 1899-12-31
            110105189602290020 | 110105189602290020 | 1896-02-29
            440304188001010018 | 440304188001010018 | 1880-01-01
            320106189907010048 | 320106189907010048 | 1899-07-01
            110105180001010010 | 110105180001010010 | 1800-01-01
            110105200001010008 | 110105200001010008 | 2000-01-01
            370203197511085671 | 370203197511085671 | 1975-11-08
            350102198305230021 | 350102198305230021 | 1983-05-23
            110105202406010021 | 110105202406010021 | 2024-06-01
            ' 1101 0519 4912 3100 2X ' | 11010519491231002X | 1949-12-31
            １１０１０５１９４９１２３１００２Ｘ | 11010519491231002X | 1949-12-31
            """)
    void acceptsValidIdAndReturnsItNormalised(String input, String normalised, LocalDate birthDate) {
        assertThat(ResidentId.validate(input, JUNE_1_2024)).isEqualTo(normalised);
        assertThat(ResidentId.isValid(input, JUNE_1_2024)).isTrue();
        assertThat(ResidentId.validate(input)).isEqualTo(normalised);
        assertThat(ResidentId.isValid(input)).isTrue();
        assertThat(ResidentId.birthDate(input)).isEqualTo(birthDate);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {
        "   ",
        "11010519491231002",       // 17 characters
        "11010519491231002X1",     // 19 characters
        "110105491231002",         // old 15-digit number
        "11010519491231002Y",      // check character other than X
        "1101051949123100X2",      // X not at the end
        "X10105194912310021",
        "1101051949A231002X",      // letter inside
        "11010519491231002-",
        "110105-19491231-002X",    // dashes are not accepted as separators
        "一一0105194912310021"
    })
    void rejectsIdWithWrongFormat(String input) {
        assertRefused(input, "validation.id.format");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"010105194912310026", "910105194912310029"})
    void rejectsIdWhoseRegionCodeDoesNotStartWithOneToEight(String input) {
        assertRefused(input, "validation.id.region");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            110105194902300020 | 30 February
            110105194913010029 | month 13
            110105194912000021 | day 0
            11010519490001002X | month 0
            110105200102290029 | 29 February of a common year
            110105190002290025 | 29 February 1900, not a leap year
            110105179912310024 | before 1800 (our floor, not GB 11643's)
            110105189902290022 | 29 February 1899, a common year
            110105180002290026 | 29 February 1800, not a leap year
            110105000001010028 | year 0
            110105202406020027 | tomorrow
            """)
    void rejectsIdWithImpossibleBirthDate(String input, String why) {
        assertRefused(input, "validation.id.birthdate");
    }

    /**
     * GB 11643-1999's own example (its appendix: 北京市朝阳区, born 31 December 1949, sequence 002,
     * female): the check character of 11010519491231002 is X.
     */
    @Test
    void standardsOwnExampleHasCheckCharacterX() {
        assertThat(ResidentId.checkDigit("11010519491231002")).isEqualTo('X');
        assertThat(ResidentId.birthDate("11010519491231002X")).isEqualTo(LocalDate.of(1949, 12, 31));
    }

    @Test
    void judgesFutureBirthDatesByTheGivenClock() {
        String bornOnJune2 = "110105202406020027";

        assertThat(ResidentId.isValid(bornOnJune2, JUNE_1_2024)).isFalse();
        assertThat(ResidentId.isValid(bornOnJune2, Clock.offset(JUNE_1_2024, Duration.ofDays(1)))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "110105194912310021",   // valid: ...002X
        "110105194912310020",
        "330106198506121238",   // valid: ...1237
        "330106198506121273",   // last two digits swapped
        "33010619850612123X",   // X where 7 belongs
        "310106198506121237"    // one digit of the region code mistyped
    })
    void rejectsIdWithWrongCheckDigit(String input) {
        assertRefused(input, "validation.id.checkdigit");
    }

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource(delimiter = '|', textBlock = """
            11010519491231002 | X
            33010619850612123 | 7
            33010619850612120 | 2
            11010520000101000 | 8
            31010619850612123 | 3
            """)
    void computesTheCheckDigitForDemoData(String first17, char check) {
        assertThat(ResidentId.checkDigit(first17)).isEqualTo(check);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"1101051949123100", "11010519491231002X", "1101051949123100A"})
    void refusesToComputeACheckDigitForAnythingButSeventeenDigits(String first17) {
        assertThatThrownBy(() -> ResidentId.checkDigit(first17)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusalsReadInChineseAndEnglish() {
        BusinessException checkDigit = refusal("110105194912310021");
        BusinessException birthDate = refusal("110105194902300020");

        assertThat(checkDigit.message(I18n.CHINESE)).isEqualTo("身份证号码校验位不对，请核对后重新输入");
        assertThat(checkDigit.message(Locale.ENGLISH)).contains("check digit");
        assertThat(birthDate.message(I18n.CHINESE)).contains("1949-02-30");
        assertThat(birthDate.message(Locale.ENGLISH)).contains("1949-02-30");
    }

    @Test
    void birthDateRefusesAnInvalidId() {
        assertThatThrownBy(() -> ResidentId.birthDate("110105194912310021")).isInstanceOf(BusinessException.class);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            11010519491231002X   | 1101**********002X
            11010519491231002x   | 1101**********002X
            330106198506121237   | 3301**********1237
            ' 330106198506121237 ' | 3301**********1237
            110105194912310021   | 1101**********0021
            """)
    void masksAllButTheFirstAndLastFourCharacters(String id, String masked) {
        assertThat(ResidentId.masked(id)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"110105491231002", "11010519491231002X1"})
    void refusesToMaskSomethingThatIsNotEighteenCharacters(String id) {
        assertThatThrownBy(() -> ResidentId.masked(id)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertRefused(String input, String key) {
        assertThat(refusal(input).key()).isEqualTo(key);
        assertThat(ResidentId.isValid(input, JUNE_1_2024)).isFalse();
    }

    private static BusinessException refusal(String input) {
        BusinessException refusal =
                catchThrowableOfType(BusinessException.class, () -> ResidentId.validate(input, JUNE_1_2024));
        assertThat(refusal).as("refusal of %s", input).isNotNull();
        return refusal;
    }
}
