package io.counterdesk.printing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.counterdesk.shared.BusinessException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrintersTest {

    @Test
    void readsANetworkPrinterFromTheConfiguration() {
        PrinterConfig config = PrinterConfig.fromProperties(Map.of(
                "printer.kind", "tcp",
                "printer.tcp.host", "192.168.1.50",
                "printer.tcp.readTimeoutMs", "1500",
                "printer.paper", "58",
                "printer.drawer", "no",
                "printer.drawer.pin", "5"));

        assertThat(config.kind()).isEqualTo(PrinterConfig.Kind.TCP);
        assertThat(config.host()).isEqualTo("192.168.1.50");
        assertThat(config.port()).isEqualTo(9100);
        assertThat(config.readTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.paper()).isEqualTo(PaperWidth.MM58);
        assertThat(config.drawerEnabled()).isFalse();
        assertThat(config.drawerPin()).isEqualTo(5);
        assertThat(config.statusQuery()).isTrue();
    }

    @Test
    void readsAJavaPosPrinterFromTheConfiguration() {
        PrinterConfig config = PrinterConfig.fromProperties(Map.of(
                "printer.kind", "JAVAPOS",
                "printer.javapos.printer", "POSPrinter1",
                "printer.javapos.drawer", "CashDrawer1",
                "printer.javapos.jars", "/opt/counterdesk/javapos"));

        assertThat(config.logicalName()).isEqualTo("POSPrinter1");
        assertThat(config.drawerLogicalName()).isEqualTo("CashDrawer1");
        assertThat(config.javaPosJars()).isEqualTo(Path.of("/opt/counterdesk/javapos"));
        assertThat(config.paper()).isEqualTo(PaperWidth.MM80);
    }

    @Test
    void noKindMeansNoPrinter() {
        PrinterConfig config = PrinterConfig.fromProperties(Map.of());

        assertThat(config.kind()).isEqualTo(PrinterConfig.Kind.NONE);
        try (ReceiptPrinter printer = Printers.open(config)) {
            assertThat(printer.status()).isEqualTo(PrinterStatus.NOT_CONFIGURED);
            assertThatThrownBy(() -> printer.print(SampleReceipts.cashPayment("1")))
                    .isInstanceOfSatisfying(PrinterException.class, e -> {
                        assertThat(e.status()).isEqualTo(PrinterStatus.NOT_CONFIGURED);
                        assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).contains("没有配置收据打印机");
                    });
        }
    }

    @ParameterizedTest(name = "kind {0} without {1}")
    @CsvSource(textBlock = """
            tcp,     printer.tcp.host
            device,  printer.device.path
            spooler, printer.spooler.name
            javapos, printer.javapos.printer
            """)
    void aKindWithoutItsAddressIsRefusedNamingTheMissingKey(String kind, String missingKey) {
        assertThatThrownBy(() -> PrinterConfig.fromProperties(Map.of("printer.kind", kind)))
                .isInstanceOfSatisfying(BusinessException.class, e -> {
                    assertThat(e.key()).isEqualTo("printing.config.missing");
                    assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).contains(missingKey);
                });
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(textBlock = """
            printer.kind,         laser
            printer.paper,        76
            printer.drawer,       maybe
            printer.drawer.pin,   3
            printer.tcp.port,     99999
            printer.tcp.port,     nine
            printer.capture.port, -1
            """)
    void aValueThatMakesNoSenseIsRefusedNamingTheKey(String key, String value) {
        Map<String, String> properties = new HashMap<>(Map.of("printer.kind", "capture"));
        properties.put(key, value);

        assertThatThrownBy(() -> PrinterConfig.fromProperties(properties))
                .isInstanceOfSatisfying(BusinessException.class, e -> {
                    assertThat(e.key()).isEqualTo("printing.config.invalid");
                    assertThat(e.message(Locale.ENGLISH)).contains(key);
                });
    }

    @Test
    void demoModePrintsToItsOwnCapturePrinter() throws Exception {
        try (ReceiptPrinter printer = Printers.open(PrinterConfig.fromProperties(Map.of(
                "printer.kind", "capture", "printer.paper", "58")))) {
            CapturePrinter capture = printer.capturePrinter().orElseThrow();
            assertThat(capture.host()).isEqualTo("127.0.0.1");
            assertThat(printer.describe()).isEqualTo("127.0.0.1:" + capture.port());
            assertThat(printer.status()).isEqualTo(PrinterStatus.ONLINE);

            printer.print(SampleReceipts.cashPayment("0000123"));

            assertThat(capture.awaitJobs(1, Duration.ofSeconds(10)).get(0).lines())
                    .startsWith("[DRAWER]", "燃气费收据", "收据号：0000123").contains("-".repeat(32));
        }
    }

    @Test
    void describesItselfWithoutSecrets() {
        assertThat(PrinterConfig.builder(PrinterConfig.Kind.TCP).host("10.0.0.9").build())
                .hasToString("PrinterConfig[TCP, MM80, drawer pin 2, 10.0.0.9:9100]");
    }
}
