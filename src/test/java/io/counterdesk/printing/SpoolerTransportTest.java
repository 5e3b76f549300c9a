package io.counterdesk.printing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The spooler transport asks the real {@code javax.print} lookup of this machine. No test prints
 * to a system printer (a build machine has none to spare); what is tested is the refusal.
 */
class SpoolerTransportTest {

    private static final String NO_SUCH_PRINTER = "CounterDesk test printer that does not exist";

    @Test
    void aPrinterNameTheSystemDoesNotKnowIsNotConfiguredAndTheJobIsRefused() {
        SpoolerTransport transport = new SpoolerTransport(NO_SUCH_PRINTER);

        assertThat(transport.status()).isEqualTo(PrinterStatus.NOT_CONFIGURED);
        assertThatThrownBy(() -> transport.send(new byte[] {'x', 0x0A}))
                .isInstanceOfSatisfying(PrinterException.class, e -> {
                    assertThat(e.status()).isEqualTo(PrinterStatus.NOT_CONFIGURED);
                    assertThat(e.key()).isEqualTo("printing.error.noSuchService");
                    assertThat(e.mayHavePrinted()).isFalse();
                    assertThat(e.message(Locale.SIMPLIFIED_CHINESE))
                            .contains("系统中没有名为“" + NO_SUCH_PRINTER + "”的打印机");
                    assertThat(e.message(Locale.ENGLISH)).contains("Printers here: ");
                });
    }

    @Test
    void listsThePrintersThereAre() {
        assertThat(SpoolerTransport.availableServices()).doesNotContain(NO_SUCH_PRINTER);
    }

    @Test
    void refusesAnEmptyName() {
        assertThatThrownBy(() -> new SpoolerTransport(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
