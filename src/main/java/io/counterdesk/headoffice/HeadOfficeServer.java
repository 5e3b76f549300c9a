package io.counterdesk.headoffice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Head office's HTTP endpoint (JDK {@code HttpServer}, no framework): {@code POST /sync/v1/batches}
 * (a batch's bytes in, the signed acknowledgement or a JSON refusal out), {@code POST /sync/v1/enrol},
 * {@code GET /receipts?hall=&kind=&number=}. Answers only after head office's commit.
 */
public final class HeadOfficeServer implements AutoCloseable {

    static final int MAX_BATCH = 256 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService pool;
    private final HeadOffice headOffice;

    private HeadOfficeServer(HeadOffice headOffice, InetSocketAddress address, int threads) throws IOException {
        this.headOffice = headOffice;
        this.server = HttpServer.create(address, 64);
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "headoffice-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/sync/v1/batches", this::batch);
        server.createContext("/sync/v1/enrol", this::enrol);
        server.createContext("/receipts", this::receipt);
        server.createContext("/health", x -> answer(x, 200, "text/plain", "ok".getBytes(StandardCharsets.UTF_8)));
    }

    public static HeadOfficeServer start(HeadOffice headOffice, InetSocketAddress address) throws IOException {
        HeadOfficeServer s = new HeadOfficeServer(headOffice, address, 8);
        s.server.start();
        return s;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void batch(HttpExchange x) throws IOException {
        try (x) {
            if (!x.getRequestMethod().equals("POST")) {
                refuse(x, 405, "METHOD", "POST a batch", 0);
                return;
            }
            byte[] body = read(x.getRequestBody());
            if (body == null) {
                refuse(x, 413, "TOO_LARGE", "batch larger than " + MAX_BATCH + " bytes", 0);
                return;
            }
            Outcome o = headOffice.accept(body);
            if (o.isAccepted()) {
                answer(x, 200, "application/octet-stream", o.ack());
                return;
            }
            int status = switch (o.refusal()) {
                case MALFORMED, MANIFEST_MISMATCH -> 400;
                case UNKNOWN_TERMINAL, BAD_SIGNATURE -> 403;
                case FORK, OLD_EPOCH, GAP, CHAIN_BROKEN -> 409;
            };
            refuse(x, status, o.refusal().name(), o.message(), o.expectedSeq());
        } catch (java.sql.SQLException | RuntimeException e) {
            refuse(x, 503, "UNAVAILABLE", "head office could not store the batch: " + e.getMessage(), 0);
        }
    }

    private void enrol(HttpExchange x) throws IOException {
        try (x) {
            byte[] body = read(x.getRequestBody());
            JsonNode n = JSON.readTree(body);
            boolean ok = headOffice.enrol(n.path("hall").asText(), n.path("terminal").asText(), n.path("token").asText(null),
                    n.path("publicKey").asText());
            if (ok) {
                answer(x, 200, "text/plain", "enrolled".getBytes(StandardCharsets.UTF_8));
            } else {
                refuse(x, 403, "ENROL_REFUSED", "token or key not accepted", 0);
            }
        } catch (java.sql.SQLException | RuntimeException e) {
            refuse(x, 400, "ENROL_REFUSED", "unreadable enrolment", 0);
        }
    }

    private void receipt(HttpExchange x) throws IOException {
        try (x) {
            Map<String, String> q = query(x.getRequestURI().getRawQuery());
            long number = Long.parseLong(q.getOrDefault("number", "-1"));
            var found = headOffice.checkReceipt(q.getOrDefault("hall", ""), q.getOrDefault("kind", "RECEIPT"), number);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("genuine", !found.isEmpty());
            out.put("receipts", found);
            answer(x, 200, "application/json; charset=utf-8", JSON.writeValueAsBytes(out));
        } catch (java.sql.SQLException | RuntimeException e) {
            refuse(x, 400, "BAD_QUERY", "hall, kind and number please", 0);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static byte[] read(InputStream in) throws IOException {
        byte[] b = in.readNBytes(MAX_BATCH + 1);
        return b.length > MAX_BATCH ? null : b;
    }

    private static void refuse(HttpExchange x, int status, String code, String message, long expectedSeq) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        if (expectedSeq > 0) {
            body.put("expectedSeq", expectedSeq);
        }
        answer(x, status, "application/json; charset=utf-8", JSON.writeValueAsBytes(body));
    }

    private static void answer(HttpExchange x, int status, String type, byte[] body) throws IOException {
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(status, body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
