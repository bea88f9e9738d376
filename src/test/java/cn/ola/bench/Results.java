package cn.ola.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Every figure of a run, one row per database, workload and metric; printed as a table and written as CSV. */
final class Results {

    record Row(String database, String workload, String metric, double value, String unit) {
    }

    private final List<Row> rows = new ArrayList<>();

    synchronized void add(String database, String workload, String metric, double value, String unit) {
        rows.add(new Row(database, workload, metric, value, unit));
    }

    void latency(String database, String workload, String metric, Latency latency) {
        add(database, workload, metric + " p50", latency.millis(50), "ms");
        add(database, workload, metric + " p95", latency.millis(95), "ms");
        add(database, workload, metric + " p99", latency.millis(99), "ms");
        add(database, workload, metric + " count", latency.count(), "calls");
    }

    synchronized List<Row> rows() {
        return List.copyOf(rows);
    }

    /** The value of a metric, if it was measured. */
    synchronized Double value(String database, String workload, String metric) {
        return rows.stream().filter(r -> r.database.equals(database) && r.workload.equals(workload) && r.metric.equals(metric))
                .map(Row::value).reduce((a, b) -> b).orElse(null);
    }

    /** One line per workload and metric, one column per database. */
    synchronized String table() {
        Set<String> databases = new LinkedHashSet<>();
        Map<List<String>, String> units = new LinkedHashMap<>();
        for (Row row : rows) {
            databases.add(row.database);
            units.putIfAbsent(List.of(row.workload, row.metric), row.unit);
        }
        int workloadWidth = Math.max(8, units.keySet().stream().mapToInt(k -> k.get(0).length()).max().orElse(0));
        int metricWidth = Math.max(6, units.keySet().stream().mapToInt(k -> k.get(1).length()).max().orElse(0));
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-" + workloadWidth + "s  %-" + metricWidth + "s", "workload", "metric"));
        for (String database : databases) {
            out.append(String.format(Locale.ROOT, "  %12s", database));
        }
        out.append("  unit\n");
        out.append("-".repeat(workloadWidth + metricWidth + 2 + databases.size() * 14 + 8)).append('\n');
        for (Map.Entry<List<String>, String> entry : units.entrySet()) {
            out.append(String.format(Locale.ROOT, "%-" + workloadWidth + "s  %-" + metricWidth + "s", entry.getKey().get(0),
                    entry.getKey().get(1)));
            for (String database : databases) {
                Double value = value(database, entry.getKey().get(0), entry.getKey().get(1));
                out.append(String.format(Locale.ROOT, "  %12s", value == null ? "-" : format(value)));
            }
            out.append("  ").append(entry.getValue()).append('\n');
        }
        return out.toString();
    }

    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e12) {
            return String.format(Locale.ROOT, "%,d", (long) value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%,.1f" : "%.2f", value);
    }

    synchronized void writeCsv(Path file) throws IOException {
        StringBuilder csv = new StringBuilder("database,workload,metric,value,unit\n");
        for (Row row : rows) {
            csv.append(String.join(",", csv(row.database), csv(row.workload), csv(row.metric),
                    String.format(Locale.ROOT, "%.3f", row.value), csv(row.unit))).append('\n');
        }
        Files.writeString(file, csv, StandardCharsets.UTF_8);
    }

    private static String csv(String text) {
        String value = Objects.toString(text, "");
        return value.contains(",") || value.contains("\"") ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
