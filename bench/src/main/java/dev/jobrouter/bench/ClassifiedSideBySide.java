package dev.jobrouter.bench;

import dev.jobrouter.core.host.LocalHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The classified lifecycle's throughput against the plain one, side by side in one JVM as in
 * {@link SideBySide}: alternating batches of a plain lifecycle and of one whose job goes through a
 * classification policy into a round-robin queue ({@link Routers#classifiedLifecycle}). The first
 * third of the rounds warm up.
 *
 * <p>Usage: {@code ClassifiedSideBySide <output.json> [rounds]}, rounds 30 by default.
 */
public final class ClassifiedSideBySide {
    private static final int BATCH = 20_000;

    private ClassifiedSideBySide() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: ClassifiedSideBySide <output.json> [rounds]");
        }
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        LocalHost plain = Routers.engine("drools");
        Routers.worker(plain, "w1");
        LocalHost classified = Routers.classifiedEngine();

        List<Double> plainMicros = new ArrayList<>();
        List<Double> classifiedMicros = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        long next = 0;
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            for (long i = next; i < next + BATCH; i++) {
                Routers.lifecycle(plain, "job-" + i);
            }
            double p = (System.nanoTime() - start) / 1e3 / BATCH;
            start = System.nanoTime();
            for (long i = next; i < next + BATCH; i++) {
                Routers.classifiedLifecycle(classified, "job-" + i);
            }
            double c = (System.nanoTime() - start) / 1e3 / BATCH;
            next += BATCH;
            if (round >= rounds / 3) {
                plainMicros.add(p);
                classifiedMicros.add(c);
                ratios.add(p / c);
            }
        }
        plain.close();
        classified.close();

        String json = String.format(Locale.ROOT, """
                {
                  "batch": %d,
                  "roundsCounted": %d,
                  "plainMicrosPerLifecycle": %.3f,
                  "classifiedMicrosPerLifecycle": %.3f,
                  "throughputRatioMedian": %.3f,
                  "throughputRatioP25": %.3f,
                  "throughputRatioP75": %.3f
                }
                """, BATCH, ratios.size(), SideBySide.median(plainMicros), SideBySide.median(classifiedMicros),
                SideBySide.median(ratios), SideBySide.quantile(ratios, 0.25), SideBySide.quantile(ratios, 0.75));
        Files.writeString(Path.of(args[0]), json);
        System.out.print(json);
    }
}
