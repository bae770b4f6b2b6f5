package dev.jobrouter;

/** What the benchmarks reach beyond the public API: the journal's layout, to measure recovery without snapshots. */
public final class BenchAccess {
    private BenchAccess() {}

    /** @return the builder, its journal with segments of {@code segmentBytes} and a snapshot every {@code snapshotEvery} records */
    public static JobRouter.Builder journalLayout(JobRouter.Builder builder, long segmentBytes, long snapshotEvery) {
        return builder.journalLayout(segmentBytes, snapshotEvery);
    }
}
