package io.counterdesk.printing;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A receipt printer without paper: listens on a local TCP port like a network printer's raw port,
 * keeps every job, and answers DLE EOT status queries like a real printer, in a state that can be
 * set (online, offline, out of paper, cover open, near end, or silent). Demo mode prints to it;
 * tests print to it and decode what it received.
 *
 * <p>A job is everything one connection sends between connect and close, less the DLE EOT queries
 * (which are answered, not stored); a connection that only asked for status stores nothing. Jobs
 * are split by connection rather than by the cut command because every transport sends one job
 * per connection, and a document may hold two cuts (receipt and stub) or none. With a directory,
 * each job is also written as {@code job-000001.bin} (the bytes) and {@code job-000001.txt} (the
 * decoded lines, UTF-8). The last {@value #MAX_JOBS_IN_MEMORY} jobs are kept in memory.
 *
 * <p>Standalone: {@code java -cp 'target/counterdesk.jar:target/lib/*' io.counterdesk.printing.CapturePrinter
 * --port 9100 --dir /tmp/receipts}; see docs/printing.md.
 */
public final class CapturePrinter implements AutoCloseable {

    public static final int MAX_JOBS_IN_MEMORY = 1000;

    private static final System.Logger LOG = System.getLogger(CapturePrinter.class.getName());

    private final ServerSocket server;
    private final Path directory;
    private final Clock clock;
    private final ExecutorService connections;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final List<Consumer<CapturedJob>> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private final Deque<CapturedJob> jobs = new ArrayDeque<>();
    private int numbered;
    private int received;
    private int statusQueries;
    private volatile PrinterStatus state = PrinterStatus.ONLINE;
    private volatile boolean closed;

    private CapturePrinter(ServerSocket server, Path directory, Clock clock) {
        this.server = server;
        this.directory = directory;
        this.clock = clock;
        this.connections = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "capture-printer-" + server.getLocalPort());
            thread.setDaemon(true);
            return thread;
        });
        connections.execute(this::acceptLoop);
    }

    /** On 127.0.0.1, a free port chosen by the system, jobs in memory only. */
    public static CapturePrinter start() {
        return start(0, null);
    }

    /**
     * On 127.0.0.1.
     *
     * @param port      0 for a free port, or e.g. 9100 for demo mode
     * @param directory where to write each job too, or null for memory only
     */
    public static CapturePrinter start(int port, Path directory) {
        return start(InetAddress.getLoopbackAddress(), port, directory);
    }

    public static CapturePrinter start(InetAddress bindAddress, int port, Path directory) {
        try {
            if (directory != null) {
                Files.createDirectories(directory);
            }
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(bindAddress, port));
            return new CapturePrinter(server, directory, Clock.systemDefaultZone());
        } catch (IOException e) {
            throw new UncheckedIOException("capture printer cannot listen on port " + port, e);
        }
    }

    /** The address it listens on, for a {@link TcpTransport}. */
    public String host() {
        return server.getInetAddress().getHostAddress();
    }

    public int port() {
        return server.getLocalPort();
    }

    /**
     * What the printer answers to DLE EOT from now on: ONLINE, PAPER_NEAR_END, OFFLINE, PAPER_OUT,
     * COVER_OPEN, or UNKNOWN for a printer that does not answer at all.
     */
    public void simulate(PrinterStatus simulated) {
        if (simulated == PrinterStatus.NOT_CONFIGURED) {
            throw new IllegalArgumentException("a capture printer is always configured");
        }
        this.state = simulated;
    }

    public PrinterStatus simulated() {
        return state;
    }

    /** The jobs received so far (the last {@value #MAX_JOBS_IN_MEMORY}), oldest first. */
    public List<CapturedJob> jobs() {
        synchronized (lock) {
            return List.copyOf(jobs);
        }
    }

    /** How many DLE EOT queries have been answered. */
    public int statusQueries() {
        synchronized (lock) {
            return statusQueries;
        }
    }

    /**
     * Waits until at least {@code count} jobs have been received in all, and returns the jobs.
     *
     * @throws TimeoutException when fewer have arrived after {@code timeout}
     */
    public List<CapturedJob> awaitJobs(int count, Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (received < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException("capture printer on port " + port() + " received " + received
                            + " of " + count + " jobs within " + timeout);
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return List.copyOf(jobs);
        }
    }

    /** Forgets the jobs in memory (numbering goes on; files stay). */
    public void clear() {
        synchronized (lock) {
            jobs.clear();
        }
    }

    /** Called with each job once stored, on the connection's thread. */
    public void addListener(Consumer<CapturedJob> listener) {
        listeners.add(listener);
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the capture printer", e);
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing a capture connection", e);
            }
        }
        connections.shutdownNow();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                connections.execute(() -> serve(socket));
            } catch (SocketException closedOrReset) {
                if (!closed) {
                    LOG.log(System.Logger.Level.WARNING, "capture printer: accept failed", closedOrReset);
                }
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "capture printer: accept failed", e);
            }
        }
    }

    /** Reads one connection to its end, answering DLE EOT on the way, then stores the job. */
    private void serve(Socket socket) {
        ByteArrayOutputStream job = new ByteArrayOutputStream();
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] buffer = new byte[8192];
            int matched = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    int b = buffer[i] & 0xFF;
                    if (matched == 2) {
                        answer(out, b);
                        matched = 0;
                    } else if (matched == 1 && b == EscPosCommands.EOT) {
                        matched = 2;
                    } else {
                        if (matched == 1) {
                            job.write(EscPosCommands.DLE);
                        }
                        matched = b == EscPosCommands.DLE ? 1 : 0;
                        if (matched == 0) {
                            job.write(b);
                        }
                    }
                }
            }
            if (matched == 1) {
                job.write(EscPosCommands.DLE);
            }
            if (job.size() > 0) {
                store(job.toByteArray());
            }
        } catch (IOException e) {
            if (!closed) {
                LOG.log(System.Logger.Level.WARNING, "capture printer: connection failed, job of "
                        + job.size() + " bytes not stored", e);
            }
        } finally {
            open.remove(socket);
        }
    }

    private void answer(OutputStream out, int n) throws IOException {
        PrinterStatus now = state;
        synchronized (lock) {
            statusQueries++;
        }
        if (now != PrinterStatus.UNKNOWN) {
            out.write(DleEot.answer(n, now));
            out.flush();
        }
    }

    /** Numbers the job, writes its files, and only then makes it visible to {@link #jobs()} and waiters. */
    private void store(byte[] bytes) {
        CapturedJob job;
        synchronized (lock) {
            numbered++;
            job = new CapturedJob(numbered, clock.instant(), bytes, state);
        }
        if (directory != null) {
            writeFiles(job);
        }
        synchronized (lock) {
            jobs.addLast(job);
            while (jobs.size() > MAX_JOBS_IN_MEMORY) {
                jobs.removeFirst();
            }
            received++;
            lock.notifyAll();
        }
        for (Consumer<CapturedJob> listener : listeners) {
            try {
                listener.accept(job);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "capture printer listener failed", e);
            }
        }
    }

    private void writeFiles(CapturedJob job) {
        String name = String.format(Locale.ROOT, "job-%06d", job.number());
        try {
            write(directory.resolve(name + ".bin"), job.bytes());
            write(directory.resolve(name + ".txt"), (job.text() + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "capture printer: cannot write " + name + " to " + directory, e);
        }
    }

    /** Written under a temporary name and moved, so a reader never sees half a file. */
    private static void write(Path target, byte[] content) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".part");
        Files.write(temporary, content);
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Runs a capture printer until {@code quit} or end of input: {@code --port 9100} (default),
     * {@code --dir DIR} to keep the jobs as files, {@code --bind 127.0.0.1} (default). Each job's
     * lines are printed to standard output; typing {@code online}, {@code near-end},
     * {@code offline}, {@code paper-out}, {@code cover-open} or {@code silent} changes what it
     * answers to status queries.
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        int port = TcpTransport.DEFAULT_PORT;
        Path dir = null;
        InetAddress bind = InetAddress.getLoopbackAddress();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                case "--bind" -> bind = InetAddress.getByName(args[++i]);
                default -> {
                    System.err.println("usage: CapturePrinter [--port 9100] [--dir DIR] [--bind 127.0.0.1]");
                    System.exit(2);
                }
            }
        }
        try (CapturePrinter printer = start(bind, port, dir)) {
            printer.addListener(job -> System.out.println("---- job " + job.number() + " (" + job.printerState()
                    + ", " + job.bytes().length + " bytes) ----\n" + job.text()));
            System.out.println("capture printer listening on " + printer.host() + ":" + printer.port()
                    + (dir != null ? ", jobs kept in " + dir.toAbsolutePath() : "")
                    + "; type online | near-end | offline | paper-out | cover-open | silent | quit");
            BufferedReader console = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            List<String> known = List.of("online", "near-end", "offline", "paper-out", "cover-open", "silent");
            while (true) {
                String line = console.readLine();
                if (line == null) {
                    // no console (started in the background): run until the process is stopped
                    new CountDownLatch(1).await();
                }
                String command = line.strip().toLowerCase(Locale.ROOT);
                if (command.equals("quit") || command.equals("exit")) {
                    break;
                } else if (known.contains(command)) {
                    printer.simulate(switch (command) {
                        case "near-end" -> PrinterStatus.PAPER_NEAR_END;
                        case "offline" -> PrinterStatus.OFFLINE;
                        case "paper-out" -> PrinterStatus.PAPER_OUT;
                        case "cover-open" -> PrinterStatus.COVER_OPEN;
                        case "silent" -> PrinterStatus.UNKNOWN;
                        default -> PrinterStatus.ONLINE;
                    });
                    System.out.println("status now " + printer.simulated());
                } else if (!command.isEmpty()) {
                    System.out.println("unknown command; one of " + String.join(" | ", known) + " | quit");
                }
            }
        }
    }
}
