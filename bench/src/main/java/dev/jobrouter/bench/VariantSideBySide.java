package dev.jobrouter.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A lifecycle variant's throughput against the plain lifecycle, side by side in one JVM as in
 * {@link SideBySide}: alternating batches of each, the first third of the rounds warming up.
 */
final class VariantSideBySide {
    private static final int BATCH = 20_000;

    /** One lifecycle of job {@code index}. */
    @FunctionalInterface
    interface Lifecycle {
        void run(long index);
    }

    private VariantSideBySide() {}

    /** Runs the rounds, prints the figures and writes them as JSON; the variant's figures are named {@code name}. */
    static void compare(Path output, int rounds, Lifecycle plain, String name, Lifecycle variant) throws IOException {
        List<Double> plainMicros = new ArrayList<>();
        List<Double> variantMicros = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        long next = 0;
        for (int round = 0; round < rounds; round++) {
            double p = batch(plain, next);
            double v = batch(variant, next);
            next += BATCH;
            if (round >= rounds / 3) {
                plainMicros.add(p);
                variantMicros.add(v);
                ratios.add(p / v);
            }
        }
        String json = String.format(Locale.ROOT, """
                {
                  "batch": %d,
                  "roundsCounted": %d,
                  "plainMicrosPerLifecycle": %.3f,
                  "%sMicrosPerLifecycle": %.3f,
                  "throughputRatioMedian": %.3f,
                  "throughputRatioP25": %.3f,
                  "throughputRatioP75": %.3f
                }
                """, BATCH, ratios.size(), SideBySide.median(plainMicros), name, SideBySide.median(variantMicros),
                SideBySide.median(ratios), SideBySide.quantile(ratios, 0.25), SideBySide.quantile(ratios, 0.75));
        Files.writeString(output, json);
        System.out.print(json);
    }

    /** @return microseconds per lifecycle over one batch */
    private static double batch(Lifecycle lifecycle, long first) {
        long start = System.nanoTime();
        for (long i = first; i < first + BATCH; i++) {
            lifecycle.run(i);
        }
        return (System.nanoTime() - start) / 1e3 / BATCH;
    }
}
