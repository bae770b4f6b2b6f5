package dev.jobrouter.core.internal.engine;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * How the router reads and replaces the etag of one kind of stored entity. A {@link TrackedMap} of
 * such entities gives every value that differs from the one it replaces a fresh etag, and keeps the
 * stored value when nothing but the etag would change, so a write that changes nothing changes no etag.
 *
 * @param etagOf reads a value's etag
 * @param withEtag copies a value with another etag
 */
record Etagged<V>(Function<V, String> etagOf, BiFunction<V, String, V> withEtag) {}
