package dev.jobrouter.core.internal.engine;

import dev.jobrouter.core.RouterException;

/** Checks of ids and other plain arguments, with messages that name the argument. */
final class Ids {
    private Ids() {}

    /** @throws RouterException INVALID_ARGUMENT when the id is null or blank */
    static String check(String name, String id) {
        if (id == null || id.isBlank()) {
            throw RouterException.invalid(name + " must not be " + (id == null ? "null" : "blank"));
        }
        return id;
    }

    /** @throws RouterException INVALID_ARGUMENT when the value is null */
    static <T> T present(String name, T value) {
        if (value == null) {
            throw RouterException.invalid(name + " must not be null");
        }
        return value;
    }
}
