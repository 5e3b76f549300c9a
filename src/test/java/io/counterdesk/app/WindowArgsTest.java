package io.counterdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The window's command line read without picocli (ADR 0028): the same result as picocli's, or left to it. */
class WindowArgsTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "--db /data/hall1", "--db=/data/hall1.mv.db", "--lang en", "--lang=EN",
            "--db /data/hall1 --lang zh", "--lang en --db rel/hall", "--lang=En"})
    void theWindowsOptionsAreReadAsPicocliReadsThem(String line) {
        String[] args = split(line);
        Optional<WindowArgs> lean = WindowArgs.of(args);
        assertThat(lean).as("read without picocli: %s", line).isPresent();

        Cli cli = new Cli();
        new CommandLine(cli).parseArgs(args);
        assertThat(lean.get().db()).isEqualTo(cli.db.path);
        assertThat(lean.get().lang()).isEqualTo(cli.lang);
        assertThat(lean.get().config().database()).isEqualTo(AppConfig.resolve(cli.db.path, cli.lang).database());
        assertThat(lean.get().config().locale()).isEqualTo(AppConfig.resolve(cli.db.path, cli.lang).locale());
    }

    @ParameterizedTest
    @ValueSource(strings = {"verify --db /data/hall1", "--db /data/hall1 verify", "--help", "-h", "--version", "-V",
            "--lang fr", "--db", "--lang", "--db /a --db /b", "--lang en --lang zh", "@args.txt", "--db -x",
            "--db=", "--unknown x", "demo", "--db /data/hall1 extra"})
    void everythingElseIsLeftToPicocli(String line) {
        assertThat(WindowArgs.of(split(line))).as(line).isEmpty();
    }

    @Test
    void aPathTheFileSystemRefusesIsLeftToPicocli() {
        assertThat(WindowArgs.of("--db", "hall\u0000one")).isEmpty();
    }

    @Test
    void aFailureOfTheWindowIsOneLineAndAnExitCodeAsUnderPicocli() {
        java.io.StringWriter err = new java.io.StringWriter();
        int exit = CliErrors.run(() -> {
            throw new io.counterdesk.persistence.StorageException("cannot open database x", new java.io.IOException("disk"));
        }, new java.io.PrintWriter(err, true));
        assertThat(exit).isEqualTo(CliErrors.FAILED);
        assertThat(err.toString().strip()).doesNotContain("\n").doesNotContain("at io.counterdesk");
    }

    private static String[] split(String line) {
        return line.isBlank() ? new String[0] : line.strip().split(" +");
    }
}
