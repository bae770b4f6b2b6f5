package dev.jobrouter.bench;

import dev.jobrouter.core.internal.host.LocalHost;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The classified lifecycle's throughput against the plain one, side by side in one JVM: a plain
 * lifecycle against one whose job goes through a classification policy into a round-robin queue
 * ({@link Routers#classifiedLifecycle}).
 *
 * <p>Usage: {@code ClassifiedSideBySide <output.json> [rounds]}, rounds 30 by default.
 */
public final class ClassifiedSideBySide {
    private ClassifiedSideBySide() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: ClassifiedSideBySide <output.json> [rounds]");
        }
        try (LocalHost plain = Routers.engine("drools"); LocalHost classified = Routers.classifiedEngine()) {
            Routers.worker(plain, "w1");
            VariantSideBySide.compare(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 30,
                    i -> Routers.lifecycle(plain, "job-" + i), "classified",
                    i -> Routers.classifiedLifecycle(classified, "job-" + i));
        }
    }
}
