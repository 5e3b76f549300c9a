package io.counterdesk.card.virtual;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import jdk.net.ExtendedSocketOptions;

/**
 * A {@link VirtualCard} in a reader of the real pcsc-lite daemon, through the vsmartcard vpcd
 * driver: the card side is a TCP client of vpcd (reader {@code Virtual PCD 00 00} listens on port
 * 35963, {@code Virtual PCD 00 01} on 35964). Connecting inserts the card, disconnecting removes it.
 *
 * <p>vpcd protocol: every message is a 2-byte big-endian length and a payload. A 1-byte payload is
 * a control — 0x00 power off, 0x01 power on, 0x02 reset (no reply), 0x04 get ATR (reply: the ATR);
 * a longer one is a command APDU, answered with the response APDU. vpcd sends length and payload
 * as two writes, so its Nagle algorithm holds the payload until the length is acknowledged: the
 * card side therefore acknowledges at once (TCP_QUICKACK, where the system has it) and sends each
 * answer in one write with TCP_NODELAY. Without this every APDU costs a delayed ACK (~40 ms).
 *
 * <p>pcscd looks for the card about every 0.4 s. A card put back sooner than that after leaving
 * would never be seen as removed — after a card was pulled mid-command pcscd would then keep its
 * failed state — so {@link #insert()} first lets a second pass since the last removal on that port,
 * as a hand does.
 */
public final class VpcdCard implements AutoCloseable {

    /** The port of vpcd's first reader, {@code Virtual PCD 00 00}. */
    public static final int DEFAULT_PORT = 35963;
    /** The name pcsc-lite gives vpcd's first reader. */
    public static final String DEFAULT_READER = "Virtual PCD 00 00";

    private static final System.Logger LOG = System.getLogger(VpcdCard.class.getName());
    private static final int CONNECT_TIMEOUT_MILLIS = 2000;
    private static final long REINSERT_GAP_MILLIS = 1000;
    private static final Map<Integer, Long> LAST_REMOVAL = new ConcurrentHashMap<>();

    private final VirtualCard card;
    private final String host;
    private final int port;
    private Socket socket;
    private Thread serving;

    /** The card in vpcd's first reader on this machine. */
    public VpcdCard(VirtualCard card) {
        this(card, "127.0.0.1", DEFAULT_PORT);
    }

    public VpcdCard(VirtualCard card, String host, int port) {
        this.card = Objects.requireNonNull(card);
        this.host = Objects.requireNonNull(host);
        this.port = port;
    }

    public VirtualCard card() {
        return card;
    }

    /**
     * Inserts the card: connects to vpcd and answers it from now on. pcscd notices the card at its
     * next presence poll (within about half a second).
     *
     * @throws UncheckedIOException when vpcd does not listen (pcscd not running)
     */
    public synchronized void insert() {
        if (socket != null) {
            throw new IllegalStateException("already inserted");
        }
        waitAfterLastRemoval();
        Socket connected = new Socket();
        try {
            connected.setTcpNoDelay(true);
            quickAck(connected);
            connected.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
        } catch (IOException e) {
            closeQuietly(connected);
            throw new UncheckedIOException("vpcd does not answer on " + host + ":" + port + " (is pcscd running?)", e);
        }
        socket = connected;
        serving = new Thread(() -> serve(connected), "vpcd-card-" + port);
        serving.setDaemon(true);
        serving.start();
    }

    /** Removes the card: disconnects from vpcd. */
    public void remove() {
        Thread running;
        synchronized (this) {
            if (socket == null) {
                return;
            }
            closeQuietly(socket);
            socket = null;
            running = serving;
            serving = null;
        }
        if (running != Thread.currentThread()) {
            try {
                running.join(CONNECT_TIMEOUT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public synchronized boolean inserted() {
        return socket != null;
    }

    @Override
    public void close() {
        remove();
    }

    private void serve(Socket connected) {
        try {
            DataInputStream in = new DataInputStream(connected.getInputStream());
            DataOutputStream out = new DataOutputStream(connected.getOutputStream());
            while (true) {
                quickAck(connected);
                int length = in.readUnsignedShort();
                quickAck(connected);
                byte[] payload = new byte[length];
                in.readFully(payload);
                if (length == 1) {
                    control(payload[0], out);
                } else if (length > 1) {
                    reply(out, card.process(payload));
                }
            }
        } catch (VirtualCard.LostContact lost) {
            LOG.log(System.Logger.Level.DEBUG, "virtual card lost contact: removed from vpcd port " + port);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "vpcd connection on port " + port + " ended", e);
        } finally {
            synchronized (this) {
                if (socket == connected) {
                    socket = null;
                    serving = null;
                }
            }
            closeQuietly(connected);
            LAST_REMOVAL.put(port, System.nanoTime());
            card.powerOff();
        }
    }

    private void waitAfterLastRemoval() {
        Long removed = LAST_REMOVAL.get(port);
        if (removed == null) {
            return;
        }
        long waitMillis = REINSERT_GAP_MILLIS - (System.nanoTime() - removed) / 1_000_000;
        if (waitMillis > 0) {
            try {
                Thread.sleep(waitMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Acknowledge received data at once (Linux: the kernel leaves quick-ACK mode again by itself, so set it per read). */
    private static void quickAck(Socket socket) {
        try {
            if (socket.supportedOptions().contains(ExtendedSocketOptions.TCP_QUICKACK)) {
                socket.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "TCP_QUICKACK not set", e);
        }
    }

    private void control(byte code, DataOutputStream out) throws IOException {
        switch (code) {
            case 0x00 -> card.powerOff();
            case 0x01 -> card.powerOn();
            case 0x02 -> card.reset();
            case 0x04 -> reply(out, card.atr());
            default -> LOG.log(System.Logger.Level.DEBUG, "vpcd control byte " + code + " ignored");
        }
    }

    private static void reply(DataOutputStream out, byte[] payload) throws IOException {
        byte[] message = new byte[payload.length + 2];
        message[0] = (byte) (payload.length >> 8);
        message[1] = (byte) payload.length;
        System.arraycopy(payload, 0, message, 2, payload.length);
        out.write(message);
        out.flush();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the vpcd socket", e);
        }
    }
}
