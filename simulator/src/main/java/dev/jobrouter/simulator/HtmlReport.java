package dev.jobrouter.simulator;

import static dev.jobrouter.simulator.Text.html;
import static dev.jobrouter.simulator.Text.percent;

import dev.jobrouter.simulation.SimulationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One self-contained HTML page: the key figures, the charts inlined as data URIs, and the breakdowns of each run. */
final class HtmlReport {
    private HtmlReport() {}

    static void write(Path file, ScenarioSetup scenario, List<SimulatedRun> runs, List<Path> charts) {
        StringBuilder page = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <title>%s</title>
                <style>
                body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
                table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
                th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: right; }
                th:first-child, td:first-child { text-align: left; }
                img { display: block; margin: 0.5em 0 1.5em; max-width: 100%%; }
                </style></head><body>
                """.formatted(html(scenario.name())));
        page.append("<h1>").append(html(scenario.name())).append("</h1>\n<p>")
                .append(html(String.format(Locale.ROOT, "%s of virtual time from %s, seed %d.", scenario.duration(),
                        scenario.start(), scenario.seed())))
                .append("</p>\n<h2>Key figures</h2>\n<table><tr><th></th>");
        runs.forEach(run -> page.append("<th>").append(html(run.label())).append("<br><small>")
                .append(html(run.rulesDescription())).append("</small></th>"));
        page.append("</tr>\n");
        for (KeyFigures.Figure figure : KeyFigures.FIGURES) {
            page.append("<tr><td>").append(html(figure.name())).append("</td>");
            runs.forEach(run -> page.append("<td>").append(html(figure.value().apply(run.report()))).append("</td>"));
            page.append("</tr>\n");
        }
        page.append("</table>\n<h2>Over the day</h2>\n");
        for (int i = 0; i < charts.size(); i++) {
            page.append("<img alt=\"").append(html(Charts.CHARTS.get(i).title())).append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(read(charts.get(i)))).append("\">\n");
        }
        for (SimulatedRun run : runs) {
            SimulationReport report = run.report();
            page.append("<h2>").append(html(run.label() + ": " + run.rulesDescription())).append("</h2>\n");
            page.append("<h3>Refused commands, by rule</h3>\n");
            if (report.refusalsByRule().isEmpty()) {
                page.append("<p>None.</p>\n");
            } else {
                page.append("<table><tr><th>command</th><th>rule</th><th>code</th><th>count</th></tr>\n");
                report.refusalsByRule().entrySet().stream()
                        .sorted(Map.Entry.<SimulationReport.Refusal, Long>comparingByValue().reversed()
                                .thenComparing(entry -> entry.getKey().toString()))
                        .forEach(entry -> page.append(row(entry.getKey().command(),
                                entry.getKey().rule() == null ? "(no rule)" : entry.getKey().rule(),
                                entry.getKey().code().name(), Long.toString(entry.getValue()))));
                page.append("</table>\n");
            }
            page.append("<h3>By queue</h3>\n");
            breakdown(page, "queue", report.byQueue().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList());
            page.append("<h3>By priority</h3>\n");
            breakdown(page, "priority", report.byPriority().entrySet().stream()
                    .sorted(Map.Entry.<Integer, SimulationReport.CallerFigures>comparingByKey(Comparator.reverseOrder()))
                    .map(entry -> Map.entry(Integer.toString(entry.getKey()), entry.getValue())).toList());
            page.append("<p>Simulated in ").append(run.wallClock().toMillis()).append(" ms; its series is in <code>")
                    .append(html(run.label())).append("-intervals.csv</code>.</p>\n");
        }
        page.append("</body></html>\n");
        try {
            Files.writeString(file, page, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void breakdown(StringBuilder page, String key,
            List<Map.Entry<String, SimulationReport.CallerFigures>> groups) {
        if (groups.isEmpty()) {
            page.append("<p>No caller was answered or hung up.</p>\n");
            return;
        }
        page.append("<table><tr><th>").append(key).append("</th><th>answered</th><th>mean wait</th><th>p95 wait</th>")
                .append("<th>abandoned</th><th>mean wait before hanging up</th><th>service level</th></tr>\n");
        for (Map.Entry<String, SimulationReport.CallerFigures> group : groups) {
            SimulationReport.CallerFigures callers = group.getValue();
            page.append(row(group.getKey(), Long.toString(callers.answered()),
                    KeyFigures.seconds(callers.answeredWaits().mean().toMillis()),
                    KeyFigures.seconds(callers.answeredWaits().p95().toMillis()), Long.toString(callers.abandoned()),
                    KeyFigures.seconds(callers.abandonedWaits().mean().toMillis()), percent(callers.serviceLevel())));
        }
        page.append("</table>\n");
    }

    private static String row(String... cells) {
        StringBuilder row = new StringBuilder("<tr>");
        for (String cell : cells) {
            row.append("<td>").append(html(cell)).append("</td>");
        }
        return row.append("</tr>\n").toString();
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
