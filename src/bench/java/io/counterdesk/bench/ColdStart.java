package io.counterdesk.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cold start to the login screen: runs the app in a fresh JVM with {@code -Dcounterdesk.startupProbe=true},
 * which makes it print {@code STARTUP_MS=<n>} once the login screen is shown and exit. Measures both
 * the wall time from process start to that line (what a cashier waits, JVM start included) and the
 * figure the app reports itself.
 *
 * <p>Without a display it starts its own Xvfb for the runs (closest to a real desktop); without
 * Xvfb it falls back to JavaFX's headless Monocle platform.
 */
final class ColdStart implements AutoCloseable {

    private static final Pattern PROBE = Pattern.compile("STARTUP_MS=(\\d+)");
    private static final Pattern READY = Pattern.compile("LOGIN_READY_MS=(\\d+)");
    /** The app's opening steps (CounterDeskApp's start-up probe): {@code START_STEP_MS name=ms}. */
    private static final Pattern STEP = Pattern.compile("START_STEP_MS (.+)=(-?\\d+)");
    private static final long RUN_TIMEOUT_SECONDS = 60;

    /**
     * One run: wall time to the first frame's probe line, the app's own figure, and the wall time to a
     * usable log-in (the LOGIN_READY_MS line: the database open; -1 from a program without it), or why
     * there was none.
     */
    record Run(long wallMillis, long reportedMillis, long readyWallMillis, java.util.Map<String, Long> steps, String failure) {
        boolean ok() {
            return failure == null;
        }
    }

    private List<String> javaCommand;
    private final Process xvfb;
    private final String display;
    private final String platform;

    private ColdStart(List<String> javaCommand, Process xvfb, String display, String platform) {
        this.javaCommand = javaCommand;
        this.xvfb = xvfb;
        this.display = display;
        this.platform = platform;
    }

    /**
     * @param appClasses   the app's compiled classes (target/classes)
     * @param dependencies file holding the app's run-time class path (maven-dependency-plugin build-classpath)
     * @param databaseBase the initialised database, as the {@code --db} option takes it
     */
    static ColdStart prepare(Path appClasses, Path dependencies, Path databaseBase) throws IOException, InterruptedException {
        String classpath = appClasses + java.io.File.pathSeparator + Files.readString(dependencies).strip();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dcounterdesk.startupProbe=true");
        command.add("-Dfile.encoding=UTF-8");
        // -Dbench.appJvmArgs="...": JVM options of the app's and the floor's runs (e.g. a JIT setting to compare)
        for (String option : System.getProperty("bench.appJvmArgs", "").strip().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        Process xvfb = null;
        String display = System.getenv("DISPLAY");
        String platform;
        if (display != null && !display.isBlank()) {
            platform = "X display " + display;
        } else if (Files.isExecutable(Path.of("/usr/bin/Xvfb"))) {
            int number = freeDisplayNumber();
            display = ":" + number;
            xvfb = new ProcessBuilder("/usr/bin/Xvfb", display, "-nolisten", "tcp", "-screen", "0", "1366x768x24")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Path socket = Path.of("/tmp/.X11-unix/X" + number);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!Files.exists(socket) && xvfb.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            if (!Files.exists(socket)) {
                xvfb.destroy();
                throw new IOException("Xvfb did not start on " + display);
            }
            command.add("-Dprism.order=sw");
            platform = "Xvfb " + display + ", software rendering";
        } else {
            String monocle = monocleJar().orElseThrow(() -> new IOException("no display, no Xvfb and no openjfx-monocle"));
            classpath = classpath + java.io.File.pathSeparator + monocle;
            command.add("-Dglass.platform=Monocle");
            command.add("-Dmonocle.platform=Headless");
            command.add("-Dprism.order=sw");
            platform = "Monocle headless, software rendering";
        }
        command.add("-cp");
        command.add(classpath);
        command.add("io.counterdesk.app.Main");
        command.add("--db");
        command.add(databaseBase.toString());
        return new ColdStart(command, xvfb, display, platform);
    }

    String platform() {
        return platform;
    }

    Run runOnce() throws IOException, InterruptedException {
        return run(javaCommand);
    }

    /** The floor: {@link MinimalWindow} started the same way (same JVM, flags and display), no database. */
    Run runFloor() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(javaCommand.subList(0, javaCommand.indexOf("io.counterdesk.app.Main")));
        int cp = command.indexOf("-cp") + 1;
        String benchClasses = Path.of(java.net.URI.create(
                MinimalWindow.class.getProtectionDomain().getCodeSource().getLocation().toString())).toString();
        command.set(cp, command.get(cp) + java.io.File.pathSeparator + benchClasses);
        command.add(MinimalWindow.class.getName());
        return run(command);
    }

    private Run run(List<String> commandLine) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(commandLine);
        if (display != null) {
            builder.environment().put("DISPLAY", display);
        }
        long started = System.nanoTime();
        Process app = builder.start();
        Deque<String> errTail = new ArrayDeque<>();
        CompletableFuture<Void> errReader = CompletableFuture.runAsync(() -> tail(app.getErrorStream(), errTail));
        long wall = -1;
        long reported = -1;
        long ready = -1;
        java.util.Map<String, Long> steps = new java.util.LinkedHashMap<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                Matcher m = PROBE.matcher(line);
                if (m.find() && wall < 0) {
                    wall = (System.nanoTime() - started) / 1_000_000;
                    reported = Long.parseLong(m.group(1));
                }
                if (READY.matcher(line).find() && ready < 0) {
                    ready = (System.nanoTime() - started) / 1_000_000;
                }
                Matcher step = STEP.matcher(line);
                if (step.find()) {
                    steps.put(step.group(1), Long.parseLong(step.group(2)));
                }
            }
        }
        boolean exited = app.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!exited) {
            app.destroyForcibly().waitFor();
        }
        errReader.join();
        if (wall >= 0) {
            return new Run(wall, reported, ready, steps, null);
        }
        String why = exited ? "exit code " + app.exitValue() : "no answer in " + RUN_TIMEOUT_SECONDS + " s";
        synchronized (errTail) {
            return new Run(-1, -1, -1, steps, why + (errTail.isEmpty() ? "" : ": " + String.join(" | ", errTail)));
        }
    }

    private static void tail(InputStream stream, Deque<String> lines) {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                synchronized (lines) {
                    if (lines.size() == 3) {
                        lines.removeFirst();
                    }
                    lines.addLast(line.strip());
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Switches later runs (app and floor) to an AppCDS archive of the app and the window launcher's C1-only
     * JIT without the flight recorder, as the installed package makes and starts it (installer/README.md): the app's classes as a jar, the classes one start-up
     * loads recorded with {@code -XX:DumpLoadedClassList}, then {@code -Xshare:dump}. JDK 17 archives
     * classes from jars only, and uses the archive only with the class path it was made with (the
     * floor's adds its own classes after it).
     *
     * @return how long making the archive took, ms
     */
    long useAppCds(Path appClasses, Path work) throws IOException, InterruptedException {
        long started = System.nanoTime();
        Files.createDirectories(work);
        Path jar = work.resolve("counterdesk-app.jar");
        Files.deleteIfExists(jar);
        Process jarTool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jar").toString(),
                "--create", "--file", jar.toString(), "-C", appClasses.toString(), ".")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (jarTool.waitFor() != 0) {
            throw new IOException("jar failed for " + appClasses);
        }
        int cp = javaCommand.indexOf("-cp") + 1;
        List<String> withJar = new ArrayList<>(javaCommand);
        withJar.set(cp, jar + javaCommand.get(cp).substring(appClasses.toString().length()));
        Path classList = work.resolve("app.classlist");
        List<String> record = new ArrayList<>(withJar);
        record.add(1, "-XX:DumpLoadedClassList=" + classList);
        if (!run(record).ok()) {
            throw new IOException("the class-list run failed");
        }
        Path archive = work.resolve("app.jsa");
        Process dump = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:dump", "-XX:SharedClassListFile=" + classList, "-XX:SharedArchiveFile=" + archive,
                "-cp", withJar.get(cp))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (dump.waitFor() != 0 || !Files.exists(archive)) {
            throw new IOException("-Xshare:dump failed");
        }
        withJar.add(1, "-XX:SharedArchiveFile=" + archive);
        withJar.add(2, "-Xshare:auto");
        // the window launcher's JIT setting (installer/Packager.java, windowJavaOptions; ADR 0028)
        withJar.add(3, "-XX:TieredStopAtLevel=1");
        withJar.add(4, "-XX:-FlightRecorder"); // and without JFR (Jdbi's event registration, ADR 0031)
        javaCommand = withJar;
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static int freeDisplayNumber() {
        for (int n = 91; n < 200; n++) {
            if (!Files.exists(Path.of("/tmp/.X11-unix/X" + n)) && !Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                return n;
            }
        }
        throw new IllegalStateException("no free X display number");
    }

    private static Optional<String> monocleJar() {
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (entry.contains("openjfx-monocle")) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() throws InterruptedException {
        if (xvfb != null) {
            xvfb.destroy();
            xvfb.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
