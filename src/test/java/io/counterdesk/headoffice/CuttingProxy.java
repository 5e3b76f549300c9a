package io.counterdesk.headoffice;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real TCP proxy in front of head office that breaks connections on purpose: after passing
 * {@code uploadBytes} bytes of the request (a cut mid-upload), or when head office starts answering
 * (a cut mid-answer: head office has committed, the terminal never hears it). {@link #pass()} lets
 * everything through.
 */
final class CuttingProxy implements AutoCloseable {

    enum Mode { PASS, CUT_UPLOAD, CUT_ANSWER }

    private final ServerSocket server;
    private final int target;
    private volatile Mode mode = Mode.PASS;
    private volatile long uploadBytes;
    final AtomicInteger cuts = new AtomicInteger();
    /** Bytes passed from the terminal towards head office (all connections), to see what a retry sends. */
    final java.util.concurrent.atomic.AtomicLong uploaded = new java.util.concurrent.atomic.AtomicLong();
    /** Open connections: a change of mode closes them, so a kept-alive connection cannot slip past it. */
    private final java.util.Set<Socket> open = java.util.concurrent.ConcurrentHashMap.newKeySet();

    CuttingProxy(int targetPort) throws IOException {
        this.target = targetPort;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        Thread t = new Thread(this::acceptLoop, "cutting-proxy");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return server.getLocalPort();
    }

    void cutUploadAfter(long bytes) {
        uploadBytes = bytes;
        set(Mode.CUT_UPLOAD);
    }

    void cutAnswer() {
        set(Mode.CUT_ANSWER);
    }

    void pass() {
        set(Mode.PASS);
    }

    private void set(Mode m) {
        mode = m;
        open.forEach(CuttingProxy::close);
        open.clear();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket("127.0.0.1", target);
                open.add(client);
                open.add(upstream);
                Mode m = mode;
                pump(client, upstream, m == Mode.CUT_UPLOAD ? uploadBytes : Long.MAX_VALUE, client, upstream, uploaded);
                pump(upstream, client, m == Mode.CUT_ANSWER ? 0 : Long.MAX_VALUE, client, upstream, null);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, long limit, Socket a, Socket b, java.util.concurrent.atomic.AtomicLong count) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            long passed = 0;
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    if (passed + n > limit) {
                        out.write(buf, 0, (int) (limit - passed));
                        if (count != null) {
                            count.addAndGet(limit - passed);
                        }
                        out.flush();
                        cuts.incrementAndGet();
                        break;
                    }
                    out.write(buf, 0, n);
                    out.flush();
                    passed += n;
                    if (count != null) {
                        count.addAndGet(n);
                    }
                }
            } catch (IOException e) {
                // the other side closed
            } finally {
                close(a);
                close(b);
            }
        }, "cutting-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        open.forEach(CuttingProxy::close);
    }
}
