package dev.jobrouter.simulator;

import dev.jobrouter.simulation.SimulationReport.IntervalFigures;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The charts of the report, one PNG per figure over the simulated hours, one line per run. Drawn
 * headless with JFreeChart: no display is needed.
 */
final class Charts {
    static {
        // Before any AWT class below is loaded: the charts are drawn without a display.
        System.setProperty("java.awt.headless", "true");
    }

    static final int WIDTH = 900;
    static final int HEIGHT = 420;
    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c)};

    /**
     * A chart the report draws.
     *
     * @param file its PNG's name
     * @param title its title
     * @param axis what its vertical axis measures
     * @param value the figure of an interval, or {@code NaN} for no point
     */
    record Chart(String file, String title, String axis, ToDoubleFunction<IntervalFigures> value) {}

    static final List<Chart> CHARTS = List.of(
            new Chart("arrivals.png", "Arrivals per interval", "jobs", IntervalFigures::arrived),
            new Chart("callers-waiting.png", "Most callers waiting at once in each interval", "callers",
                    IntervalFigures::maxWaiting),
            new Chart("mean-wait.png", "Mean wait of the callers answered in each interval", "seconds",
                    row -> row.answered() == 0 ? Double.NaN : row.meanAnsweredWait().toMillis() / 1000.0),
            new Chart("service-level.png", "Service level per interval", "% answered within the threshold",
                    row -> row.serviceLevel() * 100),
            new Chart("utilisation.png", "Utilisation per interval", "% of the workers' capacity held",
                    row -> row.utilisation() * 100));

    private Charts() {}

    /** Writes every chart into {@code directory}; returns the files in {@link #CHARTS} order. */
    static List<Path> write(Path directory, List<SimulatedRun> runs) {
        List<Path> files = new ArrayList<>();
        for (Chart chart : CHARTS) {
            Path file = directory.resolve(chart.file());
            draw(chart, runs, file);
            files.add(file);
        }
        return files;
    }

    private static void draw(Chart chart, List<SimulatedRun> runs, Path file) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (SimulatedRun run : runs) {
            XYSeries series = new XYSeries(run.label() + ": " + run.rulesDescription(), false, true);
            Instant start = run.report().intervals().isEmpty() ? null : run.report().intervals().get(0).start();
            for (IntervalFigures row : run.report().intervals()) {
                double hour = Duration.between(start, row.start()).toMillis() / 3_600_000.0;
                double value = chart.value().applyAsDouble(row);
                // A gap, not a zero, where an interval has no figure (no caller answered, say).
                series.add(hour, Double.isNaN(value) ? null : value);
            }
            data.addSeries(series);
        }
        JFreeChart drawn = ChartFactory.createXYLineChart(chart.title(), "hours from the start (each point at its interval's start)", chart.axis(), data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = drawn.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < runs.size(); i++) {
            renderer.setSeriesPaint(i, COLOURS[i % COLOURS.length]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        plot.setRenderer(renderer);
        try {
            ChartUtils.saveChartAsPNG(file.toFile(), drawn, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
