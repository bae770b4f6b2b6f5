package dev.jobrouter;

import dev.jobrouter.core.RouterException;

/** The one convention for arguments of the public API: a null where a value is needed is INVALID_ARGUMENT. */
final class Arguments {
    private Arguments() {}

    /**
     * @param name the parameter's name, as the message gives it
     * @return the value
     * @throws RouterException INVALID_ARGUMENT naming the parameter when the value is null
     */
    static <T> T required(String name, T value) {
        if (value == null) {
            throw RouterException.invalid(name + " must not be null");
        }
        return value;
    }
}
