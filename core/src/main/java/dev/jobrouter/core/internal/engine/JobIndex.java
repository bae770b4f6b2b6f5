package dev.jobrouter.core.internal.engine;

import dev.jobrouter.core.model.JobStatus;
import dev.jobrouter.core.model.RouterJob;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Job ids in id order: all of them, per status and per queue, so that a list filtered by status or queue
 * walks only the jobs it names, and a page starts where the last ended. Derived from the jobs map
 * through its listener, like the matching indexes.
 */
final class JobIndex {
    private static final NavigableSet<String> NONE = Collections.emptyNavigableSet();

    private final NavigableSet<String> all = new TreeSet<>();
    private final Map<JobStatus, NavigableSet<String>> byStatus = new EnumMap<>(JobStatus.class);
    private final Map<String, NavigableSet<String>> byQueue = new HashMap<>();

    void changed(String jobId, RouterJob before, RouterJob after) {
        if (before == null) {
            all.add(jobId);
        } else if (after == null) {
            all.remove(jobId);
        }
        if (before != null && (after == null || before.status() != after.status())) {
            remove(byStatus, before.status(), jobId);
        }
        if (after != null && (before == null || before.status() != after.status())) {
            byStatus.computeIfAbsent(after.status(), s -> new TreeSet<>()).add(jobId);
        }
        String queueBefore = before == null ? null : before.queueId();
        String queueAfter = after == null ? null : after.queueId();
        if (queueBefore != null && !queueBefore.equals(queueAfter)) {
            remove(byQueue, queueBefore, jobId);
        }
        if (queueAfter != null && !queueAfter.equals(queueBefore)) {
            byQueue.computeIfAbsent(queueAfter, q -> new TreeSet<>()).add(jobId);
        }
    }

    private static <K> void remove(Map<K, NavigableSet<String>> index, K key, String jobId) {
        NavigableSet<String> ids = index.get(key);
        ids.remove(jobId);
        if (ids.isEmpty()) {
            index.remove(key);   // an index entry goes with the last job it names
        }
    }

    /** @return the smallest id set that holds every job the filter keeps */
    NavigableSet<String> candidates(JobFilter filter) {
        NavigableSet<String> best = all;
        JobStatus status = filter.status() == null ? null : filter.status().status();
        if (status != null) {
            best = byStatus.getOrDefault(status, NONE);
        }
        if (filter.queueId() != null) {
            NavigableSet<String> queued = byQueue.getOrDefault(filter.queueId(), NONE);
            best = queued.size() < best.size() ? queued : best;
        }
        return best;
    }

    /** @return per status that some job has, how many jobs have it */
    Map<JobStatus, Integer> countsByStatus() {
        Map<JobStatus, Integer> counts = new EnumMap<>(JobStatus.class);
        byStatus.forEach((status, ids) -> counts.put(status, ids.size()));
        return counts;
    }

    /** @return how many status and queue sets it holds; for tests of its memory */
    int setCount() {
        return byStatus.size() + byQueue.size();
    }
}
