package io.counterdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.counterdesk.shared.PhoneNumber.Kind;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            13812345678            | 13812345678     | MOBILE
            19912345678            | 19912345678     | MOBILE
            15000000000            | 15000000000     | MOBILE
            138 1234 5678          | 13812345678     | MOBILE
            138-1234-5678          | 13812345678     | MOBILE
            '  13812345678  '      | 13812345678     | MOBILE
            +86 138 1234 5678      | 13812345678     | MOBILE
            +8613812345678         | 13812345678     | MOBILE
            +86-13812345678        | 13812345678     | MOBILE
            8613812345678          | 13812345678     | MOBILE
            0086 13812345678       | 13812345678     | MOBILE
            １３８１２３４５６７８  | 13812345678     | MOBILE
            0571-87654321          | 0571-87654321   | LANDLINE
            057187654321           | 0571-87654321   | LANDLINE
            0571 87654321          | 0571-87654321   | LANDLINE
            (0571)87654321         | 0571-87654321   | LANDLINE
            （0571）87654321        | 0571-87654321   | LANDLINE
            0571-8765432           | 0571-8765432    | LANDLINE
            0310-2345678           | 0310-2345678    | LANDLINE
            010-87654321           | 010-87654321    | LANDLINE
            01087654321            | 010-87654321    | LANDLINE
            021-6234-5678          | 021-62345678    | LANDLINE
            02162345678            | 021-62345678    | LANDLINE
            0571-87654321-1234     | 0571-87654321-1234 | LANDLINE
            0571-87654321转1234    | 0571-87654321-1234 | LANDLINE
            0571-87654321 转 1234  | 0571-87654321-1234 | LANDLINE
            0571-87654321分机8     | 0571-87654321-8    | LANDLINE
            0571-87654321 ext 12   | 0571-87654321-12   | LANDLINE
            0571-87654321 EXT. 12  | 0571-87654321-12   | LANDLINE
            0571-87654321x12       | 0571-87654321-12   | LANDLINE
            0571-87654321#123456   | 0571-87654321-123456 | LANDLINE
            010-8765432-1          | 010-8765432-1   | LANDLINE
            +86 571 8765 4321      | 0571-87654321   | LANDLINE
            +86 10 87654321        | 010-87654321    | LANDLINE
            0086-0571-87654321     | 0571-87654321   | LANDLINE
            """)
    void acceptsMobileAndLandlineNumbersAndNormalisesThem(String input, String canonical, Kind kind) {
        assertThat(PhoneNumber.normalise(input)).isEqualTo(canonical);
        assertThat(PhoneNumber.validate(input)).isEqualTo(canonical);
        assertThat(PhoneNumber.kind(input)).isEqualTo(kind);
        assertThat(PhoneNumber.isValid(input)).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {
        "   ",
        "1381234567",               // 10 digits
        "138123456789",             // 12 digits
        "12812345678",              // mobile numbers start 13-19
        "10012345678",
        "23812345678",
        "+1 415 555 0100",
        "13812345678转1234",         // mobile numbers have no extension
        "87654321",                 // landline without area code
        "571-87654321",             // area code without its 0
        "0571-0765432",             // local number starting 0
        "0571-1765432",             // local number starting 1
        "0571-876543",              // 6-digit local number
        "0571-876543210",           // 9-digit local number
        "0187654321",               // no such area code
        "0571-87654321-1234567",    // extension of 7 digits
        "0571-87654321转",
        "0571 87654321 1234",       // an extension needs a marker
        "abc",
        "138 1234 567a",
        "110",
        "95598"
    })
    void rejectsTextThatIsNotAPhoneNumber(String input) {
        BusinessException refusal = catchThrowableOfType(BusinessException.class, () -> PhoneNumber.validate(input));

        assertThat(refusal).as("refusal of %s", input).isNotNull();
        assertThat(refusal.key()).isEqualTo("validation.phone.invalid");
        assertThat(PhoneNumber.isValid(input)).isFalse();
        assertThatThrownBy(() -> PhoneNumber.kind(input)).isInstanceOf(BusinessException.class);
        assertThatThrownBy(() -> PhoneNumber.normalise(input)).isInstanceOf(BusinessException.class);
    }

    @Test
    void refusalSaysWhatIsExpected() {
        BusinessException refusal = catchThrowableOfType(BusinessException.class, () -> PhoneNumber.validate("12345"));

        assertThat(refusal.message(I18n.CHINESE)).contains("11位").contains("0571-87654321");
        assertThat(refusal.message(Locale.ENGLISH)).contains("11 digits").contains("0571-87654321");
    }

    @Test
    void normalisedNumberIsValidAndNormalisesToItself() {
        for (String input : new String[] {"+86 138 1234 5678", "0571 87654321 转 12", "010-8765432-1"}) {
            String canonical = PhoneNumber.normalise(input);
            assertThat(PhoneNumber.normalise(canonical)).isEqualTo(canonical);
        }
    }
}
