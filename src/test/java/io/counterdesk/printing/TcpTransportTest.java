package io.counterdesk.printing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The network transport against the capture printer on 127.0.0.1: real sockets, real DLE EOT. */
class TcpTransportTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private CapturePrinter capture;
    private TcpTransport transport;

    @BeforeEach
    void start() {
        capture = CapturePrinter.start();
        transport = new TcpTransport(capture.host(), capture.port());
    }

    @AfterEach
    void stop() {
        capture.close();
    }

    @Test
    void deliversAJobWholeEvenWhenItIsLarge() throws Exception {
        byte[] job = new byte[2_000_000];
        new Random(7).nextBytes(job);
        for (int i = 0; i < job.length; i++) {
            if (job[i] == 0x10) {
                job[i] = 0x11; // no DLE in the data, as in real ESC/POS text jobs
            }
        }

        PrinterStatus status = transport.send(job);

        assertThat(status).isEqualTo(PrinterStatus.ONLINE);
        assertThat(capture.awaitJobs(1, WAIT).get(0).bytes()).isEqualTo(job);
    }

    @Test
    void deliversSeveralJobsInOrderEachAsOneJob() throws Exception {
        EscPosEncoder encoder = new EscPosEncoder(PaperWidth.MM80);
        for (String number : List.of("0000121", "0000122", "0000123")) {
            transport.send(encoder.encode(SampleReceipts.cashPayment(number)));
        }

        List<CapturedJob> jobs = capture.awaitJobs(3, WAIT);
        assertThat(jobs).extracting(job -> job.lines().get(2))
                .containsExactly("收据号：0000121", "收据号：0000122", "收据号：0000123");
    }

    @Test
    void readsOnlineFromDleEot() {
        assertThat(transport.status()).isEqualTo(PrinterStatus.ONLINE);
        assertThat(capture.statusQueries()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(value = PrinterStatus.class, names = {"ONLINE", "PAPER_NEAR_END", "OFFLINE", "PAPER_OUT", "COVER_OPEN"})
    void reportsWhatThePrinterAnswers(PrinterStatus state) {
        capture.simulate(state);

        assertThat(transport.status()).isEqualTo(state);
    }

    @ParameterizedTest
    @EnumSource(value = PrinterStatus.class, names = {"OFFLINE", "PAPER_OUT", "COVER_OPEN"})
    void refusesAJobWhileThePrinterCannotPrintAndSendsNothing(PrinterStatus state) throws Exception {
        capture.simulate(state);

        assertThatThrownBy(() -> transport.send(new byte[] {'x', 0x0A}))
                .isInstanceOfSatisfying(PrinterException.class, e -> {
                    assertThat(e.status()).isEqualTo(state);
                    assertThat(e.mayHavePrinted()).isFalse();
                    assertThat(e.key()).isEqualTo(switch (state) {
                        case PAPER_OUT -> "printing.error.paperOut";
                        case COVER_OPEN -> "printing.error.coverOpen";
                        default -> "printing.error.offline";
                    });
                });

        capture.simulate(PrinterStatus.ONLINE);
        transport.send(new byte[] {'y', 0x0A});
        assertThat(capture.awaitJobs(1, WAIT)).extracting(CapturedJob::lines).containsExactly(List.of("y"));
    }

    @Test
    void printsWhenPaperIsRunningLow() throws Exception {
        capture.simulate(PrinterStatus.PAPER_NEAR_END);

        assertThat(transport.send(new byte[] {'x'})).isEqualTo(PrinterStatus.PAPER_NEAR_END);
        assertThat(capture.awaitJobs(1, WAIT)).hasSize(1);
    }

    @Test
    void printsToAPrinterThatDoesNotAnswerStatusQueries() throws Exception {
        capture.simulate(PrinterStatus.UNKNOWN);
        TcpTransport impatient = new TcpTransport(capture.host(), capture.port(), Duration.ofSeconds(3),
                Duration.ofMillis(200), true);

        assertThat(impatient.status()).isEqualTo(PrinterStatus.UNKNOWN);
        assertThat(impatient.send(new byte[] {'x', 0x0A})).isEqualTo(PrinterStatus.UNKNOWN);
        assertThat(capture.awaitJobs(1, WAIT).get(0).lines()).containsExactly("x");
    }

    @Test
    void withoutStatusQueriesSendsStraightAway() throws Exception {
        capture.simulate(PrinterStatus.PAPER_OUT);
        TcpTransport blind = new TcpTransport(capture.host(), capture.port(), Duration.ofSeconds(3), Duration.ofSeconds(2), false);

        assertThat(blind.status()).isEqualTo(PrinterStatus.UNKNOWN);
        assertThat(blind.send(new byte[] {'x'})).isEqualTo(PrinterStatus.UNKNOWN);
        assertThat(capture.awaitJobs(1, WAIT)).hasSize(1);
        assertThat(capture.statusQueries()).isZero();
    }

    @Test
    void aPortNobodyListensOnIsOfflineAndTheJobIsRefused() throws IOException {
        int unused;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            unused = probe.getLocalPort();
        }
        TcpTransport nowhere = new TcpTransport("127.0.0.1", unused);

        assertThat(nowhere.status()).isEqualTo(PrinterStatus.OFFLINE);
        assertThatThrownBy(() -> nowhere.send(new byte[] {'x'}))
                .isInstanceOfSatisfying(PrinterException.class, e -> {
                    assertThat(e.status()).isEqualTo(PrinterStatus.OFFLINE);
                    assertThat(e.key()).isEqualTo("printing.error.unreachable");
                    assertThat(e.mayHavePrinted()).isFalse();
                    assertThat(e.message(java.util.Locale.SIMPLIFIED_CHINESE)).contains("127.0.0.1:" + unused);
                });
    }
}
