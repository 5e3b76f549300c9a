package io.counterdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code .deb} that {@code installer/Packager.java} built in this build (pre-integration-test),
 * unpacked into a temporary root with {@code dpkg-deb -x}, used as a hall would use it: the
 * postinst's archive step, {@code counterdesk --help}, {@code init}, {@code demo}, {@code verify},
 * {@code backup}, {@code restore}, a corrupt backup refused, and the window to its log-in page under
 * Xvfb with a screenshot ({@code target/installer/installed-login.png}). Skipped, with the reason,
 * where no package could be built (not Linux, no jpackage/fakeroot/dpkg-deb).
 */
class InstalledPackageIT {

    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static Path deb;

    @TempDir
    static Path work;

    @BeforeAll
    static void findPackage() throws IOException {
        Path status = TARGET.resolve("installer/STATUS");
        Assumptions.assumeTrue(Files.isRegularFile(status), "installer/Packager.java did not run in this build");
        String said = Files.readString(status).strip();
        Assumptions.assumeFalse(said.startsWith("skipped"), said);
        assertThat(said).startsWith("built");
        try (Stream<Path> files = Files.list(TARGET.resolve("installer"))) {
            deb = files.filter(p -> p.toString().endsWith(".deb")).findFirst().orElseThrow();
        }
    }

    @Test
    void theInstalledProgramRunsItsCommandsAndItsWindow() throws Exception {
        Path root = work.resolve("root");
        Files.createDirectories(root);
        assertThat(run(List.of("dpkg-deb", "-x", deb.toString(), root.toString()), Map.of()).code()).isZero();
        Path install = root.resolve("opt/counterdesk");
        Path cli = install.resolve("bin/counterdesk");
        Path window = install.resolve("bin/CounterDesk");
        assertThat(cli).isExecutable();
        assertThat(window).isExecutable();
        assertThat(install.resolve("lib/counterdesk-CounterDesk.desktop")).content(StandardCharsets.UTF_8)
                .contains("Name[zh_CN]=营业厅柜台收费").contains("Icon=");
        assertThat(install.resolve("lib/app/lib-native/README.md")).exists();
        // C1 only and no flight recorder for the window (ADR 0028, 0031); the command line (head office's server
        // too) keeps the full JIT and JFR, and every other option: an added launcher's own java-options replace the main launcher's
        assertThat(install.resolve("lib/app/CounterDesk.cfg")).content(StandardCharsets.UTF_8)
                .contains("java-options=-XX:TieredStopAtLevel=1").contains("java-options=-XX:-FlightRecorder")
                .contains("counterdesk.jsa");
        assertThat(install.resolve("lib/app/counterdesk.cfg")).content(StandardCharsets.UTF_8)
                .doesNotContain("TieredStopAtLevel").doesNotContain("FlightRecorder").contains("java-options=-XX:SharedArchiveFile=$APPDIR/counterdesk.jsa")
                .contains("java-options=-Xshare:auto").contains("--add-opens=java.smartcardio/sun.security.smartcardio=ALL-UNNAMED")
                .contains("java-options=-Djava.library.path=$APPDIR/lib-native:").contains("java-options=-Dcounterdesk.installed=true");

        // what the postinst does after dpkg has copied the files
        Result cds = run(List.of(cli.toString(), "cds-archive"), Map.of());
        assertThat(cds.code()).as(cds.output()).isZero();
        assertThat(install.resolve("lib/app/counterdesk.jsa")).exists();

        // the JVM takes user.home from the password file, not $HOME: a home of the test's own
        Path home = work.resolve("home");
        Map<String, String> env = Map.of("HOME", home.toString(), "JAVA_TOOL_OPTIONS", "-Duser.home=" + home);
        Result help = run(List.of(cli.toString(), "--help"), env);
        assertThat(help.code()).isZero();
        assertThat(help.output()).contains("init").contains("verify").contains("backup").contains("restore");
        Result version = run(List.of(cli.toString(), "--version"), env);
        assertThat(version.output()).contains("CounterDesk " + System.getProperty("counterdesk.version", "0.1.0"));

        Result init = run(List.of(cli.toString(), "init", "--db", work.resolve("hall/counterdesk").toString(),
                "--hall-code", "HZ07", "--hall-name", "杭州城东营业厅", "--terminal-code", "HZ07-T01",
                "--admin-staff-no", "9001", "--admin-name", "陈静", "--admin-password", "Gas-Counter-2026"), env);
        assertThat(init.code()).as(init.output()).isZero();
        assertThat(init.output()).contains("initialised");

        // the installed program's own data place (not the checkout's ~/.counterdesk)
        Path data = home.resolve(".local/share/counterdesk");
        Result demo = run(List.of(cli.toString(), "demo", "--accounts", "20"), env);
        assertThat(demo.code()).as(demo.output()).isZero();
        assertThat(data.resolve("counterdesk.mv.db")).exists();
        assertThat(home.resolve(".counterdesk")).doesNotExist();

        Result verify = run(List.of(cli.toString(), "verify"), env);
        assertThat(verify.code()).as(verify.output()).isZero();
        assertThat(verify.output()).contains("journal: intact");

        Result backup = run(List.of(cli.toString(), "backup"), env);
        assertThat(backup.code()).as(backup.output()).isZero();
        Path zip = Path.of(backup.output().lines().filter(l -> l.startsWith("backup ")).findFirst().orElseThrow().substring(7));
        assertThat(zip).exists().hasParent(data.resolve("backups"));

        Result restore = run(List.of(cli.toString(), "restore", zip.toString()), env);
        assertThat(restore.code()).as(restore.output()).isZero();
        assertThat(restore.output()).contains("sync epoch 2");

        Path corrupt = work.resolve(zip.getFileName());
        byte[] bytes = Files.readAllBytes(zip);
        bytes[bytes.length / 3] ^= 0x21;
        Files.write(corrupt, bytes);
        Files.copy(zip.resolveSibling(zip.getFileName() + ".sha256"), work.resolve(zip.getFileName() + ".sha256"));
        Result refused = run(List.of(cli.toString(), "restore", corrupt.toString()), env);
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.output()).contains("SHA-256").contains("未做任何恢复").doesNotContain("Exception");

        // the window, to its log-in page, with its AppCDS archive in use
        Optional<Path> xvfb = Stream.of("/usr/bin/Xvfb", "/usr/local/bin/Xvfb").map(Path::of).filter(Files::isExecutable).findFirst();
        Assumptions.assumeTrue(xvfb.isPresent(), "no Xvfb for the window (apt-get install xvfb)");
        int display = freeDisplay();
        Process x = new ProcessBuilder(xvfb.get().toString(), ":" + display, "-nolisten", "tcp", "-screen", "0", "1366x768x24")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Path socket = Path.of("/tmp/.X11-unix/X" + display);
            for (int i = 0; i < 200 && !Files.exists(socket); i++) {
                Thread.sleep(50);
            }
            Path shot = TARGET.resolve("installer/installed-login.png");
            Files.deleteIfExists(shot);
            Map<String, String> windowEnv = new HashMap<>(env);
            windowEnv.put("DISPLAY", ":" + display);
            windowEnv.put("JAVA_TOOL_OPTIONS", "-Duser.home=" + home + " -Dcounterdesk.startupProbe=true -Dcounterdesk.startupShot=" + shot
                    + " -Xlog:class+load=info:file=" + work.resolve("classes.log"));
            Result login = run(List.of(window.toString()), windowEnv);
            assertThat(login.code()).as(login.output()).isZero();
            assertThat(login.output()).containsPattern("STARTUP_MS=\\d+");
            BufferedImage image = ImageIO.read(shot.toFile());
            assertThat(image.getWidth()).isEqualTo(1366);
            assertThat(image.getHeight()).isEqualTo(768);
            String classes = Files.readString(work.resolve("classes.log"));
            assertThat(classes).contains("io.counterdesk.security.ui.LoginView source: shared objects file");
        } finally {
            x.destroy();
            x.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private record Result(int code, String output) {
    }

    private static Result run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("COUNTERDESK_DB");
        builder.environment().remove("COUNTERDESK_DATA");
        builder.environment().remove("XDG_DATA_HOME");
        builder.environment().putAll(env);
        Path log = Files.createTempFile(work, "run", ".log");
        builder.redirectOutput(log.toFile());
        Process process = builder.start();
        if (!process.waitFor(240, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            return new Result(-1, "timed out: " + command + "\n" + Files.readString(log));
        }
        return new Result(process.exitValue(), Files.readString(log));
    }

    private static int freeDisplay() {
        List<Integer> taken = new ArrayList<>();
        for (int n = 120; n < 250; n++) {
            if (!Files.exists(Path.of("/tmp/.X11-unix/X" + n)) && !Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                return n;
            }
            taken.add(n);
        }
        throw new IllegalStateException("no free X display among " + taken.size());
    }
}
