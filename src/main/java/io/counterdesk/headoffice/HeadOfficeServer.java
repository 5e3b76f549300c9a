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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Head office's HTTP endpoint (JDK {@code HttpServer}, no framework): {@code POST /sync/v1/batches}
 * (a batch's bytes in, the signed acknowledgement or a JSON refusal out), {@code POST /sync/v1/enrol},
 * {@code GET /receipts?hall=&kind=&number=}. Answers only after head office's commit. For head office's
 * staff, read-only: {@code GET /?day=&hall=&kind=&number=&lang=} (the consolidated day as a page, with
 * the receipt check) and {@code GET /report.pdf?day=} (the same day as the consolidated PDF).
 */
public final class HeadOfficeServer implements AutoCloseable {

    static final int MAX_BATCH = 256 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService pool;
    private final HeadOffice headOffice;
    /** The halls' time zone: business days, "late" and the times shown. */
    private final java.time.ZoneId zone;
    private final java.util.function.Supplier<io.counterdesk.report.pdf.ReportFont> font;

    private HeadOfficeServer(HeadOffice headOffice, InetSocketAddress address, int threads, java.time.ZoneId zone)
            throws IOException {
        this.headOffice = headOffice;
        this.zone = zone;
        this.font = () -> io.counterdesk.report.pdf.ReportFont.locate(java.util.Optional.empty(), java.util.Optional.empty(),
                System.getenv());
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
        server.createContext("/report.pdf", this::pdf);
        server.createContext("/", this::page);
        server.createContext("/health", x -> answer(x, 200, "text/plain", "ok".getBytes(StandardCharsets.UTF_8)));
    }

    public static HeadOfficeServer start(HeadOffice headOffice, InetSocketAddress address) throws IOException {
        return start(headOffice, address, HALL_ZONE);
    }

    /** The halls' zone when none is given. */
    public static final java.time.ZoneId HALL_ZONE = java.time.ZoneId.of("Asia/Shanghai");

    public static HeadOfficeServer start(HeadOffice headOffice, InetSocketAddress address, java.time.ZoneId zone)
            throws IOException {
        HeadOfficeServer s = new HeadOfficeServer(headOffice, address, 8, zone);
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

    private void page(HttpExchange x) throws IOException {
        try (x) {
            if (!x.getRequestURI().getPath().equals("/")) {
                answer(x, 404, "text/plain; charset=utf-8", "not found".getBytes(StandardCharsets.UTF_8));
                return;
            }
            Map<String, String> q = query(x.getRequestURI().getRawQuery());
            java.util.Locale locale = "en".equals(q.get("lang")) ? java.util.Locale.ENGLISH : io.counterdesk.shared.I18n.CHINESE;
            java.time.LocalDate day = day(q);
            HeadOfficePage.ReceiptCheck check = null;
            String number = q.getOrDefault("number", "").strip();
            if (!number.isEmpty()) {
                String hall = q.getOrDefault("hall", "").strip();
                String kind = q.getOrDefault("kind", "RECEIPT");
                List<Map<String, Object>> found = number.matches("\\d{1,18}")
                        ? headOffice.checkReceipt(hall, kind, Long.parseLong(number)) : List.of();
                check = new HeadOfficePage.ReceiptCheck(hall, kind, number, found);
            }
            String html = HeadOfficePage.render(headOffice.consolidate(day, zone, 7), check, locale, zone);
            answer(x, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
        } catch (java.sql.SQLException | RuntimeException e) {
            answer(x, e instanceof java.time.format.DateTimeParseException ? 400 : 503, "text/plain; charset=utf-8",
                    ("head office could not show the day: " + e.getMessage()).getBytes(StandardCharsets.UTF_8));
        }
    }

    private void pdf(HttpExchange x) throws IOException {
        try (x) {
            java.time.LocalDate day = day(query(x.getRequestURI().getRawQuery()));
            byte[] pdf = ConsolidatedDayPdf.write(headOffice.consolidate(day, zone, 1), font.get(),
                    java.time.ZonedDateTime.now(zone));
            x.getResponseHeaders().set("Content-Disposition", "inline; filename=\"halls-" + day + ".pdf\"");
            answer(x, 200, "application/pdf", pdf);
        } catch (io.counterdesk.shared.BusinessException e) {
            answer(x, 503, "text/plain; charset=utf-8", e.getMessage().getBytes(StandardCharsets.UTF_8));
        } catch (java.sql.SQLException | RuntimeException e) {
            answer(x, e instanceof java.time.format.DateTimeParseException ? 400 : 503, "text/plain; charset=utf-8",
                    ("head office could not write the report: " + e.getMessage()).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** {@code ?day=YYYY-MM-DD}, else the latest day head office holds figures for. */
    private java.time.LocalDate day(Map<String, String> q) throws java.sql.SQLException {
        String day = q.getOrDefault("day", "").strip();
        return day.isEmpty() ? headOffice.latestDay(zone) : java.time.LocalDate.parse(day);
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
