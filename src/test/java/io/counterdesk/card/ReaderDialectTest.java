package io.counterdesk.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code card.reader.dialect}: configured, or by the reader's name. */
class ReaderDialectTest {

    @ParameterizedTest(name = "{0} / {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            auto       | ACS ACR39U ICC Reader 00 00             | ACS
            ''         | ACS ACR38U-CCID 00 00                   | ACS
            auto       | ACR1281U-C1 PICC 00 00                  | ACS
            auto       | HID Global OMNIKEY 3x21 Smart Card Reader 00 00 | PCSC_PART3
            auto       | Identiv uTrust 2700 R Smart Card Reader 00 00   | PCSC_PART3
            auto       | SCM Microsystems Inc. SCR 3310 00 00    | PCSC_PART3
            auto       | Virtual PCD 00 00                       | ACS
            auto       | 柜台读卡器                              | ACS
            acs        | HID Global OMNIKEY 3x21 Smart Card Reader 00 00 | ACS
            pcsc-part3 | ACS ACR39U ICC Reader 00 00             | PCSC_PART3
            ' PCSC-Part3 ' | anything                            | PCSC_PART3
            """)
    void theSettingWinsElseTheReadersName(String setting, String readerName, ReaderDialect expected) {
        assertThat(ReaderDialect.of(setting, readerName)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"omnikey", "ccid", "pcsc"})
    void anythingElseIsRefused(String setting) {
        assertThatThrownBy(() -> ReaderDialect.of(setting, "ACS ACR39U")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CardReaders.pcsc().withDialect(setting)).isInstanceOf(IllegalArgumentException.class);
    }
}
