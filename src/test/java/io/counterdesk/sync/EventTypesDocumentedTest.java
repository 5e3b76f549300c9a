package io.counterdesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every journal event type the code appends is documented in docs/sync-protocol.md with its payload
 * and version: head office rebuilds from events, so an undocumented event is one it cannot read.
 * The types are read from the source: the literal type of each {@code journal.append(…)} call, and
 * for the few calls whose type is worked out at run time, the values listed here (a new such call
 * fails this test until it is listed).
 */
class EventTypesDocumentedTest {

    static final Path SOURCES = Path.of("src/main/java");
    static final Path DOC = Path.of("docs/sync-protocol.md");
    static final Pattern APPEND = Pattern.compile("journal\\.append\\(");
    static final Pattern TYPE = Pattern.compile("\"([A-Z][A-Z0-9_]*)\"");

    /** Calls whose type is not one literal: file and type argument → the types it can be. */
    static final Map<String, Set<String>> WORKED_OUT = Map.of(
            "AutoDebitService.java event", Set.of("AUTO_DEBIT_ENROLLED", "AUTO_DEBIT_CHANGED", "AUTO_DEBIT_CANCELLED"),
            "TopUpService.java event", Set.of("GAS_PURCHASE_COMPLETED", "GAS_RECREDIT_COMPLETED", "GAS_TRANSFER_COMPLETED",
                    "GAS_PURCHASE_REFUNDED"),
            "CardIssueService.java event", Set.of("CARD_ISSUED", "CARD_REISSUED"),
            "CardIssueService.java \"GAS_\" + kind.name() + \"_PENDING\"", Set.of("GAS_PURCHASE_PENDING",
                    "GAS_RECREDIT_PENDING", "GAS_TRANSFER_PENDING"),
            "AuthService.java purpose", Set.of("LOGIN", "APPROVER_CHECK"));

    @Test
    void everyAppendedEventTypeIsDocumentedWithItsPayloadVersion() throws IOException {
        Set<String> types = new TreeSet<>();
        Map<String, Integer> unlisted = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String src = Files.readString(f);
                Matcher m = APPEND.matcher(src);
                while (m.find()) {
                    List<String> args = arguments(src, m.end());
                    if (args.size() < 5) {
                        continue; // the declaration in Journal itself
                    }
                    String type = args.get(2).strip();
                    Matcher literal = TYPE.matcher(type);
                    if (type.matches("\"[A-Z][A-Z0-9_]*\"") || type.matches("[a-z]+ \\? \"[A-Z_]+\" : \"[A-Z_]+\"")) {
                        while (literal.find()) {
                            types.add(literal.group(1));
                        }
                    } else {
                        String key = f.getFileName() + " " + type.replaceAll("\\s+", " ");
                        if (WORKED_OUT.containsKey(key)) {
                            types.addAll(WORKED_OUT.get(key));
                        } else {
                            unlisted.merge(key, 1, Integer::sum);
                        }
                    }
                }
            }
        }
        assertThat(unlisted).as("append calls whose type this test cannot tell: list them in WORKED_OUT").isEmpty();
        assertThat(types).contains("PAYMENT", "TILL_CLOSED", "GAS_PURCHASE_COMPLETED", "LOGIN").hasSizeGreaterThan(40);

        String doc = Files.readString(DOC);
        List<String> missing = new ArrayList<>();
        for (String t : types) {
            if (!Pattern.compile("(?m)^\\| `" + t + "` \\| v\\d+ \\|").matcher(doc).find()) {
                missing.add(t);
            }
        }
        assertThat(missing).as("event types without a row `| `TYPE` | vN | …` in " + DOC).isEmpty();
    }

    /** The top-level arguments of the call whose '(' ends just before {@code from}. */
    private static List<String> arguments(String src, int from) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean string = false;
        StringBuilder current = new StringBuilder();
        for (int i = from; i < src.length(); i++) {
            char c = src.charAt(i);
            if (string) {
                current.append(c);
                if (c == '\\') {
                    current.append(src.charAt(++i));
                } else if (c == '"') {
                    string = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    string = true;
                    current.append(c);
                }
                case '(', '[', '{' -> {
                    depth++;
                    current.append(c);
                }
                case ')', ']', '}' -> {
                    if (depth == 0) {
                        out.add(current.toString());
                        return out;
                    }
                    depth--;
                    current.append(c);
                }
                case ',' -> {
                    if (depth == 0) {
                        out.add(current.toString());
                        current.setLength(0);
                    } else {
                        current.append(c);
                    }
                }
                default -> current.append(c);
            }
        }
        return out;
    }
}
