package io.counterdesk.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Makes the AppCDS archive of an installed program ({@code counterdesk.jsa} beside the jars) from
 * the class list recorded when the package was built ({@code counterdesk.classlist}). The installer
 * runs it after copying the files (Debian: postinst), because JDK 17 uses an archive only with the
 * exact class path it was made with. It dumps with this very runtime and this very class path, which
 * are the launcher's. An installer's step, not a support command: hidden from the help.
 */
@Command(name = "cds-archive", hidden = true,
        description = "Make the start-up archive (AppCDS) of the installed program from its class list.")
final class CdsArchiveCommand implements Callable<Integer> {

    static final String CLASS_LIST = "counterdesk.classlist";
    static final String ARCHIVE = "counterdesk.jsa";
    private static final long DUMP_TIMEOUT_SECONDS = 300;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path appDir = applicationDirectory();
        Path classList = appDir.resolve(CLASS_LIST);
        if (!Files.isRegularFile(classList)) {
            err.println("no class list " + classList + ": not an installed CounterDesk; nothing done");
            return 1;
        }
        Path archive = appDir.resolve(ARCHIVE);
        Path partial = appDir.resolve(ARCHIVE + ".part");
        Files.deleteIfExists(partial);
        Path log = Files.createTempFile("counterdesk-cds", ".log");
        try {
            Process dump = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xshare:dump", "-XX:SharedClassListFile=" + classList, "-XX:SharedArchiveFile=" + partial,
                    "-cp", System.getProperty("java.class.path")))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!dump.waitFor(DUMP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                dump.destroyForcibly().waitFor();
                err.println("the archive took longer than " + DUMP_TIMEOUT_SECONDS + " s; nothing done");
                return 1;
            }
            if (dump.exitValue() != 0 || !Files.isRegularFile(partial)) {
                err.println("the archive could not be made (exit " + dump.exitValue() + "): " + Files.readString(log).strip());
                Files.deleteIfExists(partial);
                return 1;
            }
            Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            out.println("start-up archive " + archive + " (" + Files.size(archive) / (1024 * 1024) + " MiB)");
            return 0;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** The directory holding the program's jar (an installed program's {@code lib/app}, or {@code app\}). */
    static Path applicationDirectory() {
        try {
            return Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
