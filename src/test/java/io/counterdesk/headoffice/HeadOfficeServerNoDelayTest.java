package io.counterdesk.headoffice;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.sync.SyncKeys;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Head office's server turns Nagle's algorithm off on the connections it accepts: the JDK server
 * reads {@code sun.net.httpserver.nodelay} once, when its first server starts, and leaves it off
 * otherwise, which held every answer on a kept-alive connection for the client's delayed ACK
 * (docs/benchmarks.md, "Nagle's algorithm at head office"). The effect is measured in SyncBench, not here.
 */
class HeadOfficeServerNoDelayTest {

    @TempDir
    Path dir;

    @Test
    void theSwitchIsOnBeforeTheFirstServerStartsAndAnswersComeBack() throws Exception {
        try (HeadOfficeStore store = HeadOfficeStore.embedded(dir.resolve("ho"));
             HeadOfficeServer server = HeadOfficeServer.start(new HeadOffice(store, SyncKeys.generate(), Clock.systemUTC()),
                     new InetSocketAddress("127.0.0.1", 0))) {
            assertThat(System.getProperty(HeadOfficeServer.NODELAY)).isEqualTo("true");
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                        + "/health")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).isEqualTo("ok");
            }
        }
    }
}
