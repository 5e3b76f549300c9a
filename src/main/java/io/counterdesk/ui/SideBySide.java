package io.counterdesk.ui;

import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * Panels side by side while they fit at their least widths, one above the other when they do not (the
 * counter PC's 1366 px with longer English headings): no panel is squeezed and nothing is cut. Side
 * by side, the width beyond the panels' least widths is shared in proportion to their preferred
 * widths; stacked, each panel gets an equal share of the height.
 */
public final class SideBySide extends Pane {

    private final double gap;

    public SideBySide(double gap, Region... panels) {
        this.gap = gap;
        getChildren().addAll(panels);
    }

    /** Whether the panels stand side by side at {@code width} (this pane's own width). */
    public boolean sideBySide(double width) {
        List<Node> panels = getManagedChildren();
        double least = getInsets().getLeft() + getInsets().getRight() + gap * Math.max(0, panels.size() - 1);
        for (Node panel : panels) {
            least += panel.minWidth(-1);
        }
        return width < 0 || width + 0.5 >= least;
    }

    @Override
    protected double computeMinWidth(double height) {
        double widest = 0;
        for (Node panel : getManagedChildren()) {
            widest = Math.max(widest, panel.minWidth(-1));
        }
        return widest + getInsets().getLeft() + getInsets().getRight();
    }

    @Override
    protected double computePrefWidth(double height) {
        List<Node> panels = getManagedChildren();
        double sum = gap * Math.max(0, panels.size() - 1);
        for (Node panel : panels) {
            sum += panel.prefWidth(-1);
        }
        return sum + getInsets().getLeft() + getInsets().getRight();
    }

    @Override
    protected double computeMinHeight(double width) {
        return height(width, true);
    }

    @Override
    protected double computePrefHeight(double width) {
        return height(width, false);
    }

    private double height(double width, boolean least) {
        List<Node> panels = getManagedChildren();
        boolean beside = sideBySide(width);
        double total = beside ? 0 : gap * Math.max(0, panels.size() - 1);
        for (Node panel : panels) {
            double h = least ? panel.minHeight(-1) : panel.prefHeight(-1);
            total = beside ? Math.max(total, h) : total + h;
        }
        return total + getInsets().getTop() + getInsets().getBottom();
    }

    @Override
    protected void layoutChildren() {
        List<Node> panels = getManagedChildren();
        if (panels.isEmpty()) {
            return;
        }
        double x = getInsets().getLeft();
        double y = getInsets().getTop();
        double width = getWidth() - x - getInsets().getRight();
        double height = getHeight() - y - getInsets().getBottom();
        double gaps = gap * (panels.size() - 1);
        if (sideBySide(getWidth())) {
            double least = 0;
            double preferred = 0;
            for (Node panel : panels) {
                least += panel.minWidth(-1);
                preferred += panel.prefWidth(-1);
            }
            double spare = Math.max(0, width - gaps - least);
            for (Node panel : panels) {
                double w = panel.minWidth(-1) + (preferred > 0 ? spare * panel.prefWidth(-1) / preferred
                        : spare / panels.size());
                layoutInArea(panel, x, y, w, height, 0, HPos.LEFT, VPos.TOP);
                x += w + gap;
            }
        } else {
            double each = (height - gaps) / panels.size();
            for (Node panel : panels) {
                layoutInArea(panel, x, y, width, each, 0, HPos.LEFT, VPos.TOP);
                y += each + gap;
            }
        }
    }
}
