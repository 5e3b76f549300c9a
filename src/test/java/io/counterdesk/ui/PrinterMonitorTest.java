package io.counterdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.counterdesk.printing.CapturePrinter;
import io.counterdesk.printing.PrintDocument;
import io.counterdesk.printing.PrinterConfig;
import io.counterdesk.printing.PrinterException;
import io.counterdesk.printing.PrinterStatus;
import io.counterdesk.printing.Printers;
import io.counterdesk.printing.ReceiptPrinter;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The status bar's printer segment follows a real (capture) printer: asked in the background, and told by prints. */
class PrinterMonitorTest {

    private final ManualTaskExecutor executor = new ManualTaskExecutor();
    private final StatusBarModel status = new StatusBarModel(Clock.systemUTC());
    private ReceiptPrinter printer;
    private CapturePrinter capture;
    private PrinterMonitor monitor;

    @BeforeEach
    void startPrinter() {
        printer = Printers.open(PrinterConfig.capture());
        capture = printer.capturePrinter().orElseThrow();
        monitor = new PrinterMonitor(executor, printer, status, Duration.ofSeconds(5));
    }

    @AfterEach
    void stopPrinter() {
        monitor.stop();
        printer.close();
    }

    @ParameterizedTest
    @CsvSource({
        "ONLINE, READY", "PAPER_NEAR_END, READY", "UNKNOWN, READY",
        "OFFLINE, ERROR", "PAPER_OUT, ERROR", "COVER_OPEN, ERROR",
        "NOT_CONFIGURED, NOT_CONNECTED"})
    void everyPrinterStatusHasItsPlaceInTheStatusBar(PrinterStatus printerStatus, DeviceState expected) {
        assertThat(PrinterMonitor.stateOf(printerStatus)).isEqualTo(expected);
    }

    @Test
    void asksThePrinterOffTheUiThreadAndShowsWhatItSays() {
        monitor.start();
        assertThat(status.printerTextProperty().get()).as("until the printer answers").isEqualTo("打印机：未连接");
        assertThat(executor.pendingTasks()).as("the question runs in the background").isEqualTo(1);

        executor.runNextTask();
        assertThat(status.printerProperty().get()).isEqualTo(DeviceState.READY);
        assertThat(status.printerTextProperty().get()).isEqualTo("打印机：就绪");
        assertThat(status.printerDescriptionProperty().get()).isNotEmpty();

        capture.simulate(PrinterStatus.PAPER_OUT);
        pollOnce();
        assertThat(status.printerProperty().get()).isEqualTo(DeviceState.ERROR);
        assertThat(status.printerTextProperty().get()).isEqualTo("打印机：缺纸");

        capture.simulate(PrinterStatus.COVER_OPEN);
        pollOnce();
        assertThat(status.printerTextProperty().get()).isEqualTo("打印机：纸仓盖未合上");

        capture.simulate(PrinterStatus.PAPER_NEAR_END);
        pollOnce();
        assertThat(status.printerProperty().get()).isEqualTo(DeviceState.READY);
        assertThat(status.printerTextProperty().get()).isEqualTo("打印机：就绪（纸快用完了）");
    }

    @Test
    void aFailedPrintShowsAtOnceWithoutWaitingForTheNextQuestion() {
        monitor.start();
        executor.runNextTask();
        capture.simulate(PrinterStatus.OFFLINE);

        assertThatThrownBy(() -> printer.print(PrintDocument.builder().text("测试").cut().build()))
                .isInstanceOf(PrinterException.class);
        printer.discardPending();
        executor.runScheduled();

        assertThat(status.printerProperty().get()).isEqualTo(DeviceState.ERROR);
        assertThat(status.printerTextProperty().get()).isEqualTo("打印机：脱机");
    }

    @Test
    void whilePrintingTheBarSaysSoAndDoesNotAskThePrinter() {
        monitor.start();
        executor.runNextTask();

        monitor.printingStarted();
        assertThat(status.printerProperty().get()).isEqualTo(DeviceState.BUSY);
        executor.runScheduled();
        assertThat(executor.pendingTasks()).as("no question while printing").isZero();

        monitor.printingFinished();
        assertThat(executor.pendingTasks()).as("asked again once printing is over").isEqualTo(1);
        executor.runNextTask();
        assertThat(status.printerProperty().get()).isEqualTo(DeviceState.READY);
    }

    @Test
    void noPrinterConfiguredIsNotConnected() {
        try (ReceiptPrinter none = Printers.open(PrinterConfig.none())) {
            PrinterMonitor unconfigured = new PrinterMonitor(executor, none, status, Duration.ofSeconds(5));
            unconfigured.start();
            executor.runNextTask();
            assertThat(status.printerProperty().get()).isEqualTo(DeviceState.NOT_CONNECTED);
            assertThat(status.printerTextProperty().get()).isEqualTo("打印机：未连接");
            unconfigured.stop();
        }
    }

    @Test
    void afterStopNothingIsAskedOrShown() {
        monitor.start();
        executor.runNextTask();
        monitor.stop();
        capture.simulate(PrinterStatus.PAPER_OUT);

        executor.runScheduled();
        assertThat(executor.pendingTasks()).isZero();
        assertThat(status.printerProperty().get()).isEqualTo(DeviceState.READY);
    }

    private void pollOnce() {
        executor.runScheduled();
        executor.runNextTask();
        executor.runScheduled();
    }
}
