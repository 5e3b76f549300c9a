package io.counterdesk.report.ui;

import io.counterdesk.report.chart.Chart;
import io.counterdesk.report.chart.ChartSeries;
import io.counterdesk.report.chart.ChartUnit;
import io.counterdesk.shared.I18n;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.chart.Axis;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.util.StringConverter;

/**
 * A {@link Chart} drawn with JavaFX's bar chart, for the hall manager's screen: upright columns or
 * horizontal bars as the chart says, one colour per series with a legend when there are several,
 * "no data" instead of an empty plot. Money is shown in whole yuan on the axis (the exact figures are
 * in the report's tables). A marked label (a business past its promise) is written in the PDF's
 * warning red and its bars carry the {@code :marked} pseudo-class (a red outline); the label's text
 * itself says why. Build it on the FX thread.
 */
public final class ChartNode extends StackPane {

    /** On the bars of a {@linkplain Chart#isMarked(String) marked} label. */
    public static final PseudoClass MARKED = PseudoClass.getPseudoClass("marked");

    private final Chart chart;
    private final BarChart<?, ?> bars;

    public ChartNode(Chart chart) {
        this.chart = chart;
        getStyleClass().add("report-chart");
        bars = chart.kind() == Chart.Kind.COLUMNS ? columns(chart) : horizontal(chart);
        bars.setTitle(chart.title());
        bars.setLegendVisible(chart.hasLegend());
        bars.setAnimated(false);
        bars.setBarGap(1);
        bars.setCategoryGap(chart.kind() == Chart.Kind.COLUMNS ? 6 : 10);
        getChildren().add(bars);
        if (!chart.marked().isEmpty()) {
            markLabels(categoryAxis());
        }
        if (chart.isEmpty()) {
            Label none = new Label(I18n.text("pdf.chart.noData"));
            none.getStyleClass().add("report-chart-empty");
            getChildren().add(none);
        }
    }

    /** The model this node draws. */
    public Chart chart() {
        return chart;
    }

    /** The JavaFX chart inside, for tests and styling. */
    public BarChart<?, ?> barChart() {
        return bars;
    }

    /** A bar's length as shown: counts and minutes as they are, money in whole yuan. */
    static long shown(ChartUnit unit, long value) {
        return unit == ChartUnit.MONEY ? value / 100 : value;
    }

    private static BarChart<String, Number> columns(Chart chart) {
        CategoryAxis categories = new CategoryAxis();
        NumberAxis values = valueAxis(chart.unit());
        BarChart<String, Number> bars = new BarChart<>(categories, values);
        for (ChartSeries series : chart.series()) {
            XYChart.Series<String, Number> data = new XYChart.Series<>();
            data.setName(series.name());
            for (String label : chart.labels()) {
                data.getData().add(new XYChart.Data<>(label, shown(chart.unit(), value(chart, series, label))));
            }
            bars.getData().add(data);
            data.getData().forEach(d -> mark(chart, d.getXValue(), d));
        }
        return bars;
    }

    /** Marks the bar of {@code item} if its label is marked (the bar node exists once its series is in the chart). */
    private static void mark(Chart chart, String label, XYChart.Data<?, ?> item) {
        if (chart.isMarked(label) && item.getNode() != null) {
            item.getNode().pseudoClassStateChanged(MARKED, true);
        }
    }

    /** The inline style of a marked category's name: the colour of the PDF's marked labels. */
    static final String MARKED_LABEL_STYLE = "-fx-fill: #c62828;";

    /**
     * Writes the marked categories' names in the warning colour. The axis makes a text node per
     * category when it is laid out, so its children are watched rather than looked up once.
     */
    private void markLabels(Axis<?> axis) {
        axis.getChildrenUnmodifiable().addListener((javafx.collections.ListChangeListener<Node>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(this::markLabel);
            }
        });
        axis.getChildrenUnmodifiable().forEach(this::markLabel);
    }

    private void markLabel(Node node) {
        if (node instanceof Text text && chart.isMarked(text.getText())) {
            text.setStyle(MARKED_LABEL_STYLE);
        }
    }

    /** The category names written in the warning colour (once laid out), for tests. */
    public java.util.Set<String> markedLabelsShown() {
        java.util.Set<String> shown = new java.util.LinkedHashSet<>();
        categoryAxis().getChildrenUnmodifiable().stream().filter(n -> n instanceof Text t
                && MARKED_LABEL_STYLE.equals(t.getStyle())).forEach(n -> shown.add(((Text) n).getText()));
        return shown;
    }

    /** The labels whose bars are shown marked, for tests. */
    public java.util.Set<String> markedShown() {
        java.util.Set<String> shown = new java.util.LinkedHashSet<>();
        for (XYChart.Series<?, ?> series : bars.getData()) {
            for (XYChart.Data<?, ?> d : series.getData()) {
                if (d.getNode() != null && d.getNode().getPseudoClassStates().contains(MARKED)) {
                    shown.add(String.valueOf(chart.kind() == Chart.Kind.COLUMNS ? d.getXValue() : d.getYValue()));
                }
            }
        }
        return shown;
    }

    private static BarChart<Number, String> horizontal(Chart chart) {
        NumberAxis values = valueAxis(chart.unit());
        CategoryAxis categories = new CategoryAxis();
        BarChart<Number, String> bars = new BarChart<>(values, categories);
        for (ChartSeries series : chart.series()) {
            XYChart.Series<Number, String> data = new XYChart.Series<>();
            data.setName(series.name());
            // the category axis runs bottom-up: add the labels reversed so the first stands on top as in the PDF
            var labels = new java.util.ArrayList<>(chart.labels());
            java.util.Collections.reverse(labels);
            for (String label : labels) {
                data.getData().add(new XYChart.Data<>(shown(chart.unit(), value(chart, series, label)), label));
            }
            bars.getData().add(data);
            data.getData().forEach(d -> mark(chart, d.getYValue(), d));
        }
        return bars;
    }

    private static long value(Chart chart, ChartSeries series, String label) {
        return chart.value(chart.series().indexOf(series), label);
    }

    private static NumberAxis valueAxis(ChartUnit unit) {
        NumberAxis axis = new NumberAxis();
        axis.setForceZeroInRange(true);
        axis.setMinorTickVisible(false);
        String prefix = unit == ChartUnit.MONEY ? "¥" : "";
        axis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number tick) {
                // counts, minutes and yuan are whole: an axis step of 2.5 leaves the in-between ticks unlabelled
                long whole = tick.longValue();
                return tick.doubleValue() != whole ? "" : prefix + String.format(java.util.Locale.ROOT, "%,d", whole);
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("read-only axis");
            }
        });
        return axis;
    }

    /** The category axis (labels) of the chart inside. */
    public Axis<?> categoryAxis() {
        return chart.kind() == Chart.Kind.COLUMNS ? bars.getXAxis() : bars.getYAxis();
    }
}
