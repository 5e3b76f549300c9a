package io.counterdesk.printing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapturePrinterTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private CapturePrinter capture;

    @AfterEach
    void close() {
        if (capture != null) {
            capture.close();
        }
    }

    @Test
    void listensOnTheLoopbackAddressOnAFreePort() {
        capture = CapturePrinter.start();

        assertThat(capture.host()).isEqualTo("127.0.0.1");
        assertThat(capture.port()).isPositive();
    }

    @Test
    void keepsWhatOneConnectionSentAsOneJob() throws Exception {
        capture = CapturePrinter.start();
        byte[] first = "第一部分\n".getBytes(EscPosEncoder.CHARSET);
        byte[] second = "第二部分\n".getBytes(EscPosEncoder.CHARSET);

        try (Socket socket = new Socket(capture.host(), capture.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(first);
            out.flush();
            out.write(second);
            out.flush();
        }

        List<CapturedJob> jobs = capture.awaitJobs(1, WAIT);
        assertThat(jobs).hasSize(1);
        assertThat(jobs.get(0).bytes()).isEqualTo(EscPosEncoderTest.concat(first, second));
        assertThat(jobs.get(0).number()).isEqualTo(1);
        assertThat(jobs.get(0).printerState()).isEqualTo(PrinterStatus.ONLINE);
    }

    @Test
    void answersDleEotAndLeavesTheQueryOutOfTheJob() throws Exception {
        capture = CapturePrinter.start();
        capture.simulate(PrinterStatus.PAPER_OUT);

        try (Socket socket = new Socket(capture.host(), capture.port())) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(new byte[] {'a', 0x10, 0x04, 0x01});
            out.flush();
            int printer = in.read();
            out.write(new byte[] {0x10, 0x04, 0x04, 'b'});
            out.flush();
            int paper = in.read();
            assertThat(printer).isEqualTo(0x1A);
            assertThat(paper).isEqualTo(0x7E);
        }

        assertThat(capture.awaitJobs(1, WAIT).get(0).bytes()).isEqualTo(new byte[] {'a', 'b'});
        assertThat(capture.statusQueries()).isEqualTo(2);
    }

    @Test
    void aConnectionThatOnlyAskedForStatusLeavesNoJob() throws Exception {
        capture = CapturePrinter.start();

        assertThat(new TcpTransport(capture.host(), capture.port()).status()).isEqualTo(PrinterStatus.ONLINE);
        new TcpTransport(capture.host(), capture.port()).send(new byte[] {'x', 0x0A});

        List<CapturedJob> jobs = capture.awaitJobs(1, WAIT);
        assertThat(jobs).hasSize(1);
        assertThat(jobs.get(0).lines()).containsExactly("x");
    }

    @Test
    void writesEachJobAsBytesAndDecodedTextToItsDirectory(@TempDir Path dir) throws Exception {
        capture = CapturePrinter.start(0, dir.resolve("receipts"));
        byte[] job = new EscPosEncoder(PaperWidth.MM58).encode(SampleReceipts.cashPayment("0000123"));

        new TcpTransport(capture.host(), capture.port()).send(job);
        capture.awaitJobs(1, WAIT);

        assertThat(Files.readAllBytes(dir.resolve("receipts/job-000001.bin"))).isEqualTo(job);
        assertThat(Files.readString(dir.resolve("receipts/job-000001.txt"), StandardCharsets.UTF_8))
                .startsWith("[DRAWER]\n燃气费收据\n收据号：0000123\n")
                .contains("[QR] " + SampleReceipts.QR + "\n")
                .endsWith("[CUT]\n");
        try (var files = Files.list(dir.resolve("receipts"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("job-000001.bin", "job-000001.txt");
        }
    }

    @Test
    void tellsListenersAboutEachJob() throws Exception {
        capture = CapturePrinter.start();
        List<Integer> heard = new CopyOnWriteArrayList<>();
        capture.addListener(job -> heard.add(job.number()));

        new TcpTransport(capture.host(), capture.port()).send(new byte[] {'1'});
        new TcpTransport(capture.host(), capture.port()).send(new byte[] {'2'});
        capture.awaitJobs(2, WAIT);

        assertThat(heard).containsExactly(1, 2);
    }

    @Test
    void waitingForJobsThatNeverComeEndsWithAClearTimeout() {
        capture = CapturePrinter.start();

        assertThatThrownBy(() -> capture.awaitJobs(1, Duration.ofMillis(50)))
                .isInstanceOf(TimeoutException.class)
                .hasMessageContaining("received 0 of 1 jobs");
    }

    @Test
    void refusesToPretendItIsNotConfigured() {
        capture = CapturePrinter.start();

        assertThatThrownBy(() -> capture.simulate(PrinterStatus.NOT_CONFIGURED)).isInstanceOf(IllegalArgumentException.class);
    }
}
