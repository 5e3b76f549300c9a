package io.counterdesk.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.geometry.Orientation;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * What a cashier cannot read on the window as laid out now: a control outside the window, a control
 * running past the panel it sits in, a label cut short (its text shown with "…"), a field's hint
 * wider than the field, table columns out of sight beside the table. Inside a scroll pane or a list, rows may lie outside the visible part (they
 * scroll); their texts must still not be cut.
 */
final class LayoutCheck {

    /** Half a pixel of rounding either way. */
    private static final double SLACK = 1.0;

    private LayoutCheck() {
    }

    /** The problems on {@code scene}, one line each, naming the node by id, style class or text. */
    static List<String> problems(Scene scene) {
        List<String> out = new ArrayList<>();
        walk(scene.getRoot(), scene, false, out);
        return out;
    }

    private static void walk(Node node, Scene scene, boolean scrolls, List<String> out) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (node instanceof Control control && !scrolls) {
            checkBounds(control, scene, out);
        }
        if (node instanceof Region region && !scrolls && squeezed(region) && !anyChildSqueezed(region)) {
            out.add("narrower than it needs (" + Math.round(region.getWidth()) + " of "
                    + Math.round(region.minWidth(-1)) + " px): " + name(region));
            if (Boolean.getBoolean("layout.debug")) {
                dump(region.getParent() == null ? region : region.getParent(), "  ", 0);
            }
        }
        if (node instanceof TableView<?> table && !scrolls) {
            checkColumns(table, out);
        }
        if (node instanceof Labeled labeled) {
            checkClipped(labeled, out);
        }
        if (node instanceof TextInputControl input) {
            checkPrompt(input, out);
        }
        if (node instanceof Parent parent) {
            boolean inner = scrolls || node instanceof ScrollPane
                    || node.getClass().getSimpleName().equals("VirtualFlow");
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, scene, inner, out);
            }
        }
    }

    /** Laid out narrower than its least width: something in it is cut or runs past it. */
    private static boolean squeezed(Region region) {
        return region.isVisible() && region.getWidth() > 0 && region.getWidth() + SLACK < region.minWidth(-1);
    }

    private static void dump(Node node, String indent, int depth) {
        if (depth > 14 || !(node instanceof Parent parent)) {
            return;
        }
        for (Node child : parent.getChildrenUnmodifiable()) {
            if (child.isManaged() && child.isVisible() && child.minWidth(-1) > 100) {
                System.out.println("DUMP" + indent + name(child) + " min=" + Math.round(child.minWidth(-1)) + " pref="
                        + Math.round(child.prefWidth(-1)) + " w=" + Math.round(child.getLayoutBounds().getWidth()));
                dump(child, indent + "  ", depth + 1);
            }
        }
    }

    private static boolean anyChildSqueezed(Region region) {
        for (Node child : region.getChildrenUnmodifiable()) {
            if (child instanceof Region r && (squeezed(r) || anyChildSqueezed(r))) {
                return true;
            }
        }
        return false;
    }

    private static void checkBounds(Control control, Scene scene, List<String> out) {
        Bounds b = control.localToScene(control.getLayoutBounds());
        if (b.getWidth() <= 0 || b.getHeight() <= 0) {
            return;
        }
        if (b.getMinX() < -SLACK || b.getMinY() < -SLACK || b.getMaxX() > scene.getWidth() + SLACK
                || b.getMaxY() > scene.getHeight() + SLACK) {
            out.add("outside the window " + fmt(b) + ": " + name(control));
            return;
        }
        Parent parent = control.getParent();
        if (parent instanceof Region region && !(parent instanceof Control)) {
            Bounds p = region.localToScene(region.getLayoutBounds());
            if (b.getMinX() < p.getMinX() - SLACK || b.getMinY() < p.getMinY() - SLACK
                    || b.getMaxX() > p.getMaxX() + SLACK || b.getMaxY() > p.getMaxY() + SLACK) {
                out.add("past its panel " + fmt(b) + " in " + fmt(p) + ": " + name(control));
            }
        }
        if (control.getHeight() + SLACK < control.minHeight(control.getWidth())
                && control.getHeight() < 40 && control instanceof javafx.scene.control.ListView<?>) {
            out.add("squeezed to " + Math.round(control.getHeight()) + " px: " + name(control));
        }
    }

    /** Columns wider together than the table shows: the last ones are out of sight (a sideways scroll). */
    private static void checkColumns(TableView<?> table, List<String> out) {
        double columns = table.getVisibleLeafColumns().stream().mapToDouble(TableColumn::getWidth).sum();
        double shown = table.getWidth() - table.getInsets().getLeft() - table.getInsets().getRight();
        for (Node bar : table.lookupAll(".scroll-bar")) {
            if (bar instanceof ScrollBar scrollBar && scrollBar.getOrientation() == Orientation.VERTICAL
                    && scrollBar.isVisible()) {
                shown -= scrollBar.getWidth();
            }
        }
        // a few pixels over is the resize policy's rounding against the header's inner border, not a column hidden
        if (table.getWidth() > 0 && columns > shown + 4) {
            out.add("columns need " + Math.round(columns) + " px, the table shows " + Math.round(shown) + ": "
                    + name(table));
        }
    }

    private static void checkClipped(Labeled labeled, List<String> out) {
        String text = labeled.getText();
        if (text == null || text.isEmpty() || labeled.getGraphic() != null && text.isBlank()) {
            return;
        }
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text shown && child.isVisible() && !text.equals(shown.getText())) {
                out.add("text cut to \"" + shown.getText() + "\": " + name(labeled));
                return;
            }
        }
    }

    private static void checkPrompt(TextInputControl input, List<String> out) {
        String prompt = input.getPromptText();
        if (prompt == null || prompt.isEmpty() || !input.getText().isEmpty() || input.getWidth() <= 0) {
            return;
        }
        Text measure = new Text(prompt);
        measure.setFont(input.getFont());
        Insets insets = input.getInsets();
        double room = input.getWidth() - insets.getLeft() - insets.getRight();
        double needed = measure.getLayoutBounds().getWidth();
        if (needed > room + SLACK) {
            out.add("hint \"" + prompt + "\" needs " + Math.round(needed) + " px, the field has "
                    + Math.round(room) + ": " + name(input));
        }
    }

    private static String name(Node node) {
        StringBuilder s = new StringBuilder(node.getClass().getSimpleName());
        if (node.getId() != null) {
            s.append('#').append(node.getId());
        }
        if (node instanceof Labeled labeled && labeled.getText() != null) {
            s.append(" \"").append(labeled.getText().replace('\n', ' ')).append('"');
        }
        Node up = node.getParent();
        while (up != null && node.getId() == null && up.getId() == null) {
            up = up.getParent();
        }
        if (node.getId() == null && up != null) {
            s.append(" in #").append(up.getId());
        }
        return s.toString();
    }

    private static String fmt(Bounds b) {
        return "[" + Math.round(b.getMinX()) + "," + Math.round(b.getMinY()) + " " + Math.round(b.getWidth()) + "×"
                + Math.round(b.getHeight()) + "]";
    }
}
