package io.counterdesk.ui;

import io.counterdesk.persistence.Database;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;

/**
 * Chinese left on a screen shown in English: every visible text (labels, buttons, cells, headings,
 * field hints, the window title) whose Chinese characters are not data. Data is what the database
 * holds — names, addresses, the hall's name, tariff and fee names — and what the cashier typed into
 * the screen's fields, so a run of Chinese characters passes when it is part of such a value (a masked
 * "王**" too). The amount
 * in Chinese capital figures (大写金额, "肆佰壹拾叁元整") also passes: it is the legal form the
 * receipt prints and the customer is read, in every language.
 */
final class UntranslatedCheck {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}+");
    private static final Pattern CAPITAL_AMOUNT = Pattern.compile("[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整圆]+");

    private final List<String> data;

    private UntranslatedCheck(List<String> data) {
        this.data = data;
    }

    /** Every text value with Chinese in it that the database holds, except the journal's copies of them. */
    static UntranslatedCheck over(Database database) {
        Set<String> values = new HashSet<>();
        database.jdbi().useHandle(h -> {
            List<List<String>> columns = h.createQuery("SELECT TABLE_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS"
                            + " WHERE TABLE_SCHEMA = 'PUBLIC' AND DATA_TYPE IN ('CHARACTER VARYING', 'CHARACTER')"
                            + " AND TABLE_NAME <> 'JOURNAL' AND TABLE_NAME NOT LIKE 'SEARCH%'")
                    .map((rs, ctx) -> List.of(rs.getString(1), rs.getString(2))).list();
            for (List<String> column : columns) {
                h.createQuery("SELECT DISTINCT \"" + column.get(1) + "\" FROM \"" + column.get(0) + "\" WHERE \""
                                + column.get(1) + "\" IS NOT NULL")
                        .mapTo(String.class)
                        .forEach(v -> {
                            if (HAN.matcher(v).find()) {
                                values.add(v);
                            }
                        });
            }
        });
        return new UntranslatedCheck(List.copyOf(values));
    }

    /** The visible texts on {@code scene} (and its window's title) with Chinese that is not data. */
    List<String> problems(Scene scene) {
        List<String> out = new ArrayList<>();
        List<String> typed = new ArrayList<>();
        for (Node input : scene.getRoot().lookupAll(".text-input")) {
            if (input instanceof TextInputControl field && !field.getText().isEmpty()) {
                typed.add(field.getText());
            }
        }
        if (scene.getWindow() instanceof Stage stage) {
            check("window title", stage.getTitle(), typed, out);
        }
        walk(scene.getRoot(), typed, out);
        return out;
    }

    private void walk(Node node, List<String> typed, List<String> out) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (node instanceof Labeled labeled) {
            check(describe(node), labeled.getText(), typed, out);
        }
        if (node instanceof TextInputControl input && input.getText().isEmpty()) {
            check(describe(node) + " hint", input.getPromptText(), typed, out);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, typed, out);
            }
        }
    }

    private void check(String where, String text, List<String> typed, List<String> out) {
        if (text == null) {
            return;
        }
        Matcher han = HAN.matcher(text);
        while (han.find()) {
            String run = han.group();
            if (!CAPITAL_AMOUNT.matcher(run).matches() && !madeOfData(run, typed)) {
                out.add("\"" + text.replace('\n', ' ') + "\" (" + run + "): " + where);
                return;
            }
        }
    }

    /**
     * Whether {@code run} is data: part of one stored or typed value, or whole values one after another
     * (an address shown whole is its district, street and community as stored or typed).
     */
    private boolean madeOfData(String run, List<String> typed) {
        if (data.stream().anyMatch(v -> v.contains(run)) || typed.stream().anyMatch(v -> v.contains(run))) {
            return true;
        }
        boolean[] upTo = new boolean[run.length() + 1];
        upTo[0] = true;
        for (int end = 1; end <= run.length(); end++) {
            for (int start = 0; start < end && !upTo[end]; start++) {
                String piece = run.substring(start, end);
                upTo[end] = upTo[start] && (data.contains(piece) || typed.stream().anyMatch(v -> v.strip().equals(piece)));
            }
        }
        return upTo[run.length()];
    }

    private static String describe(Node node) {
        StringBuilder s = new StringBuilder(node.getClass().getSimpleName());
        if (node.getId() != null) {
            s.append('#').append(node.getId());
        }
        Node up = node.getParent();
        while (up != null && up.getId() == null) {
            up = up.getParent();
        }
        if (node.getId() == null && up != null) {
            s.append(" in #").append(up.getId());
        }
        return s.toString();
    }
}
