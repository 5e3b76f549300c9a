package io.counterdesk.report.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.report.chart.Chart;
import io.counterdesk.report.chart.ChartPoint;
import io.counterdesk.report.chart.ChartSeries;
import io.counterdesk.report.chart.ChartUnit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The chart model drawn with JavaFX charts, as the hall manager's screen embeds it. */
class ChartNodeTest {

    private static final Chart PER_HOUR = Chart.of("每小时业务笔数", Chart.Kind.COLUMNS, ChartUnit.COUNT,
            List.of(new ChartPoint("8时", 4), new ChartPoint("9时", 11), new ChartPoint("10时", 15)));
    private static final Chart BY_TENDER = Chart.of("按收款方式金额", Chart.Kind.BARS, ChartUnit.MONEY,
            List.of(new ChartPoint("现金", 1_021_400), new ChartPoint("银行卡", 342_080)));
    private static final Chart SERVICE_TIMES = new Chart("服务时间", Chart.Kind.BARS, ChartUnit.MINUTES, List.of(
            new ChartSeries("实际", List.of(new ChartPoint("过户", 12), new ChartPoint("开户", 30))),
            new ChartSeries("承诺", List.of(new ChartPoint("过户", 20), new ChartPoint("开户", 20)))));

    @BeforeEach
    void registerStage() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    @Test
    @SuppressWarnings("unchecked")
    void columnsShowEachHourWithItsCount() throws Exception {
        ChartNode node = onFx(() -> new ChartNode(PER_HOUR));

        BarChart<String, Number> chart = (BarChart<String, Number>) node.barChart();
        assertThat(chart.getTitle()).isEqualTo("每小时业务笔数");
        assertThat(chart.isLegendVisible()).isFalse();
        assertThat(chart.getData()).singleElement().satisfies(series -> assertThat(series.getData())
                .extracting(XYChart.Data::getXValue, d -> d.getYValue().longValue())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("8时", 4L), org.assertj.core.groups.Tuple.tuple("9时", 11L),
                        org.assertj.core.groups.Tuple.tuple("10时", 15L)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void horizontalBarsShowMoneyInWholeYuanWithTheFirstOnTop() throws Exception {
        ChartNode node = onFx(() -> new ChartNode(BY_TENDER));

        BarChart<Number, String> chart = (BarChart<Number, String>) node.barChart();
        assertThat(chart.getData().get(0).getData()).extracting(XYChart.Data::getYValue, d -> d.getXValue().longValue())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("银行卡", 3_420L),
                        org.assertj.core.groups.Tuple.tuple("现金", 10_214L));
        assertThat(((javafx.scene.chart.NumberAxis) chart.getXAxis()).getTickLabelFormatter().toString(12_000))
                .isEqualTo("¥12,000");
    }

    @Test
    void severalSeriesGetALegendAndAnEmptyChartSaysNoData() throws Exception {
        ChartNode times = onFx(() -> new ChartNode(SERVICE_TIMES));
        ChartNode empty = onFx(() -> new ChartNode(Chart.of("空", Chart.Kind.COLUMNS, ChartUnit.COUNT,
                List.of(new ChartPoint("8时", 0)))));

        assertThat(times.barChart().isLegendVisible()).isTrue();
        assertThat(times.barChart().getData()).extracting(XYChart.Series::getName).containsExactly("实际", "承诺");
        assertThat(empty.getChildren()).anySatisfy(n -> assertThat(n).isInstanceOfSatisfying(Label.class,
                l -> assertThat(l.getText()).isEqualTo("无数据")));
        assertThat(times.getChildren()).noneMatch(n -> n instanceof Label);
    }

    @Test
    void theBarsAndTheNameOfAMarkedLabelAreShownMarked() throws Exception {
        Chart marked = new Chart("服务用时与承诺（分钟）", Chart.Kind.BARS, ChartUnit.MINUTES, List.of(
                new ChartSeries("平均用时", List.of(new ChartPoint("缴费（超时 1 笔）", 4), new ChartPoint("购气", 2))),
                new ChartSeries("承诺时限", List.of(new ChartPoint("缴费（超时 1 笔）", 3), new ChartPoint("购气", 3)))),
                java.util.Set.of("缴费（超时 1 笔）"));

        ChartNode node = onFx(() -> {
            ChartNode shown = new ChartNode(marked);
            new Scene(new VBox(shown), 480, 240).snapshot(null); // lays the axis and its labels out
            return shown;
        });

        assertThat(onFx(node::markedShown)).containsExactly("缴费（超时 1 笔）");
        assertThat(onFx(node::markedLabelsShown)).containsExactly("缴费（超时 1 笔）");
        assertThat(onFx(() -> node.barChart().getData().get(1).getData().stream()
                .filter(d -> d.getNode().getPseudoClassStates().contains(ChartNode.MARKED)).count())).isEqualTo(1);
        ChartNode plain = onFx(() -> {
            ChartNode shown = new ChartNode(SERVICE_TIMES);
            new Scene(new VBox(shown), 480, 240).snapshot(null);
            return shown;
        });
        assertThat(onFx(plain::markedShown)).isEmpty();
        assertThat(onFx(plain::markedLabelsShown)).isEmpty();
    }

    @Test
    void rendersToAPictureForALook() throws Exception {
        WritableImage image = onFx(() -> {
            VBox box = new VBox(new ChartNode(PER_HOUR), new ChartNode(BY_TENDER), new ChartNode(SERVICE_TIMES));
            Scene scene = new Scene(box, 640, 900);
            return scene.snapshot(null);
        });

        Path file = Path.of("target", "screenshots", "report-charts.png");
        Files.createDirectories(file.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(Files.size(file)).isGreaterThan(5_000);
    }
}
