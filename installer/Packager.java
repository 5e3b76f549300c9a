import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds CounterDesk's installable packages from {@code target/counterdesk.jar} and {@code target/lib/}:
 * a trimmed runtime (jdeps + jlink, JavaFX from its Maven jars), the class list for the AppCDS
 * archive (a training run to the log-in page), a jpackage app-image with two launchers, and the
 * installer of this operating system ({@code .deb} on Linux, {@code .msi} on Windows). Run by Maven
 * ({@code pre-integration-test}, or the {@code package} profile) as a single-file Java program, so
 * the same steps run on Linux and on Windows; see {@code installer/README.md}.
 *
 * <p>Arguments: {@code project=DIR target=DIR version=X.Y.Z[-SNAPSHOT] [types=app-image,deb]}.
 * It never fails a build for a missing tool: it writes {@code target/installer/STATUS} ("built …" or
 * "skipped: why") and exits 0; it fails (exit 1) when a tool that is present fails.
 */
public final class Packager {

    /** Never change: Windows recognises an upgrade of the same product by it (TECH-NOTES, "Packaging"). */
    static final String WIN_UPGRADE_UUID = "6c1f4f3e-3d0b-4f4e-9a57-2f6c3b1d8a42";
    static final String MAIN_CLASS = "io.counterdesk.app.Main";
    static final String VENDOR = "CounterDesk";
    static final String DESCRIPTION = "营业厅柜台收费终端 CounterDesk — counter terminal for a gas utility's service halls";
    /**
     * JDK modules the program needs but jdeps cannot see: loaded by name or through a service
     * (smart cards, Ed25519 for sync, Chinese dates and GB18030, zip file systems, JNDI/JMX used by
     * libraries, Unsafe used by JavaFX and H2).
     */
    static final List<String> EXTRA_MODULES = List.of("java.smartcardio", "jdk.crypto.ec", "jdk.localedata",
            "jdk.charsets", "jdk.zipfs", "java.naming", "java.management", "java.sql", "jdk.unsupported",
            "java.desktop", "jdk.net");

    private final Path project;
    private final Path target;
    private final Path out;
    private final String version;
    private final boolean windows;
    private final List<String> types;

    private Packager(Path project, Path target, String version, List<String> types) {
        this.project = project;
        this.target = target;
        this.out = target.resolve("installer");
        this.version = version.replaceFirst("-.*$", "");
        this.windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");
        this.types = types;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq > 0) {
                options.put(arg.substring(0, eq), arg.substring(eq + 1));
            }
        }
        Path project = Path.of(options.getOrDefault("project", ".")).toAbsolutePath().normalize();
        Path target = Path.of(options.getOrDefault("target", project.resolve("target").toString())).toAbsolutePath();
        String version = options.getOrDefault("version", "0.1.0");
        boolean onWindows = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");
        String defaultTypes = onWindows ? "app-image,msi" : "app-image,deb";
        List<String> types = List.of(options.getOrDefault("types", defaultTypes).split(","));
        Packager packager = new Packager(project, target, version, types);
        Files.createDirectories(packager.out);
        Optional<String> skip = packager.whyNot();
        if (skip.isPresent()) {
            packager.status("skipped: " + skip.get());
            return;
        }
        try {
            packager.build();
        } catch (RuntimeException | IOException e) {
            packager.status("failed: " + e.getMessage());
            throw e;
        }
    }

    /** Why no package can be built here, if so. */
    Optional<String> whyNot() {
        String os = System.getProperty("os.name");
        if (!windows && !os.toLowerCase(Locale.ROOT).contains("linux")) {
            return Optional.of("packages are built on Linux (.deb) and Windows (.msi), not on " + os);
        }
        if (ToolProvider.findFirst("jpackage").isEmpty() || ToolProvider.findFirst("jlink").isEmpty()) {
            return Optional.of("this JDK has no jpackage/jlink (" + System.getProperty("java.home") + ")");
        }
        if (!Files.isRegularFile(target.resolve("counterdesk.jar")) || !Files.isDirectory(target.resolve("lib"))) {
            return Optional.of("target/counterdesk.jar and target/lib/ are missing: run the package phase first");
        }
        if (types.contains("deb") && (onPath("fakeroot").isEmpty() || onPath("dpkg-deb").isEmpty())) {
            return Optional.of("a .deb needs fakeroot and dpkg-deb (apt-get install fakeroot dpkg-dev)");
        }
        return Optional.empty();
    }

    void build() throws IOException, InterruptedException {
        long started = System.nanoTime();
        Path input = stageInput();
        List<Path> javafx = javafxJars();
        String modules = modules(input, javafx);
        Path runtime = runtime(modules, javafx);
        String training = trainClassList(runtime, input);
        Path image = appImage(runtime, input);
        List<String> built = new ArrayList<>();
        built.add("app-image " + image);
        for (String type : types) {
            if (!type.equals("app-image")) {
                built.add(type + " " + installer(type, image));
            }
        }
        status("built " + String.join("; ", built) + "; modules " + modules + "; class list: " + training
                + "; " + (System.nanoTime() - started) / 1_000_000_000 + " s");
    }

    /** The app's jars without JavaFX (JavaFX goes into the runtime), flat, as jpackage's --input. */
    private Path stageInput() throws IOException {
        Path input = out.resolve("input");
        deleteTree(input);
        Files.createDirectories(input);
        Files.copy(target.resolve("counterdesk.jar"), input.resolve("counterdesk.jar"));
        try (Stream<Path> jars = Files.list(target.resolve("lib"))) {
            for (Path jar : jars.filter(p -> !p.getFileName().toString().startsWith("javafx-")).sorted().toList()) {
                Files.copy(jar, input.resolve(jar.getFileName()));
            }
        }
        return input;
    }

    /** JavaFX's platform jars ({@code javafx-controls-21-linux.jar}: real modules with their natives). */
    private List<Path> javafxJars() throws IOException {
        String platform = windows ? "-win.jar" : "-linux.jar";
        try (Stream<Path> jars = Files.list(target.resolve("lib"))) {
            List<Path> found = jars.filter(p -> p.getFileName().toString().startsWith("javafx-")
                    && p.getFileName().toString().endsWith(platform)).sorted().toList();
            if (found.isEmpty()) {
                throw new IOException("no JavaFX " + platform + " jars in " + target.resolve("lib"));
            }
            return found;
        }
    }

    /** jdeps' answer for the app's jars, plus what jdeps cannot see; cached while the jars are the same. */
    private String modules(Path input, List<Path> javafx) throws IOException {
        String key = fingerprint(input) + fingerprint(javafx);
        Path cacheKey = out.resolve("jdeps.key");
        Path cache = out.resolve("jdeps.modules");
        String found;
        if (Files.isRegularFile(cache) && Files.isRegularFile(cacheKey) && Files.readString(cacheKey).equals(key)) {
            found = Files.readString(cache).strip();
        } else {
            List<String> args = new ArrayList<>(List.of("--ignore-missing-deps", "--print-module-deps",
                    "--multi-release", "17", "--module-path", pathList(javafx), "--class-path",
                    pathList(jarsIn(input).stream().filter(p -> !p.getFileName().toString().equals("counterdesk.jar")).toList()),
                    input.resolve("counterdesk.jar").toString()));
            found = tool("jdeps", args).strip();
            Files.writeString(cache, found);
            Files.writeString(cacheKey, key);
        }
        TreeSet<String> all = new TreeSet<>(List.of(found.split(",")));
        all.addAll(EXTRA_MODULES);
        all.removeIf(String::isBlank);
        return String.join(",", all);
    }

    private Path runtime(String modules, List<Path> javafx) throws IOException {
        Path runtime = out.resolve("runtime");
        Path cacheKey = out.resolve("runtime.key");
        String key = modules + fingerprint(javafx) + System.getProperty("java.version");
        if (Files.isDirectory(runtime) && Files.isRegularFile(cacheKey) && Files.readString(cacheKey).equals(key)) {
            log("runtime unchanged: " + runtime);
            return runtime;
        }
        deleteTree(runtime);
        tool("jlink", List.of("--module-path", pathList(javafx), "--add-modules", modules,
                // Chinese and English only: without zh dates print as "2026 Jan 5, Mon"
                "--include-locales=en,zh",
                "--no-header-files", "--no-man-pages", "--strip-debug", "--generate-cds-archive",
                "--output", runtime.toString()));
        Files.writeString(cacheKey, key);
        return runtime;
    }

    /**
     * Records the classes loaded on the way to the log-in page (the window on a small demo
     * database, {@code -Dcounterdesk.startupProbe=true} exits at its first frame) into
     * {@code counterdesk.classlist}, shipped beside the jars. The archive itself is made on the
     * installed machine ({@code counterdesk cds-archive}): JDK 17 refuses an archive whose class
     * path has moved.
     */
    private String trainClassList(Path runtime, Path input) throws IOException, InterruptedException {
        Path work = out.resolve("training");
        deleteTree(work);
        Files.createDirectories(work);
        Path java = runtime.resolve("bin").resolve(windows ? "java.exe" : "java");
        String classpath = pathList(jarsIn(input));
        Path db = work.resolve("training");
        run(List.of(java.toString(), "-cp", classpath, MAIN_CLASS, "demo", "--accounts", "20", "--db", db.toString()),
                Map.of(), 180);
        Map<String, String> env = new LinkedHashMap<>();
        Process xvfb = null;
        String how;
        if (!windows && isBlank(System.getenv("DISPLAY"))) {
            Optional<Path> xvfbBinary = onPath("Xvfb");
            if (xvfbBinary.isEmpty()) {
                run(List.of(java.toString(), "-XX:DumpLoadedClassList=" + input.resolve("counterdesk.classlist"), "-cp",
                        classpath, MAIN_CLASS, "verify", "--db", db.toString()), Map.of(), 120);
                return "command line only (no display and no Xvfb for the window)";
            }
            String display = ":" + freeDisplay();
            xvfb = new ProcessBuilder(xvfbBinary.get().toString(), display, "-nolisten", "tcp", "-screen", "0", "1366x768x24")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            waitForDisplay(display, xvfb);
            env.put("DISPLAY", display);
            how = "window to the log-in page under Xvfb " + display;
        } else {
            how = "window to the log-in page on the desktop";
        }
        try {
            String output = run(List.of(java.toString(), "-XX:DumpLoadedClassList=" + input.resolve("counterdesk.classlist"),
                    "-Dcounterdesk.startupProbe=true", "-Dfile.encoding=UTF-8", "-cp", classpath, MAIN_CLASS,
                    "--db", db.toString()), env, 180);
            if (!output.contains("STARTUP_MS=")) {
                throw new IOException("the training run did not reach the log-in page: " + output);
            }
        } finally {
            if (xvfb != null) {
                xvfb.destroy();
                xvfb.waitFor(5, TimeUnit.SECONDS);
            }
        }
        long classes;
        try (Stream<String> lines = Files.lines(input.resolve("counterdesk.classlist"))) {
            classes = lines.filter(l -> !l.startsWith("#") && !l.startsWith("@")).count();
        }
        deleteTree(work);
        return how + ", " + classes + " classes";
    }

    private Path appImage(Path runtime, Path input) throws IOException {
        Path images = out.resolve("image");
        deleteTree(images);
        List<String> args = new ArrayList<>(List.of("--type", "app-image", "--dest", images.toString(),
                "--name", "CounterDesk", "--app-version", version, "--vendor", VENDOR, "--description", DESCRIPTION,
                "--input", input.toString(), "--main-jar", "counterdesk.jar", "--main-class", MAIN_CLASS,
                "--runtime-image", runtime.toString(),
                "--icon", project.resolve(windows ? "installer/windows/CounterDesk.ico" : "installer/counterdesk.png").toString(),
                "--add-launcher", (windows ? "counterdesk-cli" : "counterdesk") + "=" + cliLauncherProperties()));
        for (String option : windowJavaOptions()) {
            args.add("--java-options");
            args.add(option);
        }
        tool("jpackage", args);
        Path image;
        try (Stream<Path> made = Files.list(images)) {
            image = made.findFirst().orElseThrow(() -> new IOException("jpackage made no app-image"));
        }
        // lib-native/: where a printer vendor's native libraries and JavaPOS jars go (lib-native/README.md)
        // inside the app folder: jpackage's installers carry only the image's own layout (bin, lib, app, runtime)
        Path libNative = (windows ? image.resolve("app") : image.resolve("lib").resolve("app")).resolve("lib-native");
        Files.createDirectories(libNative);
        for (String file : List.of("README.md", "jpos.xml.template", "FILES.sha256")) {
            Path source = project.resolve("lib-native").resolve(file);
            if (Files.isRegularFile(source)) {
                Files.copy(source, libNative.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        log("app-image " + image);
        return image;
    }

    /**
     * The window launcher's JVM options: the launchers' own plus C1 only ({@code -XX:TieredStopAtLevel=1}):
     * the C2 compiler thread competed with the window and the database's opening for the counter PC's
     * cores; without it a usable log-in at 1,000,000 accounts took 1.30 s instead of 2.08 s, with warm
     * searches 1.4–1.7 times slower and still within their goals (docs/benchmarks.md, ADR 0028).
     */
    List<String> windowJavaOptions() {
        List<String> options = new ArrayList<>(javaOptions());
        options.add("-XX:TieredStopAtLevel=1");
        // Jdbi registers its JFR event when the flight recorder is available: 0.3 s of JFR's set-up before the
        // first statement of a cold JVM, on the way to a usable log-in (ADR 0031). The window runs without JFR.
        options.add("-XX:-FlightRecorder");
        return options;
    }

    /**
     * The command-line launcher's properties: installer/counterdesk-cli.properties plus its own
     * {@code java-options} — the launchers' options without the window's C1 setting, since head office's
     * server runs through it and is throughput-bound. jpackage gives an added launcher the main
     * launcher's options only when its properties have none; its own replace them.
     */
    private Path cliLauncherProperties() throws IOException {
        java.util.Properties properties = new java.util.Properties();
        try (var in = Files.newBufferedReader(project.resolve("installer/counterdesk-cli.properties"), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        properties.setProperty("java-options", javaOptions().stream()
                .map(option -> option.contains(" ") ? "\"" + option + "\"" : option)
                .collect(Collectors.joining(" ")));
        Files.createDirectories(out);
        Path file = out.resolve("counterdesk-cli.properties");
        try (var writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, "made by Packager from installer/counterdesk-cli.properties");
        }
        return file;
    }

    /** Both launchers' JVM options ($APPDIR is filled in by the launcher). */
    List<String> javaOptions() {
        String sep = windows ? ";" : ":";
        String libraryPath = "$APPDIR" + (windows ? "\\" : "/") + "lib-native"
                + (windows ? "" : sep + "/usr/java/packages/lib" + sep + "/usr/lib64" + sep + "/lib64" + sep + "/lib" + sep + "/usr/lib");
        return List.of(
                // the AppCDS archive made on the installed machine; absent or stale: started without it
                "-XX:SharedArchiveFile=$APPDIR" + (windows ? "\\" : "/") + "counterdesk.jsa", "-Xshare:auto",
                // lets the card layer renew the PC/SC context after the service restarts (docs/card-layout.md)
                "--add-opens=java.smartcardio/sun.security.smartcardio=ALL-UNNAMED",
                "-Dfile.encoding=UTF-8",
                "-Djava.library.path=" + libraryPath,
                // the installed program keeps its data in the operating system's place (docs/installation.md)
                "-Dcounterdesk.installed=true");
    }

    private Path installer(String type, Path image) throws IOException {
        Path dest = out;
        List<String> args = new ArrayList<>(List.of("--type", type, "--app-image", image.toString(), "--dest", dest.toString(),
                "--name", "CounterDesk", "--app-version", version, "--vendor", VENDOR, "--description", DESCRIPTION,
                "--license-file", project.resolve("LICENSE").toString()));
        if (type.equals("deb")) {
            args.addAll(List.of("--linux-package-name", "counterdesk", "--install-dir", "/opt",
                    "--resource-dir", project.resolve("installer/linux").toString(),
                    "--icon", project.resolve("installer/counterdesk.png").toString(),
                    "--linux-shortcut", "--linux-menu-group", "Office", "--linux-app-category", "misc",
                    "--linux-deb-maintainer", "it@counterdesk.invalid",
                    "--linux-package-deps", "fonts-wqy-microhei | fonts-noto-cjk"));
        } else if (type.equals("msi")) {
            args.addAll(List.of("--win-upgrade-uuid", WIN_UPGRADE_UUID, "--win-menu", "--win-menu-group", "CounterDesk",
                    "--win-shortcut", "--win-dir-chooser",
                    "--resource-dir", project.resolve("installer/windows").toString(),
                    "--icon", project.resolve("installer/windows/CounterDesk.ico").toString()));
        }
        try (Stream<Path> before = Files.list(dest)) {
            for (Path old : before.filter(p -> p.getFileName().toString().endsWith("." + type)).toList()) {
                Files.delete(old);
            }
        }
        tool("jpackage", args);
        try (Stream<Path> made = Files.list(dest)) {
            return made.filter(p -> p.getFileName().toString().endsWith("." + type)).findFirst()
                    .orElseThrow(() -> new IOException("jpackage made no ." + type));
        }
    }

    // ---- helpers

    private static String tool(String name, List<String> args) {
        ToolProvider tool = ToolProvider.findFirst(name).orElseThrow(() -> new IllegalStateException("no " + name));
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        long started = System.nanoTime();
        int rc = tool.run(new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8),
                args.toArray(String[]::new));
        log(name + " (" + (System.nanoTime() - started) / 1_000_000 + " ms)");
        if (rc != 0) {
            throw new IllegalStateException(name + " failed (" + rc + "): " + stderr.toString(StandardCharsets.UTF_8)
                    + stdout.toString(StandardCharsets.UTF_8));
        }
        return stdout.toString(StandardCharsets.UTF_8);
    }

    private static String run(List<String> command, Map<String, String> env, long timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Path log = Files.createTempFile("counterdesk-packager", ".log");
        builder.redirectOutput(log.toFile());
        long started = System.nanoTime();
        Process process = builder.start();
        boolean done = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!done) {
            process.destroyForcibly().waitFor();
        }
        String output = Files.readString(log);
        Files.delete(log);
        log("ran " + command.get(command.size() - 3) + " (" + (System.nanoTime() - started) / 1_000_000 + " ms)");
        if (!done || process.exitValue() != 0) {
            throw new IOException((done ? "exit " + process.exitValue() : "timed out") + ": " + String.join(" ", command) + "\n" + output);
        }
        return output;
    }

    private static void waitForDisplay(String display, Process xvfb) throws IOException, InterruptedException {
        Path socket = Path.of("/tmp/.X11-unix/X" + display.substring(1));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.exists(socket) && xvfb.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        if (!Files.exists(socket)) {
            xvfb.destroy();
            throw new IOException("Xvfb did not start on " + display);
        }
    }

    private static int freeDisplay() {
        for (int n = 60; n < 200; n++) {
            if (!Files.exists(Path.of("/tmp/.X11-unix/X" + n)) && !Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                return n;
            }
        }
        throw new IllegalStateException("no free X display number");
    }

    static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static List<Path> jarsIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            // the main jar first, as the launcher's class path has it
            return files.filter(p -> p.toString().endsWith(".jar"))
                    .sorted(Comparator.comparing((Path p) -> !p.getFileName().toString().equals("counterdesk.jar"))
                            .thenComparing(Path::toString))
                    .toList();
        }
    }

    private static String fingerprint(Path dir) throws IOException {
        return fingerprint(jarsIn(dir));
    }

    private static String fingerprint(List<Path> files) {
        return files.stream().map(p -> {
            try {
                return p.getFileName() + ":" + Files.size(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).collect(Collectors.joining(",")) + "\n";
    }

    private static String pathList(List<Path> paths) {
        return paths.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private void status(String text) throws IOException {
        Files.writeString(out.resolve("STATUS"), text + System.lineSeparator());
        log(text);
    }

    private static void log(String text) {
        if (!text.isEmpty()) {
            System.out.println("[packager] " + text);
        }
    }
}
