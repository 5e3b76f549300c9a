package io.counterdesk.app;

import io.counterdesk.persistence.StorageException;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.I18n;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import picocli.CommandLine;

/**
 * The command line's answer to bad input (issue 13 §4): one clear line on standard error and an
 * exit code other than 0 — never a stack trace. Dates are read strictly ({@code 2026-12-07};
 * {@code 2026-13-40} and {@code 07/12/2026} are refused with the form to use).
 */
final class CliErrors {

    /** Exit code of a refusal: bad arguments, or a business rule (as {@link Cli#fail}). */
    static final int REFUSED = 2;
    /** Exit code when the database could not be opened or the program failed. */
    static final int FAILED = 1;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM")
            .withResolverStyle(ResolverStyle.STRICT);

    private CliErrors() {
    }

    static CommandLine install(CommandLine commandLine) {
        commandLine.registerConverter(LocalDate.class, CliErrors::day);
        commandLine.registerConverter(YearMonth.class, CliErrors::month);
        commandLine.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println(parameterMessage(e));
            return REFUSED;
        });
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> failed(e, cl.getErr()));
        return commandLine;
    }

    /** Runs {@code command} as picocli runs a command's {@code call}: a failure is one line on {@code err} and its exit code. */
    static int run(java.util.concurrent.Callable<Integer> command, java.io.PrintWriter err) {
        try {
            return command.call();
        } catch (Exception e) {
            return failed(e, err);
        }
    }

    private static int failed(Exception e, java.io.PrintWriter err) {
        err.println(executionMessage(e));
        return e instanceof BusinessException ? REFUSED : FAILED;
    }

    static LocalDate day(String text) {
        try {
            return LocalDate.parse(text.strip(), DAY);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException(I18n.text("app.cli.badDate", text));
        }
    }

    static YearMonth month(String text) {
        try {
            return YearMonth.parse(text.strip(), MONTH);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException(I18n.text("app.cli.badMonth", text));
        }
    }

    private static String parameterMessage(CommandLine.ParameterException e) {
        Throwable cause = e.getCause();
        if (cause instanceof CommandLine.TypeConversionException && cause.getMessage().matches("(?s).*\\p{IsHan}.*")) {
            return oneLine(cause.getMessage());
        }
        if (cause instanceof BusinessException) {
            return oneLine(cause.getMessage());
        }
        return oneLine(I18n.text("app.cli.badArguments", e.getMessage()));
    }

    private static String executionMessage(Exception e) {
        if (e instanceof BusinessException) {
            return oneLine(e.getMessage());
        }
        if (e instanceof StorageException) {
            String detail = e.getMessage() + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")");
            return oneLine(I18n.text("app.cli.storage", detail));
        }
        return oneLine(I18n.text("app.cli.internal", e.getClass().getSimpleName(), String.valueOf(e.getMessage())));
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
