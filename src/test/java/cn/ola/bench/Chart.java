package cn.ola.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/** The run at a glance: throughput ours against the bare engine, and p95 of every list, per database. */
final class Chart {

    static final List<String> P95_QUERIES = List.of("(a) reviewer task list as Tasklist calls it (session)",
            "(a) reviewer task list REST (Basic auth)",
            "(a) raw SQL floor", "(b) company application list", "(c) staff case view", "(c) staff search");

    private Chart() {
    }

    static void write(Results results, List<String> databases, String subtitle, Path file) throws IOException {
        DefaultCategoryDataset throughput = new DefaultCategoryDataset();
        DefaultCategoryDataset latency = new DefaultCategoryDataset();
        for (String db : databases) {
            put(throughput, results.value(db, Benchmark.END_TO_END, "cases/s"), "our application", db);
            put(throughput, results.value(db, Benchmark.BASELINE, "cases/s"), "bare engine", db);
            for (String query : P95_QUERIES) {
                put(latency, results.value(db, TaskListLoad.WORKLOAD, query + " p95"), db, query);
            }
        }
        JFreeChart left = ChartFactory.createBarChart("Cases per second", "database", "cases/s", throughput,
                PlotOrientation.VERTICAL, true, false, false);
        JFreeChart right = ChartFactory.createBarChart("p95 latency with the open cases", null, "ms", latency,
                PlotOrientation.HORIZONTAL, true, false, false);
        left.addSubtitle(new org.jfree.chart.title.TextTitle(subtitle));
        BufferedImage image = new BufferedImage(1600, 650, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        left.draw(g, new Rectangle2D.Double(0, 0, 600, 650));
        right.draw(g, new Rectangle2D.Double(600, 0, 1000, 650));
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static void put(DefaultCategoryDataset dataset, Double value, String row, String column) {
        if (value != null) {
            dataset.addValue(value, row, column);
        }
    }
}
