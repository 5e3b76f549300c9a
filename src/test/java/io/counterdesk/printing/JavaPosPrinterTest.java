package io.counterdesk.printing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JavaPOS adapter against {@link CapturePosService}, a service of our own behind the real
 * {@code jpos} interfaces that prints to a real capture printer over TCP.
 */
class JavaPosPrinterTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private CapturePrinter capture;

    @BeforeEach
    void start() {
        capture = CapturePrinter.start();
    }

    @AfterEach
    void stop() {
        capture.close();
        VendorJarHook.printer = null;
        VendorJarHook.drawer = null;
    }

    @Test
    void printsAReceiptThroughTheJavaPosServiceAndOpensTheDrawer() throws Exception {
        try (JavaPosPrinter printer = new JavaPosPrinter(CapturePosService.printer(capture, true), "Receipt",
                CapturePosService.drawer(capture), "Drawer", PaperWidth.MM80)) {

            assertThat(printer.print(SampleReceipts.cashPayment("0000123"))).isEqualTo(PrinterStatus.ONLINE);
        }

        List<CapturedJob> jobs = capture.awaitJobs(2, WAIT);
        assertThat(jobs.get(0).lines()).containsExactly("[DRAWER]");
        assertThat(jobs.get(1).lines()).containsExactly(
                "燃气费收据",
                "收据号：0000123",
                "户号：1001234567  张三",
                "-".repeat(48),
                "2024年6月燃气费" + " ".repeat(27) + "128.50",
                "滞纳金" + " ".repeat(38) + "0.00",
                "合计" + " ".repeat(36) + "￥128.50",
                "实收现金" + " ".repeat(34) + "150.00",
                "找零" + " ".repeat(39) + "21.50",
                "-".repeat(48),
                "[QR] " + SampleReceipts.QR,
                "营业员 王伟",
                "", "", "",
                "[CUT]");
        assertThat(EscPosDecoder.decode(jobs.get(1).bytes()).get(0))
                .isEqualTo(new EscPosDecoder.Line(EscPosDecoder.Line.Kind.TEXT, "燃气费收据", Alignment.CENTER, true, 2, 2));
    }

    @Test
    void laysOutFor58mmPaper() throws Exception {
        try (JavaPosPrinter printer = new JavaPosPrinter(CapturePosService.printer(capture, true), "Receipt",
                null, null, PaperWidth.MM58)) {
            printer.print(SampleReceipts.cashPayment("0000123"));
        }

        assertThat(capture.awaitJobs(1, WAIT).get(0).lines())
                .contains("-".repeat(32), "合计" + " ".repeat(20) + "￥128.50").doesNotContain("[DRAWER]");
    }

    @Test
    void printsTheQrContentAsTextWhenTheDeviceHasNoBarCodes() throws Exception {
        try (JavaPosPrinter printer = new JavaPosPrinter(CapturePosService.printer(capture, false), "Receipt",
                null, null, PaperWidth.MM80)) {
            printer.print(PrintDocument.builder().qr(SampleReceipts.QR).build());
        }

        List<EscPosDecoder.Line> lines = EscPosDecoder.decode(capture.awaitJobs(1, WAIT).get(0).bytes());
        assertThat(lines).extracting(EscPosDecoder.Line::text).containsExactly(SampleReceipts.QR);
        assertThat(lines.get(0).alignment()).isEqualTo(Alignment.CENTER);
    }

    @Test
    void aPrinterOutOfPaperRefusesTheJobAndPrintsItOnceResumed() throws Exception {
        ReceiptPrinter printer = new ReceiptPrinter(new JavaPosPrinter(CapturePosService.printer(capture, true), "Receipt",
                CapturePosService.drawer(capture), "Drawer", PaperWidth.MM80), true);
        capture.simulate(PrinterStatus.PAPER_OUT);

        assertThat(printer.status()).isEqualTo(PrinterStatus.PAPER_OUT);
        assertThatThrownBy(() -> printer.print(SampleReceipts.cashPayment("0000123")))
                .isInstanceOfSatisfying(PrinterException.class, e -> {
                    assertThat(e.status()).isEqualTo(PrinterStatus.PAPER_OUT);
                    assertThat(e.mayHavePrinted()).isFalse();
                    assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).contains("缺纸", "JavaPOS Receipt");
                });
        assertThat(capture.jobs()).isEmpty();

        capture.simulate(PrinterStatus.ONLINE);
        assertThat(printer.resume()).isEqualTo(1);
        printer.close();

        assertThat(capture.awaitJobs(2, WAIT)).extracting(job -> job.lines().get(0)).containsExactly("[DRAWER]", "燃气费收据");
    }

    @Test
    void paperRunningOutDuringTheTransactionLeavesNothingPrinted() throws Exception {
        try (JavaPosPrinter printer = new JavaPosPrinter(CapturePosService.printerRunningOutAfter(capture, 4), "Receipt",
                null, null, PaperWidth.MM80)) {

            assertThatThrownBy(() -> printer.print(SampleReceipts.cashPayment("0000123")))
                    .isInstanceOfSatisfying(PrinterException.class, e -> {
                        assertThat(e.status()).isEqualTo(PrinterStatus.PAPER_OUT);
                        assertThat(e.key()).isEqualTo("printing.error.paperOut");
                        assertThat(e.mayHavePrinted()).isFalse();
                    });

            printer.print(PrintDocument.builder().text("下一张").build());
        }

        assertThat(capture.awaitJobs(1, WAIT)).extracting(CapturedJob::lines).containsExactly(List.of("下一张"));
    }

    @Test
    void coverOpenAndOfflineAreReportedFromTheService() {
        try (JavaPosPrinter printer = new JavaPosPrinter(CapturePosService.printer(capture, true), "Receipt",
                null, null, PaperWidth.MM80)) {
            capture.simulate(PrinterStatus.COVER_OPEN);
            assertThat(printer.status()).isEqualTo(PrinterStatus.COVER_OPEN);
            capture.simulate(PrinterStatus.OFFLINE);
            assertThat(printer.status()).isEqualTo(PrinterStatus.OFFLINE);
            capture.simulate(PrinterStatus.PAPER_NEAR_END);
            assertThat(printer.status()).isEqualTo(PrinterStatus.PAPER_NEAR_END);
            capture.simulate(PrinterStatus.ONLINE);
            assertThat(printer.status()).isEqualTo(PrinterStatus.ONLINE);
        }
    }

    @Test
    void aLogicalNameMissingFromJposXmlIsNotConfigured() {
        try (JavaPosPrinter printer = new JavaPosPrinter(CapturePosService.printer(capture, true), "NoSuchPrinter",
                null, null, PaperWidth.MM80)) {

            assertThat(printer.status()).isEqualTo(PrinterStatus.NOT_CONFIGURED);
            assertThatThrownBy(() -> printer.print(SampleReceipts.cashPayment("1")))
                    .isInstanceOfSatisfying(PrinterException.class,
                            e -> assertThat(e.key()).isEqualTo("printing.error.javaposNoDevice"));
        }
    }

    @Test
    void aPrinterClaimedByAnotherProgramIsOfflineWithAClearMessage() {
        try (JavaPosPrinter printer = new JavaPosPrinter(CapturePosService.claimedPrinter(capture), "Receipt",
                null, null, PaperWidth.MM80)) {

            assertThatThrownBy(() -> printer.print(SampleReceipts.cashPayment("1")))
                    .isInstanceOfSatisfying(PrinterException.class, e -> {
                        assertThat(e.status()).isEqualTo(PrinterStatus.OFFLINE);
                        assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).contains("正被其他程序占用");
                    });
        }
    }

    @Test
    void withoutTheVendorsClassesThePrinterIsNotConfigured() {
        assertThatThrownBy(() -> Class.forName(JavaPosControls.POS_PRINTER))
                .as("the test class path has the jpos interfaces only").isInstanceOf(ClassNotFoundException.class);

        try (ReceiptPrinter printer = Printers.open(PrinterConfig.builder(PrinterConfig.Kind.JAVAPOS)
                .logicalName("Receipt").drawerLogicalName("Drawer").build())) {

            assertThat(printer.status()).isEqualTo(PrinterStatus.NOT_CONFIGURED);
            assertThatThrownBy(() -> printer.print(SampleReceipts.cashPayment("1")))
                    .isInstanceOfSatisfying(PrinterException.class, e -> {
                        assertThat(e.status()).isEqualTo(PrinterStatus.NOT_CONFIGURED);
                        assertThat(e.key()).isEqualTo("printing.error.javaposMissing");
                        assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).contains("JavaPOS", "jpos.POSPrinter");
                    });
        }
    }

    @Test
    void anEmptyVendorJarDirectoryIsNotConfiguredEither(@TempDir Path dir) {
        JavaPosPrinter printer = JavaPosPrinter.fromClassPath("Receipt", null, PaperWidth.MM80, dir);

        assertThat(printer.status()).isEqualTo(PrinterStatus.NOT_CONFIGURED);
    }

    @Test
    void findsTheVendorsControlsInTheirJarDirectory(@TempDir Path dir) throws Exception {
        Path jars = dir.resolve("javapos");
        VendorJars.write(jars, dir.resolve("build"));
        VendorJarHook.printer = CapturePosService.printer(capture, true);
        VendorJarHook.drawer = CapturePosService.drawer(capture);

        try (ReceiptPrinter printer = Printers.open(PrinterConfig.builder(PrinterConfig.Kind.JAVAPOS)
                .logicalName("Receipt").drawerLogicalName("Drawer").javaPosJars(jars).paper(PaperWidth.MM58).build())) {
            assertThat(printer.status()).isEqualTo(PrinterStatus.ONLINE);

            printer.print(SampleReceipts.cashPayment("0000123"));
        }

        List<CapturedJob> jobs = capture.awaitJobs(2, WAIT);
        assertThat(jobs.get(0).lines()).containsExactly("[DRAWER]");
        assertThat(jobs.get(1).lines()).contains("收据号：0000123", "-".repeat(32), "[CUT]");
    }

    @Test
    void writesUnifiedPosEscapesForAlignmentEmphasisAndSize() {
        assertThat(JavaPosPrinter.escapes(new PaperLayout.Line("x", Alignment.CENTER, TextStyle.LARGE)))
                .isEqualTo("\u001b|N\u001b|cA\u001b|bC\u001b|4C");
        assertThat(JavaPosPrinter.escapes(new PaperLayout.Line("x", Alignment.RIGHT, TextStyle.DOUBLE_HEIGHT)))
                .isEqualTo("\u001b|N\u001b|rA\u001b|3C");
        assertThat(JavaPosPrinter.escapes(new PaperLayout.Line("x", Alignment.LEFT, TextStyle.NORMAL)))
                .isEqualTo("\u001b|N");
    }

    @Test
    void showsTwoLinesOnTheCustomerDisplay() {
        List<String> shown = new ArrayList<>();
        try (JavaPosLineDisplay display = new JavaPosLineDisplay(CapturePosService.display(shown), "CustomerDisplay")) {

            assertThat(display.show("应收 128.50", "实收 150.00 找零 21.50")).isTrue();
            assertThat(shown).containsExactly("应收 128.50", "实收 150.00 找零");

            assertThat(display.clear()).isTrue();
            assertThat(shown).isEmpty();
        }
    }

    @Test
    void aMissingCustomerDisplayNeverStopsThePayment() {
        JavaPosLineDisplay display = JavaPosLineDisplay.fromClassPath("CustomerDisplay", null);

        assertThat(display.installed()).isFalse();
        assertThat(display.show("应收 128.50", "")).isFalse();
    }
}
