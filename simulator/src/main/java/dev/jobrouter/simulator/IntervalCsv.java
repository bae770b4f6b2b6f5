package dev.jobrouter.simulator;

import dev.jobrouter.simulation.SimulationReport.IntervalFigures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The per-interval time series of a run as CSV: a header, then one row per interval, dot decimals. */
final class IntervalCsv {
    static final String HEADER = "interval_start,minutes,arrived,answered,abandoned,waiting_at_end,max_waiting,"
            + "mean_answered_wait_seconds,service_level,utilisation,offers_issued,offers_accepted,offers_declined,"
            + "offers_expired,refusals";

    private IntervalCsv() {}

    static void write(Path file, List<IntervalFigures> intervals) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (IntervalFigures row : intervals) {
            csv.append(String.format(Locale.ROOT, "%s,%.3f,%d,%d,%d,%d,%d,%.3f,%s,%.4f,%d,%d,%d,%d,%d\n",
                    row.start(), row.length().toMillis() / 60_000.0, row.arrived(), row.answered(), row.abandoned(),
                    row.waitingAtEnd(), row.maxWaiting(), row.meanAnsweredWait().toMillis() / 1000.0,
                    // No caller answered or gone in the interval: no service level, an empty cell.
                    Double.isNaN(row.serviceLevel()) ? "" : String.format(Locale.ROOT, "%.4f", row.serviceLevel()),
                    row.utilisation(), row.offersIssued(), row.offersAccepted(), row.offersDeclined(),
                    row.offersExpired(), row.refusals()));
        }
        try {
            Files.writeString(file, csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
