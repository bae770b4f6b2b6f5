package dev.jobrouter.simulator;

/** A scenario that cannot be read or run: the message names the file, the field and what is wrong. */
final class ScenarioException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ScenarioException(String message) {
        super(message);
    }

    ScenarioException(String message, Throwable cause) {
        super(message, cause);
    }
}
