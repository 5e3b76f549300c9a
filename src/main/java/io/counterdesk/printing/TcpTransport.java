package io.counterdesk.printing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Objects;

/**
 * A network receipt printer on its raw port (9100). One connection per job: connect, ask DLE EOT
 * 1/2/4 on the same connection, refuse the job if the printer is offline, out of paper or open,
 * otherwise write the whole job, half-close, and wait (at most the read timeout) for the printer
 * to close its side so no byte is lost to a reset.
 *
 * <p>A printer that does not answer DLE EOT within the read timeout is {@link PrinterStatus#UNKNOWN}
 * and still gets the job; set {@code queryStatus} false for printers (or print servers) that never
 * answer, to save the wait.
 */
public final class TcpTransport implements PrinterTransport {

    public static final int DEFAULT_PORT = 9100;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(2);

    private static final System.Logger LOG = System.getLogger(TcpTransport.class.getName());
    private static final int[] QUERIES = {DleEot.PRINTER, DleEot.OFFLINE_CAUSE, DleEot.PAPER};

    private final String host;
    private final int port;
    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;
    private final boolean queryStatus;

    public TcpTransport(String host, int port) {
        this(host, port, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, true);
    }

    public TcpTransport(String host, int port, Duration connectTimeout, Duration readTimeout, boolean queryStatus) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, not " + port);
        }
        this.host = Objects.requireNonNull(host);
        this.port = port;
        this.connectTimeoutMillis = Math.toIntExact(connectTimeout.toMillis());
        this.readTimeoutMillis = Math.toIntExact(readTimeout.toMillis());
        this.queryStatus = queryStatus;
    }

    @Override
    public PrinterStatus send(byte[] job) {
        Socket socket = connect();
        try (socket) {
            PrinterStatus status = queryStatus ? query(socket) : PrinterStatus.UNKNOWN;
            if (!status.canPrint()) {
                throw PrinterException.refused(status, describe());
            }
            try {
                OutputStream out = socket.getOutputStream();
                out.write(job);
                out.flush();
                socket.shutdownOutput();
            } catch (IOException e) {
                throw new PrinterException(PrinterStatus.OFFLINE, true, e, "printing.error.sendFailed", describe());
            }
            awaitPrinterClose(socket);
            return status;
        } catch (IOException closing) {
            LOG.log(System.Logger.Level.DEBUG, "closing the connection to " + describe(), closing);
            return PrinterStatus.UNKNOWN;
        }
    }

    @Override
    public PrinterStatus status() {
        if (!queryStatus) {
            return PrinterStatus.UNKNOWN;
        }
        try (Socket socket = connect()) {
            return query(socket);
        } catch (PrinterException unreachable) {
            return unreachable.status();
        } catch (IOException closing) {
            return PrinterStatus.OFFLINE;
        }
    }

    @Override
    public String describe() {
        return host + ":" + port;
    }

    private Socket connect() {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
            socket.setSoTimeout(readTimeoutMillis);
            return socket;
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw new PrinterException(PrinterStatus.OFFLINE, false, e, "printing.error.unreachable", describe());
        }
    }

    /** DLE EOT 1, 2 and 4 on an open connection; UNKNOWN when the printer does not answer in time. */
    private PrinterStatus query(Socket socket) {
        int[] answers = new int[QUERIES.length];
        try {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < QUERIES.length; i++) {
                out.write(EscPosCommands.statusQuery(QUERIES[i]));
                out.flush();
                answers[i] = in.read();
                if (answers[i] < 0) {
                    throw new IOException("the printer closed the connection while asked for its status");
                }
            }
        } catch (SocketTimeoutException silent) {
            LOG.log(System.Logger.Level.DEBUG, "no answer to DLE EOT from " + describe());
            return PrinterStatus.UNKNOWN;
        } catch (IOException e) {
            throw new PrinterException(PrinterStatus.OFFLINE, false, e, "printing.error.unreachable", describe());
        }
        return DleEot.interpret(answers[0], answers[1], answers[2]);
    }

    /** After the half-close, read until the printer closes (or the read timeout passes). */
    private void awaitPrinterClose(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            byte[] ignored = new byte[256];
            while (in.read(ignored) >= 0) {
                // status bytes sent after the job (a late DLE EOT answer, ASB) are not needed
            }
        } catch (SocketTimeoutException stillOpen) {
            // the printer keeps the connection open; the job has been handed over
        } catch (IOException afterSending) {
            LOG.log(System.Logger.Level.DEBUG, "after sending to " + describe(), afterSending);
        }
    }
}
