package io.counterdesk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.counterdesk.headoffice.Outcome;
import io.counterdesk.shared.I18n;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The reasons a send failed, as the cashier reads them in the status bar: each from a real failure of
 * the JDK's HTTP client against a real socket (closed port, unknown name, a server that hangs up or
 * never answers), and each refusal code head office sends, in Chinese and in English.
 */
class SyncErrorsTest {

    private static IOException failureOf(String url, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        return catchThrowableOfType(IOException.class, () -> http.send(HttpRequest.newBuilder(URI.create(url + "/sync/v1/enrol"))
                .timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void aClosedPortSaysHeadOfficeCannotBeConnected() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        assertThat(SyncErrors.unreachable(failureOf(url, Duration.ofSeconds(5)), url))
                .isEqualTo("连不上总部 http://127.0.0.1:" + port + "，稍后自动重试");
    }

    @Test
    void anUnknownNameSaysTheAddressIsNotFound() {
        String url = "http://head-office.invalid:8443";
        assertThat(SyncErrors.unreachable(failureOf(url, Duration.ofSeconds(5)), url))
                .isEqualTo("找不到总部地址 http://head-office.invalid:8443，请检查网络或登记文件");
    }

    @Test
    void aServerThatHangsUpSaysTheConnectionBroke() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            Thread t = new Thread(() -> {
                // the request arrives, then the line goes without an answer; the client tries a GET twice
                while (!s.isClosed()) {
                    try (Socket c = s.accept()) {
                        readHeaders(c);
                    } catch (IOException ignored) {
                        // the socket closed at the end of the test
                    }
                }
            });
            t.start();
            String url = "http://127.0.0.1:" + s.getLocalPort();
            assertThat(SyncErrors.unreachable(failureOf(url, Duration.ofSeconds(5)), url))
                    .isEqualTo("与总部 " + url + " 的连接中断，稍后自动重试");
        }
    }

    @Test
    void aServerThatNeverAnswersSaysItTimedOut() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            Thread t = new Thread(() -> {
                try (Socket c = s.accept()) {
                    c.getInputStream().readAllBytes(); // reads, answers nothing, until the client gives up
                } catch (IOException ignored) {
                    // the client gave up
                }
            });
            t.start();
            String url = "http://127.0.0.1:" + s.getLocalPort();
            assertThat(SyncErrors.unreachable(failureOf(url, Duration.ofMillis(500)), url))
                    .isEqualTo("总部 " + url + " 无应答（超时），稍后自动重试");
            t.join(5_000);
        }
    }

    @Test
    void everyRefusalHeadOfficeCanSendHasItsOwnTextInBothLanguages() {
        Locale before = I18n.locale();
        try {
            for (Locale l : new Locale[] {I18n.CHINESE, Locale.ENGLISH}) {
                I18n.setLocale(l);
                String other = SyncErrors.refused(418, "{\"code\":\"NO_SUCH_CODE\"}".getBytes(StandardCharsets.UTF_8));
                for (Outcome.Refusal r : Outcome.Refusal.values()) {
                    String text = SyncErrors.refused(409, json(r.name(), 0));
                    assertThat(text).as(r + " in " + l).isNotBlank().doesNotStartWith(other.substring(0, 6));
                }
                for (String code : new String[] {"TOO_LARGE", "UNAVAILABLE", "ENROL_REFUSED"}) {
                    assertThat(SyncErrors.refused(400, json(code, 0))).as(code).doesNotStartWith(other.substring(0, 6));
                }
            }
        } finally {
            I18n.setLocale(before);
        }
    }

    @Test
    void aGapNamesTheBatchHeadOfficeWaitsForAndAnUnknownAnswerItsStatus() {
        assertThat(SyncErrors.refused(409, json("GAP", 12_345)))
                .isEqualTo("总部缺少之前的批次（它在等第 12345 批），请联系总部");
        assertThat(SyncErrors.refused(502, "<html>Bad Gateway</html>".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("总部拒收（502 —），请联系总部");
        assertThat(SyncErrors.refused(400, json("BAD_QUERY", 0))).isEqualTo("总部拒收（400 BAD_QUERY），请联系总部");
    }

    private static void readHeaders(Socket c) throws IOException {
        var in = c.getInputStream();
        int last4 = 0;
        for (int b; (b = in.read()) >= 0; ) {
            last4 = (last4 << 8) | b;
            if (last4 == 0x0d0a0d0a) {
                return;
            }
        }
    }

    private static byte[] json(String code, long expected) {
        return ("{\"code\":\"" + code + "\",\"message\":\"head office's own words\""
                + (expected > 0 ? ",\"expectedSeq\":" + expected : "") + "}").getBytes(StandardCharsets.UTF_8);
    }
}
