package dev.jobrouter.core.internal.engine;

import java.util.function.Function;

/** PATCH semantics for upserts: a field that is given replaces, one that is not keeps its value. */
final class Patch {
    private Patch() {}

    /**
     * @return {@code value} when given, else the current entity's field, else {@code fallback} for a new entity
     */
    static <T, E> T given(T value, E current, Function<E, T> field, T fallback) {
        if (value != null) {
            return value;
        }
        return current != null ? field.apply(current) : fallback;
    }
}
