package io.counterdesk.headoffice;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * {@link SyncBench}'s simulated terminals' sender (the default, {@code bench.client=lean}): an HTTP/1.1
 * {@code POST} of a batch over one kept-alive socket per sending thread ({@code TCP_NODELAY}, the request
 * written in one go), the answer read by its {@code Content-Length} (or chunks). The terminals are other
 * machines: on the bench's two cores the sender's CPU and JIT are not head office's, and the JDK's
 * {@code HttpClient} (the terminal's real client, {@code bench.client=jdk}) takes several times more of
 * both (docs/benchmarks.md). Head office's endpoint is the same either way.
 */
final class LeanPost implements AutoCloseable {

    private final URI uri;
    private Socket socket;
    private BufferedOutputStream out;
    private InputStream in;

    LeanPost(URI uri) {
        this.uri = uri;
    }

    /** The answer's status and body. */
    record Answer(int status, byte[] body) {
    }

    Answer post(byte[] body) throws IOException {
        if (socket == null) {
            socket = new Socket(uri.getHost(), uri.getPort());
            socket.setTcpNoDelay(true);
            out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        }
        String head = "POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + body.length + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        String status = line();
        if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
            throw new IOException("not an HTTP/1.1 answer: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String h; !(h = line()).isEmpty(); ) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(h.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        if (chunked) {
            for (long size; (size = Long.parseLong(line().split(";")[0].strip(), 16)) > 0; ) {
                answer.write(in.readNBytes((int) size));
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
        } else if (length >= 0) {
            answer.write(in.readNBytes((int) length));
        } else {
            throw new IOException("an answer without a length");
        }
        if (close) {
            close();
        }
        return new Answer(code, answer.toByteArray());
    }

    private String line() throws IOException {
        StringBuilder s = new StringBuilder();
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) {
                throw new IOException("the server closed the connection");
            }
            if (b != '\r') {
                s.append((char) b);
            }
        }
        return s.toString();
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }
}
