package dev.jobrouter.bench;

import dev.jobrouter.core.internal.host.LocalHost;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The lifecycle's throughput with an exception policy on its queue (a wait-time rule with its timer per
 * job, and a queue-length rule checked on every entry; neither fires) against the plain one, side by
 * side in one JVM ({@link Routers#exceptionEngine}).
 *
 * <p>Usage: {@code ExceptionPolicySideBySide <output.json> [rounds]}, rounds 30 by default.
 */
public final class ExceptionPolicySideBySide {
    private ExceptionPolicySideBySide() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: ExceptionPolicySideBySide <output.json> [rounds]");
        }
        try (LocalHost plain = Routers.engine("drools"); LocalHost guarded = Routers.exceptionEngine()) {
            Routers.worker(plain, "w1");
            Routers.worker(guarded, "w1");
            VariantSideBySide.compare(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 30,
                    i -> Routers.lifecycle(plain, "job-" + i), "exceptionPolicy",
                    i -> Routers.lifecycle(guarded, "job-" + i));
        }
    }
}
