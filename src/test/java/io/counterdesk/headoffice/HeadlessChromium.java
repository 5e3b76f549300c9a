package io.counterdesk.headoffice;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;

/**
 * A real browser for head office's page: Debian's {@code chromium} run headless, one process per
 * look (its own throw-away profile, no network beyond the page's own server, nothing downloaded).
 * {@link #dom} is the page as the browser built it after loading; {@link #screenshot} what a person
 * sees at the counter PC's 1366×768. Where chromium is not installed the test is skipped with the reason.
 */
final class HeadlessChromium {

    static final Path BINARY = Path.of(System.getProperty("counterdesk.chromium", "/usr/bin/chromium"));

    private HeadlessChromium() {
    }

    static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(BINARY), "chromium not installed (" + BINARY + "; apt-get install chromium)");
    }

    /** The page's DOM as chromium serialises it after loading {@code url}. */
    static String dom(String url) throws IOException, InterruptedException {
        return new String(run(List.of("--dump-dom", url), null), StandardCharsets.UTF_8);
    }

    /** A PNG of {@code url} at 1366×768, written to {@code png}; returns the image read back. */
    static BufferedImage screenshot(String url, Path png) throws IOException, InterruptedException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.deleteIfExists(png);
        run(List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=1366,768", "--hide-scrollbars", url), png);
        BufferedImage image = ImageIO.read(png.toFile());
        if (image == null) {
            throw new AssertionError("chromium wrote no readable PNG to " + png);
        }
        return image;
    }

    private static byte[] run(List<String> args, Path expected) throws IOException, InterruptedException {
        assumeInstalled();
        Path profile = Files.createTempDirectory("counterdesk-chromium");
        Path err = profile.resolve("stderr.txt");
        try {
            List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--no-first-run", "--disable-extensions", "--disable-background-networking",
                    "--disable-sync", "--disable-component-update", "--user-data-dir=" + profile,
                    "--lang=zh-CN", "--force-device-scale-factor=1", "--timeout=20000"));
            command.addAll(args);
            Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("chromium did not finish in 60 s: " + Files.readString(err));
            }
            if (p.exitValue() != 0 || (expected != null && !Files.exists(expected))) {
                throw new AssertionError("chromium failed (exit " + p.exitValue() + "): " + Files.readString(err));
            }
            return out;
        } finally {
            io.counterdesk.persistence.TestDatabase.deleteRecursively(profile);
        }
    }
}
