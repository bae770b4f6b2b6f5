package dev.jobrouter;

import dev.jobrouter.core.engine.EngineSnapshot;
import dev.jobrouter.core.host.ExecutionLog;

/** What the property tests reach beyond the public API: the execution log and the engine's snapshot. */
public final class TestAccess {
    private TestAccess() {}

    /** @return the builder, telling the log of every command that changes the router */
    public static JobRouter.Builder recording(JobRouter.Builder builder, ExecutionLog log) {
        return builder.executionLog(log);
    }

    /** @return everything the router's engine holds */
    public static EngineSnapshot snapshot(JobRouter router) {
        return router.snapshot();
    }
}
