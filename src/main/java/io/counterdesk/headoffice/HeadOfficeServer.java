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
    /**
     * The JDK server's switch for {@code TCP_NODELAY} on the connections it accepts: off unless set
     * (jdk.httpserver's module summary, "sun.net.httpserver.nodelay"). Off, Nagle's algorithm holds the
     * second part of an answer (headers, then the body) until the client's delayed ACK, about 40 ms on a
     * kept-alive connection: a terminal's batch waited for it, and head office's request threads and
     * database connections sat idle (docs/benchmarks.md). Read once, when the JVM's first server starts;
     * an explicit {@code -D} setting is kept.
     */
    static final String NODELAY = "sun.net.httpserver.nodelay";

    static {
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService pool;
    private final HeadOffice headOffice;
    private final HeadOfficeUploads uploads;
    /** The halls' time zone: business days, "late" and the times shown. */
    private final java.time.ZoneId zone;
    private final java.util.function.Supplier<io.counterdesk.report.pdf.ReportFont> font;

    private HeadOfficeServer(HeadOffice headOffice, InetSocketAddress address, int threads, java.time.ZoneId zone,
                             javax.net.ssl.SSLContext tls) throws IOException {
        this.headOffice = headOffice;
        this.uploads = new HeadOfficeUploads(headOffice.database());
        this.zone = zone;
        this.font = () -> io.counterdesk.report.pdf.ReportFont.locate(java.util.Optional.empty(), java.util.Optional.empty(),
                System.getenv());
        if (tls == null) {
            this.server = HttpServer.create(address, 64);
        } else {
            com.sun.net.httpserver.HttpsServer https = com.sun.net.httpserver.HttpsServer.create(address, 64);
            https.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(tls));
            this.server = https;
        }
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "headoffice-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/sync/v1/batches", this::batch);
        server.createContext("/sync/v1/enrol", this::enrol);
        server.createContext(UPLOADS, this::upload);
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
        return start(headOffice, address, zone, null);
    }

    /** As {@link #start(HeadOffice, InetSocketAddress, java.time.ZoneId)}, over HTTPS with {@code tls} when not null. */
    public static HeadOfficeServer start(HeadOffice headOffice, InetSocketAddress address, java.time.ZoneId zone,
                                         javax.net.ssl.SSLContext tls) throws IOException {
        HeadOfficeServer s = new HeadOfficeServer(headOffice, address, 8, zone, tls);
        s.server.start();
        return s;
    }

    /** "https" when serving TLS, else "http". */
    public String scheme() {
        return server instanceof com.sun.net.httpserver.HttpsServer ? "https" : "http";
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
            outcome(x, headOffice.accept(body));
        } catch (java.sql.SQLException | RuntimeException e) {
            refuse(x, 503, "UNAVAILABLE", "head office could not store the batch: " + e.getMessage(), 0);
        }
    }

    /** The answer to a whole batch: the acknowledgement's bytes, or the refusal as JSON. */
    private static void outcome(HttpExchange x, Outcome o) throws IOException {
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
    }

    static final String UPLOADS = "/sync/v1/uploads/";
    /** Bytes gathered before they are written: what a cut can lose of the bytes already sent. */
    static final int CHUNK = 64 * 1024;

    /**
     * A resumable upload (docs/sync-protocol.md, "Resumable upload"), at {@code /sync/v1/uploads/HALL/
     * TERMINAL/EPOCH/SEQ/SHA256}: {@code GET} says how many of the batch's bytes head office holds
     * ({@code {"offset": n, "length": total}}); {@code PUT} with {@code Upload-Offset} and {@code
     * Upload-Length} sends the bytes from there on, kept chunk by chunk as they arrive. When all are
     * there and their SHA-256 is the one named, the batch goes to {@link HeadOffice#accept} and the
     * answer is the same as {@code POST /sync/v1/batches}'s.
     */
    private void upload(HttpExchange x) throws IOException {
        try (x) {
            HeadOfficeUploads.Key k = uploadKey(x.getRequestURI().getRawPath());
            if (k == null) {
                refuse(x, 404, "NOT_FOUND", "/sync/v1/uploads/HALL/TERMINAL/EPOCH/SEQ/SHA256", 0);
                return;
            }
            switch (x.getRequestMethod()) {
                case "GET", "HEAD" -> {
                    var s = uploads.state(k);
                    long offset = s.map(HeadOfficeUploads.State::received).orElse(0L);
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("offset", offset);
                    body.put("length", s.map(HeadOfficeUploads.State::total).orElse(-1L));
                    x.getResponseHeaders().set("Upload-Offset", Long.toString(offset));
                    answer(x, 200, "application/json; charset=utf-8", JSON.writeValueAsBytes(body));
                }
                case "PUT" -> put(x, k);
                default -> refuse(x, 405, "METHOD", "GET or PUT", 0);
            }
        } catch (java.sql.SQLException | RuntimeException e) {
            refuse(x, 503, "UNAVAILABLE", "head office could not store the upload: " + e.getMessage(), 0);
        }
    }

    private void put(HttpExchange x, HeadOfficeUploads.Key k) throws IOException, java.sql.SQLException {
        long offset;
        long total;
        try {
            offset = Long.parseLong(x.getRequestHeaders().getFirst("Upload-Offset"));
            total = Long.parseLong(x.getRequestHeaders().getFirst("Upload-Length"));
        } catch (RuntimeException e) {
            refuse(x, 400, "MALFORMED", "Upload-Offset and Upload-Length please", 0);
            return;
        }
        if (total <= 0 || total > MAX_BATCH || offset < 0 || offset > total) {
            refuse(x, total > MAX_BATCH ? 413 : 400, "MALFORMED", "offset " + offset + " of " + total, 0);
            return;
        }
        if (!uploads.enrolled(k.hall(), k.terminal())) {
            // nothing of an unknown terminal is kept; a whole batch still goes to accept(), which refuses and alarms
            byte[] body = read(x.getRequestBody());
            if (offset == 0 && body != null && body.length == total) {
                outcome(x, headOffice.accept(body));
            } else {
                refuse(x, 403, Outcome.Refusal.UNKNOWN_TERMINAL.name(), "terminal " + k.hall() + "/" + k.terminal()
                        + " is not enrolled", 0);
            }
            return;
        }
        HeadOfficeUploads.State s = uploads.begin(k, total, java.time.Instant.now());
        if (s.total() != total) {
            refuse(x, 400, "MALFORMED", "upload of " + s.total() + " bytes, not " + total, 0);
            return;
        }
        if (s.ack() != null) {
            x.getRequestBody().transferTo(OutputStream.nullOutputStream());
            answer(x, 200, "application/octet-stream", s.ack());
            return;
        }
        if (offset > s.received()) {
            refuseAt(x, s.received());
            return;
        }
        long held = s.received();
        InputStream in = x.getRequestBody();
        in.skipNBytes(held - offset); // bytes sent again that head office already holds
        byte[] buf = new byte[CHUNK];
        int filled = 0;
        boolean cut = false;
        while (held + filled < total) {
            int n;
            try {
                n = in.read(buf, filled, (int) Math.min(buf.length - filled, total - held - filled));
            } catch (IOException e) {
                n = -1;
                cut = true;
            }
            if (n < 0) {
                break;
            }
            filled += n;
            if (filled == buf.length) {
                if (!uploads.append(k, held, buf, filled, java.time.Instant.now())) {
                    refuseAt(x, uploads.state(k).map(HeadOfficeUploads.State::received).orElse(0L));
                    return;
                }
                held += filled;
                filled = 0;
            }
        }
        if (filled > 0 && !uploads.append(k, held, buf, filled, java.time.Instant.now())) {
            refuseAt(x, uploads.state(k).map(HeadOfficeUploads.State::received).orElse(0L));
            return;
        }
        held += filled;
        if (cut) {
            return; // the connection is gone; what arrived is kept
        }
        if (held < total) {
            refuseAt(x, held);
            return;
        }
        byte[] batch = uploads.assemble(k);
        if (batch.length != total || !io.counterdesk.sync.BatchFile.sha256(batch).equals(k.sha256())) {
            uploads.drop(k);
            refuse(x, 400, "MALFORMED", "the bytes uploaded are not the batch " + k.sha256(), 0);
            return;
        }
        Outcome o = headOffice.accept(batch);
        if (o.isAccepted()) {
            uploads.accepted(k, o.ack());
        } else {
            uploads.drop(k);
        }
        outcome(x, o);
    }

    /** 409 {@code OFFSET}: head office holds {@code offset} bytes; send from there. */
    private static void refuseAt(HttpExchange x, long offset) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", "OFFSET");
        body.put("message", "head office holds " + offset + " bytes of this batch");
        body.put("offset", offset);
        x.getResponseHeaders().set("Upload-Offset", Long.toString(offset));
        answer(x, 409, "application/json; charset=utf-8", JSON.writeValueAsBytes(body));
    }

    /** {@code /sync/v1/uploads/HALL/TERMINAL/EPOCH/SEQ/SHA256}, or null. */
    static HeadOfficeUploads.Key uploadKey(String rawPath) {
        if (!rawPath.startsWith(UPLOADS)) {
            return null;
        }
        String[] p = rawPath.substring(UPLOADS.length()).split("/");
        if (p.length != 5 || !p[4].matches("[0-9a-f]{64}") || !p[2].matches("\\d{1,18}") || !p[3].matches("\\d{1,18}")) {
            return null;
        }
        String hall = URLDecoder.decode(p[0], StandardCharsets.UTF_8);
        String terminal = URLDecoder.decode(p[1], StandardCharsets.UTF_8);
        if (hall.isEmpty() || terminal.isEmpty() || hall.length() > 32 || terminal.length() > 32) {
            return null;
        }
        return new HeadOfficeUploads.Key(hall, terminal, Long.parseLong(p[2]), Long.parseLong(p[3]), p[4]);
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

    /**
     * Stops listening, lets the requests under way finish (a handler interrupted inside an H2 write
     * makes H2 close the database under it), then stops the threads.
     */
    @Override
    public void close() {
        server.stop(0);
        pool.shutdown();
        try {
            pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.shutdownNow();
    }
}
