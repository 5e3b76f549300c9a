package io.counterdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskingTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            王伟              | 王*
            张晓明            | 张**
            欧阳娜娜          | 欧阳**
            欧阳修            | 欧阳*
            司马光            | 司马*
            诸葛孔明          | 诸葛**
            欧阳              | 欧*
            王                | 王
            '  李四  '        | 李*
            阿卜杜拉·艾买提   | 阿*******
            𠀀明              | 𠀀*
            Zhang Wei         | Z********
            ''                | ''
            """)
    void masksEverythingButTheSurname(String name, String masked) {
        assertThat(Masking.name(name)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            13812345678          | 138****5678
            +86 138-1234-5678    | 138****5678
            0571-87654321        | 0571-****4321
            057187654321         | 0571-****4321
            010-8765432          | 010-***5432
            0571-87654321转1234  | 0571-****4321-1234
            12345                | 1***5
            1381234567           | 13******67
            ''                   | ''
            """)
    void masksTheMiddleOfPhoneNumbers(String number, String masked) {
        assertThat(Masking.phone(number)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            11010519491231002X   | 1101**********002X
            11010519491231002x   | 1101**********002X
            330106198506121237   | 3301**********1237
            110105194912310021   | 1101**********0021
            110105491231002      | 110*********002
            E12345678            | E1*****78
            H1234567801          | H1*******01
            AB12                 | A**2
            AB1                  | ***
            ''                   | ''
            """)
    void masksIdNumbersOfAnyKind(String id, String masked) {
        assertThat(Masking.idNumber(id)).isEqualTo(masked);
    }

    @Test
    void masksMissingDataAsEmpty() {
        assertThat(Masking.name(null)).isEmpty();
        assertThat(Masking.phone(null)).isEmpty();
        assertThat(Masking.idNumber(null)).isEmpty();
    }

    @Test
    void idMaskingMatchesTheResidentIdRule() {
        assertThat(Masking.idNumber("11010519491231002X")).isEqualTo(ResidentId.masked("11010519491231002X"));
    }
}
