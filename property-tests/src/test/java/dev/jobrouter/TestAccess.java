package dev.jobrouter;

import dev.jobrouter.core.internal.engine.EngineSnapshot;
import dev.jobrouter.core.internal.host.ExecutionLog;
import dev.jobrouter.journal.JournalFiles;

/** What the property tests reach beyond the public API: the execution log and the engine's snapshot. */
public final class TestAccess {
    private TestAccess() {}

    /** @return the builder, telling the log of every command that changes the router */
    public static JobRouter.Builder recording(JobRouter.Builder builder, ExecutionLog log) {
        return builder.executionLog(log);
    }

    /**
     * @return the builder, its journal on the files given (the seam where tests inject faults), with
     *     segments of {@code segmentBytes} and a snapshot every {@code snapshotEvery} records
     */
    public static JobRouter.Builder journalFiles(JobRouter.Builder builder, JournalFiles files, long segmentBytes,
            long snapshotEvery) {
        return builder.journalFiles(directory -> files).journalLayout(segmentBytes, snapshotEvery);
    }

    /** @return everything the router's engine holds */
    public static EngineSnapshot snapshot(JobRouter router) {
        return router.snapshot();
    }
}
