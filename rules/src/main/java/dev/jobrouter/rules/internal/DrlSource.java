package dev.jobrouter.rules.internal;

import static java.util.Objects.requireNonNull;

/**
 * A DRL text and the name it is reported under in compile errors.
 *
 * @param name where it came from: a file path, a classpath resource, or a given name
 * @param drl the rules
 */
public record DrlSource(String name, String drl) {
    public DrlSource {
        requireNonNull(name, "name");
        requireNonNull(drl, "drl");
    }
}
