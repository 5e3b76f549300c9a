package io.counterdesk.printing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The facade over a real capture printer: refusal, pending, resume with the same number. */
class ReceiptPrinterTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private CapturePrinter capture;
    private ReceiptPrinter printer;
    private final List<PrinterStatus> heard = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        capture = CapturePrinter.start();
        printer = new ReceiptPrinter(new EscPosPrinter(new TcpTransport(capture.host(), capture.port()),
                new EscPosEncoder(PaperWidth.MM80)), true);
        printer.addStatusListener(heard::add);
    }

    @AfterEach
    void stop() {
        printer.close();
        capture.close();
    }

    @Test
    void printsAReceiptAndSaysTheStatus() throws Exception {
        assertThat(printer.print(SampleReceipts.cashPayment("0000123"))).isEqualTo(PrinterStatus.ONLINE);

        assertThat(capture.awaitJobs(1, WAIT).get(0).lines()).startsWith("[DRAWER]", "燃气费收据", "收据号：0000123");
        assertThat(printer.lastStatus()).isEqualTo(PrinterStatus.ONLINE);
        assertThat(printer.pending()).isEmpty();
        assertThat(heard).containsExactly(PrinterStatus.ONLINE);
    }

    @Test
    void aReceiptRefusedForLackOfPaperIsResumedWithItsOwnNumberOnceThePaperIsIn() throws Exception {
        capture.simulate(PrinterStatus.PAPER_OUT);
        PrintDocument receipt = SampleReceipts.cashPayment("0000123");

        assertThatThrownBy(() -> printer.print(receipt))
                .isInstanceOfSatisfying(PrinterException.class, e -> {
                    assertThat(e.status()).isEqualTo(PrinterStatus.PAPER_OUT);
                    assertThat(e.message(java.util.Locale.SIMPLIFIED_CHINESE)).startsWith("打印机缺纸").contains("收据号不变");
                });
        assertThat(printer.pending()).containsExactly(receipt);
        assertThat(capture.jobs()).isEmpty();

        assertThatThrownBy(printer::resume).isInstanceOf(PrinterException.class);
        assertThat(printer.pending()).containsExactly(receipt);

        capture.simulate(PrinterStatus.ONLINE);
        assertThat(printer.resume()).isEqualTo(1);

        List<CapturedJob> jobs = capture.awaitJobs(1, WAIT);
        assertThat(jobs).hasSize(1);
        assertThat(jobs.get(0).lines()).startsWith("[DRAWER]", "燃气费收据", "收据号：0000123");
        assertThat(printer.pending()).isEmpty();
        assertThat(heard).containsExactly(PrinterStatus.PAPER_OUT, PrinterStatus.ONLINE);
    }

    @Test
    void anOfflinePrinterIsSeenByTheStatusQueryAndRecoveryToo() {
        capture.simulate(PrinterStatus.OFFLINE);
        assertThat(printer.status()).isEqualTo(PrinterStatus.OFFLINE);

        capture.simulate(PrinterStatus.ONLINE);
        assertThat(printer.status()).isEqualTo(PrinterStatus.ONLINE);

        assertThat(heard).containsExactly(PrinterStatus.OFFLINE, PrinterStatus.ONLINE);
    }

    @Test
    void pendingReceiptsAreResumedOldestFirst() throws Exception {
        capture.simulate(PrinterStatus.COVER_OPEN);
        for (String number : List.of("0000121", "0000122")) {
            assertThatThrownBy(() -> printer.print(SampleReceipts.cashPayment(number))).isInstanceOf(PrinterException.class);
        }
        capture.simulate(PrinterStatus.ONLINE);

        assertThat(printer.resume()).isEqualTo(2);

        assertThat(capture.awaitJobs(2, WAIT)).extracting(job -> job.lines().get(2))
                .containsExactly("收据号：0000121", "收据号：0000122");
    }

    @Test
    void aReprintIsMarkedAsACopyAndLeavesTheDrawerShut() throws Exception {
        printer.print(SampleReceipts.cashPayment("0000123").asCopy("重打"));

        List<String> lines = capture.awaitJobs(1, WAIT).get(0).lines();
        assertThat(lines).startsWith("重打", "燃气费收据", "收据号：0000123").doesNotContain("[DRAWER]");
    }

    @Test
    void aTerminalWithoutADrawerNeverKicksIt() throws Exception {
        ReceiptPrinter noDrawer = new ReceiptPrinter(new EscPosPrinter(new TcpTransport(capture.host(), capture.port()),
                new EscPosEncoder(PaperWidth.MM80)), false);

        noDrawer.print(SampleReceipts.cashPayment("0000123"));

        assertThat(capture.awaitJobs(1, WAIT).get(0).lines()).doesNotContain("[DRAWER]").contains("收据号：0000123");
    }

    @Test
    void whenTheConnectionBreaksMidJobTheResumedReceiptDoesNotKickTheDrawerAgain() throws Exception {
        try (HangUpPrinter broken = new HangUpPrinter()) {
            ReceiptPrinter flaky = new ReceiptPrinter(new EscPosPrinter(new TcpTransport("127.0.0.1", broken.port()),
                    new EscPosEncoder(PaperWidth.MM80)), true);
            PrintDocument big = bigCashReceipt();

            assertThatThrownBy(() -> flaky.print(big)).isInstanceOfSatisfying(PrinterException.class, e -> {
                assertThat(e.mayHavePrinted()).isTrue();
                assertThat(e.key()).isEqualTo("printing.error.sendFailed");
            });

            assertThat(flaky.pending()).containsExactly(big.withoutDrawerKick());
        }
    }

    @Test
    void resumingWithNothingPendingPrintsNothing() {
        assertThat(printer.resume()).isZero();
        assertThat(capture.jobs()).isEmpty();
    }

    @Test
    void discardingPendingForgetsThem() {
        capture.simulate(PrinterStatus.PAPER_OUT);
        assertThatThrownBy(() -> printer.print(SampleReceipts.cashPayment("0000123"))).isInstanceOf(PrinterException.class);

        printer.discardPending();

        assertThat(printer.pending()).isEmpty();
        assertThat(printer.firstPending()).isEmpty();
    }

    /** A receipt far larger than the socket buffers, so the hang-up hits it while sending. */
    private static PrintDocument bigCashReceipt() {
        PrintDocument.Builder builder = PrintDocument.builder().openDrawer();
        for (int i = 0; i < 200_000; i++) {
            builder.columns("第" + i + "项燃气费", "128.50");
        }
        return builder.cut().build();
    }

    /**
     * A network printer that answers the status query "online", then resets the connection: the
     * real-socket way to break a job half-way.
     */
    private static final class HangUpPrinter implements AutoCloseable {

        private final ServerSocket server;
        private final Thread thread;

        HangUpPrinter() throws IOException {
            server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            thread = new Thread(this::serve, "hang-up-printer");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void serve() {
            try (Socket socket = server.accept()) {
                InputStream in = socket.getInputStream();
                for (int query = 0; query < 3; query++) {
                    in.readNBytes(3);
                    socket.getOutputStream().write(0x12);
                    socket.getOutputStream().flush();
                }
                in.readNBytes(1000);
                socket.setSoLinger(true, 0); // close with a reset
            } catch (IOException ignored) {
                // the test only needs the hang-up
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
