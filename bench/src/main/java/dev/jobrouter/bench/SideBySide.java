package dev.jobrouter.bench;

import dev.jobrouter.core.internal.host.LocalHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The rules-vs-baseline ratio measured side by side, not JMH: one JVM runs a Drools engine and a
 * baseline engine in alternating batches of {@value #BATCH} lifecycles, so both meet the machine at
 * the same moments. On a shared machine whose speed drifts by tens of percent within minutes, this
 * ratio moves much less than one taken from benchmarks run minutes apart. Both engines share the
 * JIT's profile of the engine code, which costs the baseline a little; the JMH figure has each alone.
 * The first third of the rounds warm up and are not counted.
 *
 * <p>Usage: {@code SideBySide <output.json> [rounds]}, rounds 30 by default.
 */
public final class SideBySide {
    static final int BATCH = 20_000;

    private SideBySide() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: SideBySide <output.json> [rounds]");
        }
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        LocalHost drools = Routers.engine("drools");
        LocalHost baseline = Routers.engine("java");
        Routers.worker(drools, "w1");
        Routers.worker(baseline, "w1");

        List<Double> droolsMicros = new ArrayList<>();
        List<Double> baselineMicros = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        long next = 0;
        for (int round = 0; round < rounds; round++) {
            double d = microsPerLifecycle(drools, next);
            double b = microsPerLifecycle(baseline, next);
            next += BATCH;
            if (round >= rounds / 3) {
                droolsMicros.add(d);
                baselineMicros.add(b);
                ratios.add(b / d);
            }
        }
        drools.close();
        baseline.close();

        String json = String.format(Locale.ROOT, """
                {
                  "batch": %d,
                  "roundsCounted": %d,
                  "droolsMicrosPerLifecycle": %.3f,
                  "baselineMicrosPerLifecycle": %.3f,
                  "ratioMedian": %.3f,
                  "ratioP25": %.3f,
                  "ratioP75": %.3f
                }
                """, BATCH, ratios.size(), median(droolsMicros), median(baselineMicros), median(ratios),
                quantile(ratios, 0.25), quantile(ratios, 0.75));
        Files.writeString(Path.of(args[0]), json);
        System.out.print(json);
    }

    private static double microsPerLifecycle(LocalHost engine, long firstJob) {
        long start = System.nanoTime();
        for (long i = firstJob; i < firstJob + BATCH; i++) {
            Routers.lifecycle(engine, "job-" + i);
        }
        return (System.nanoTime() - start) / 1e3 / BATCH;
    }

    static double median(List<Double> values) {
        return quantile(values, 0.5);
    }

    static double quantile(List<Double> values, double q) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size())));
    }
}
