package dev.jobrouter.simulator;

import dev.jobrouter.simulation.SimulationReport;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The handful of figures that compare runs at a glance, for the text summary and the HTML report. */
final class KeyFigures {

    /** One figure: its name and how to read it off a report. */
    record Figure(String name, Function<SimulationReport, String> value) {}

    static final List<Figure> FIGURES = List.of(
            new Figure("jobs created", report -> Long.toString(report.jobs().created())),
            new Figure("callers answered", report -> Long.toString(report.callers().answered())),
            new Figure("callers abandoned", report -> Long.toString(report.callers().abandoned())),
            new Figure("still waiting at the end", report -> Long.toString(report.jobsStillWaiting())),
            new Figure("service level", report -> Text.percent(report.callers().serviceLevel())
                    + " within " + seconds(report.serviceLevelThreshold().toMillis())),
            new Figure("answered: mean wait", report -> seconds(report.callers().answeredWaits().mean().toMillis())),
            new Figure("answered: p95 wait", report -> seconds(report.callers().answeredWaits().p95().toMillis())),
            new Figure("abandoned: mean wait", report -> seconds(report.callers().abandonedWaits().mean().toMillis())),
            new Figure("utilisation", report -> String.format(Locale.ROOT, "%.1f%%", report.utilisation() * 100)),
            new Figure("offers issued", report -> Long.toString(report.offers().issued())),
            new Figure("offers declined", report -> Long.toString(report.offers().declined())),
            new Figure("offers expired", report -> Long.toString(report.offers().expired())),
            new Figure("commands refused", report -> Long.toString(
                    report.refusals().values().stream().mapToLong(Long::longValue).sum())),
            new Figure("invariant violations", report -> Integer.toString(report.invariantViolations().size())));

    private KeyFigures() {}

    /** @return the figures of the runs side by side, one row per figure, as aligned text */
    static String table(List<SimulatedRun> runs) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%-26s", ""));
        runs.forEach(run -> text.append(String.format(Locale.ROOT, "%22s", run.label())));
        for (Figure figure : FIGURES) {
            text.append(String.format(Locale.ROOT, "%n%-26s", figure.name()));
            runs.forEach(run -> text.append(String.format(Locale.ROOT, "%22s", figure.value().apply(run.report()))));
        }
        return text.toString();
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
