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
 * a request of more than {@link #ANSWER_AFTER} bytes once head office has committed (a cut mid-answer:
 * the terminal never hears it; over TLS the handshake passes). {@link #pass()} lets
 * everything through.
 */
final class CuttingProxy implements AutoCloseable {

    enum Mode { PASS, CUT_UPLOAD, CUT_ANSWER }

    private final ServerSocket server;
    private final int target;
    private volatile Mode mode = Mode.PASS;
    private volatile long uploadBytes;
    private volatile java.util.function.BooleanSupplier answerGate = () -> true;
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

    /**
     * Cuts head office's answer once {@code committed} holds when its bytes flow back: over TLS the
     * server also sends bytes of its own before the request is through (a TLS 1.3 session ticket), and
     * cutting those would be a cut upload, not a cut answer (a race seen under load).
     */
    void cutAnswerOnce(java.util.function.BooleanSupplier committed) {
        answerGate = committed;
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
                java.util.concurrent.atomic.AtomicLong sentHere = new java.util.concurrent.atomic.AtomicLong();
                long upLimit = m == Mode.CUT_UPLOAD ? uploadBytes : Long.MAX_VALUE;
                pump(client, upstream, passed -> upLimit, client, upstream, sentHere);
                // a cut answer: head office's first bytes after the request went up (a TLS handshake passes)
                pump(upstream, client, passed -> m == Mode.CUT_ANSWER && sentHere.get() > ANSWER_AFTER
                                && answerGate.getAsBoolean() ? passed : Long.MAX_VALUE,
                        client, upstream, null);
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Bytes the terminal must have sent on a connection before its answer is cut: more than a TLS handshake's. */
    static final long ANSWER_AFTER = 2_048;

    private void pump(Socket from, Socket to, java.util.function.LongUnaryOperator limitAt, Socket a, Socket b,
                      java.util.concurrent.atomic.AtomicLong sentHere) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            long passed = 0;
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    long limit = limitAt.applyAsLong(passed);
                    if (passed + n > limit) {
                        int keep = (int) Math.max(0, limit - passed);
                        out.write(buf, 0, keep);
                        if (sentHere != null) {
                            sentHere.addAndGet(keep);
                            uploaded.addAndGet(keep);
                        }
                        out.flush();
                        cuts.incrementAndGet();
                        break;
                    }
                    out.write(buf, 0, n);
                    out.flush();
                    passed += n;
                    if (sentHere != null) {
                        sentHere.addAndGet(n);
                        uploaded.addAndGet(n);
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
