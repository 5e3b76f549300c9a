package io.counterdesk.printing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class DleEotTest {

    @ParameterizedTest(name = "printer {0}, cause {1}, paper {2}: {3}")
    @CsvSource(textBlock = """
            0x12, 0x12, 0x12, ONLINE
            0x12, 0x12, 0x1E, PAPER_NEAR_END
            0x1A, 0x12, 0x12, OFFLINE
            0x1A, 0x52, 0x12, OFFLINE
            0x1A, 0x32, 0x72, PAPER_OUT
            0x1A, 0x32, 0x12, PAPER_OUT
            0x1A, 0x12, 0x72, PAPER_OUT
            0x1A, 0x16, 0x12, COVER_OPEN
            0x1A, 0x36, 0x72, COVER_OPEN
            0x00, 0x12, 0x12, UNKNOWN
            0x12, 0xFF, 0x12, UNKNOWN
            -1,   0x12, 0x12, UNKNOWN
            """)
    void readsThePrintersAnswersToDleEot(String printer, String cause, String paper, PrinterStatus expected) {
        assertThat(DleEot.interpret(Integer.decode(printer), Integer.decode(cause), Integer.decode(paper))).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(value = PrinterStatus.class, names = {"ONLINE", "PAPER_NEAR_END", "OFFLINE", "PAPER_OUT", "COVER_OPEN"})
    void theCapturePrintersAnswersReadBackAsTheStateItSimulates(PrinterStatus state) {
        int printer = DleEot.answer(DleEot.PRINTER, state);
        int cause = DleEot.answer(DleEot.OFFLINE_CAUSE, state);
        int paper = DleEot.answer(DleEot.PAPER, state);

        assertThat(DleEot.interpret(printer, cause, paper)).isEqualTo(state);
        assertThat(DleEot.isStatusByte(printer) && DleEot.isStatusByte(cause) && DleEot.isStatusByte(paper)).isTrue();
    }
}
