package io.counterdesk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Collects the bench's figures and renders them as Markdown (console and target/bench/results.md). */
final class Report {

    private final StringBuilder header = new StringBuilder();
    private final List<String> rows = new ArrayList<>();
    private final StringBuilder tail = new StringBuilder();

    void machine(int accounts, int iterations) {
        header.append("# CounterDesk bench results\n\n");
        header.append("- run: ").append(LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS)).append('\n');
        header.append("- machine: ").append(hardware()).append('\n');
        header.append("- JVM: ").append(jvm()).append('\n');
        header.append(String.format(Locale.ROOT, "- data: %,d demo accounts; %,d measured calls per kind after %,d warm-up calls"
                + " (partial search: %,d calls of the mix)%n", accounts, iterations, iterations, iterations * 2));
    }

    void load(String how, long millis, long bytes) {
        header.append(String.format(Locale.ROOT, "- database: %s, file %.0f MiB%s%n", how, bytes / (1024.0 * 1024.0),
                millis < 0 ? "" : String.format(Locale.ROOT, ", loaded in %.1f s (accounts, holders, bills, search slices;"
                        + " no per-commit fsync, one sync at the end)", millis / 1000.0)));
    }

    void row(String group, Samples samples, double goalP99Ms, String note) {
        double p99 = samples.percentile(0.99) / 1e6;
        String goal = Double.isNaN(goalP99Ms) ? "" : "< " + trim(goalP99Ms) + " ms: " + (p99 < goalP99Ms ? "met" : "MISSED");
        rows.add(String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s | %s | %s |", samples.name(), samples.count(),
                Samples.ms(samples.percentile(0.5)), Samples.ms(samples.percentile(0.99)), Samples.ms(samples.max()),
                goal, note));
    }

    void slowest(List<SearchBench.Timed> timed) {
        tail.append("\nSlowest partial queries: ");
        tail.append(SearchBench.join(timed, t -> String.format(Locale.ROOT, "`%s` %s ms (%d rows)", t.query().text(),
                Samples.ms(t.nanos()), t.results())));
        tail.append('\n');
    }

    void slowestFirstCalls(List<SearchBench.Timed> timed) {
        tail.append("\nSlowest first calls after opening: ");
        tail.append(SearchBench.join(timed, t -> String.format(Locale.ROOT, "`%s` %s ms (%d rows; %s)", t.query().text(),
                Samples.ms(t.nanos()), t.results(), t.work())));
        tail.append('\n');
    }

    void freshFirstCalls(List<String> lines) {
        tail.append("\nFirst calls in fresh JVMs (ns = the search; open and warm-up before it):\n");
        lines.forEach(line -> tail.append(line).append('\n'));
    }

    void slowestOfKind(String kind, List<SearchBench.Timed> timed) {
        tail.append("\nSlowest, ").append(kind).append(":\n");
        for (SearchBench.Timed t : timed) {
            tail.append(String.format(Locale.ROOT, "- `%s` %s ms, %d found; %s%n", t.query().text(), Samples.ms(t.nanos()),
                    t.results(), t.work()));
        }
    }

    void note(String line) {
        header.append(line).append('\n');
    }

    void coldStart(String platform, List<ColdStart.Run> runs, List<ColdStart.Run> floor, String note) {
        coldStart("Cold start", platform, runs, floor, note);
    }

    /** One cold-start table (app and floor in turn) and the median of each opening step the app printed. */
    void coldStart(String title, String platform, List<ColdStart.Run> runs, List<ColdStart.Run> floor, String note) {
        tail.append("\n## ").append(title).append("\n\n");
        if (runs.isEmpty()) {
            tail.append(note).append('\n');
            return;
        }
        tail.append(String.format(Locale.ROOT, "%d runs each on the loaded database (%s); fresh JVM each time, the app and"
                + " the floor (a minimal JavaFX window) in turn; wall time from process start.%n%n", runs.size(), platform));
        tail.append("| measure | median ms | max ms | goal |\n| --- | ---: | ---: | --- |\n");
        long[] ready = sorted(runs, ColdStart.Run::readyWallMillis);
        if (ready[0] >= 0) {
            long median = ready[(ready.length - 1) / 2];
            tail.append(String.format(Locale.ROOT, "| app, to a usable log-in (LOGIN_READY_MS line: page drawn, database open) | %d | %d | < 1500 ms: %s |%n",
                    median, ready[ready.length - 1], median < SearchBench.COLD_START_GOAL_MS ? "met" : "MISSED"));
        }
        long[] wall = sorted(runs, ColdStart.Run::wallMillis);
        tail.append(String.format(Locale.ROOT, "| app, to the log-in page's first frame (STARTUP_MS line) | %d | %d | |%n",
                wall[(wall.length - 1) / 2], wall[wall.length - 1]));
        long[] minimal = sorted(floor, ColdStart.Run::wallMillis);
        tail.append(String.format(Locale.ROOT, "| floor: minimal JavaFX window, first frame | %d | %d | |%n",
                minimal[(minimal.length - 1) / 2], minimal[minimal.length - 1]));
        if (ready[0] >= 0) {
            tail.append(String.format(Locale.ROOT, "| usable log-in above the floor (medians) | %d | | |%n",
                    ready[(ready.length - 1) / 2] - minimal[(minimal.length - 1) / 2]));
        }
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        runs.forEach(run -> names.addAll(run.steps().keySet()));
        if (!names.isEmpty()) {
            tail.append("\nThe back end's opening, step by step (medians of the runs; it starts on its own thread at launch, "
                    + "beside JavaFX's start):\n\n"
                    + "| step | median ms | max ms |\n| --- | ---: | ---: |\n");
            for (String name : names) {
                long[] values = runs.stream().filter(run -> run.steps().containsKey(name))
                        .mapToLong(run -> run.steps().get(name)).sorted().toArray();
                tail.append(String.format(Locale.ROOT, "| %s | %d | %d |%n", name, values[(values.length - 1) / 2],
                        values[values.length - 1]));
            }
        }
        tail.append('\n').append(note).append('\n');
    }

    private static long[] sorted(List<ColdStart.Run> runs, java.util.function.ToLongFunction<ColdStart.Run> figure) {
        return runs.stream().mapToLong(figure).sorted().toArray();
    }

    /** CPUs, their model and the memory. */
    static String hardware() {
        return Runtime.getRuntime().availableProcessors() + " CPUs (" + cpuModel() + "), " + memory();
    }

    /** The JVM, its heap and the operating system. */
    static String jvm() {
        return System.getProperty("java.vm.name") + ' ' + System.getProperty("java.version") + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB; " + System.getProperty("os.name") + ' '
                + System.getProperty("os.version");
    }

    String markdown() {
        StringBuilder md = new StringBuilder(header);
        md.append("\n## Lookups and search (ms)\n\n");
        md.append("| operation | calls | p50 | p99 | max | goal (p99) | note |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | --- | --- |\n");
        rows.forEach(r -> md.append(r).append('\n'));
        md.append(tail);
        return md.toString();
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException | RuntimeException unavailable) {
            return "model unknown";
        }
        return "model unknown";
    }

    private static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"), StandardCharsets.UTF_8)) {
                if (line.startsWith("MemTotal:")) {
                    long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format(Locale.ROOT, "%.1f GiB memory", kib / (1024.0 * 1024.0));
                }
            }
        } catch (IOException | RuntimeException unavailable) {
            return "memory unknown";
        }
        return "memory unknown";
    }
}
