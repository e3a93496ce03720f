package ftop.app.widgets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import javafx.css.PseudoClass;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import javafx.util.StringConverter;

import ftop.core.health.HealthColour;

/**
 * A small line chart of a percentage over time: one point per period, each point a dot in its
 * health colour with a tooltip saying what it stands for. The axis starts at 0% and reaches at least
 * 100%, so a flat line reads as flat and usage above what is entitled still fits.
 *
 * <p>Styled by {@code ftop.css}: style class {@code trend-chart}; each point {@code trend-point}
 * with one pseudo-class per colour ({@code :red}, {@code :yellow}, {@code :green}, {@code :blue}).
 */
public class TrendChart extends LineChart<String, Number> {

    /**
     * One point.
     *
     * @param label       the period as the axis reads it, e.g. "Mar"; unique within a chart
     * @param percent     the value, in percent
     * @param colour      the point's health colour; empty for a neutral dot
     * @param description what the tooltip says
     */
    public record Point(String label, double percent, Optional<HealthColour> colour, String description) {

        public Point {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(colour, "colour");
            Objects.requireNonNull(description, "description");
        }
    }

    private final NumberAxis percentAxis;
    private final XYChart.Series<String, Number> series = new XYChart.Series<>();
    private List<Point> points = List.of();

    public TrendChart() {
        super(new CategoryAxis(), new NumberAxis(0, 100, 25));
        percentAxis = (NumberAxis) getYAxis();
        percentAxis.setAutoRanging(false);
        percentAxis.setMinorTickVisible(false);
        percentAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return Math.round(value.doubleValue()) + "%";
            }

            @Override
            public Number fromString(String text) {
                return Double.valueOf(text.replace("%", ""));
            }
        });
        getXAxis().setTickMarkVisible(false);
        getStyleClass().add("trend-chart");
        setAnimated(false);
        setLegendVisible(false);
        setCreateSymbols(true);
        setVerticalGridLinesVisible(false);
        setAlternativeRowFillVisible(false);
        getData().add(series);
    }

    /** The points drawn, oldest first. */
    public List<Point> getPoints() {
        return points;
    }

    /** Draws {@code points}, oldest first, replacing what was drawn. */
    public void setPoints(List<Point> points) {
        this.points = List.copyOf(points);
        double highest = 100;
        List<XYChart.Data<String, Number>> data = new ArrayList<>(this.points.size());
        for (Point point : this.points) {
            highest = Math.max(highest, point.percent());
            XYChart.Data<String, Number> item = new XYChart.Data<>(point.label(), point.percent());
            item.setNode(dot(point));
            data.add(item);
        }
        percentAxis.setUpperBound(Math.ceil(highest / 25) * 25);
        series.getData().setAll(data);
    }

    private static StackPane dot(Point point) {
        StackPane dot = new StackPane();
        dot.getStyleClass().add("trend-point");
        for (HealthColour each : HealthColour.values()) {
            dot.pseudoClassStateChanged(PseudoClass.getPseudoClass(each.name().toLowerCase(Locale.ROOT)),
                    point.colour().orElse(null) == each);
        }
        Tooltip tooltip = new Tooltip(point.description());
        tooltip.setShowDelay(Duration.millis(150));
        Tooltip.install(dot, tooltip);
        return dot;
    }
}
