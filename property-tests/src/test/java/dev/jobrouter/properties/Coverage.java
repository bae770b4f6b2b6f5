package dev.jobrouter.properties;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts how often each kind of transition happened over a property run, so that a run fails when
 * the generator stops exercising a path instead of passing quietly without it.
 */
final class Coverage {
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    void count(String kind) {
        counts.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    long of(String kind) {
        LongAdder count = counts.get(kind);
        return count == null ? 0 : count.sum();
    }

    /** @return the kinds among {@code required} that never happened */
    List<String> missing(List<String> required) {
        return required.stream().filter(kind -> of(kind) == 0).toList();
    }

    @Override
    public String toString() {
        Map<String, Long> sorted = new TreeMap<>();
        counts.forEach((kind, count) -> sorted.put(kind, count.sum()));
        return sorted.toString();
    }
}
