package dev.jobrouter.core.model;

/**
 * A rule whose result is a fixed value.
 *
 * @param value the result
 */
public record StaticRouterRule(Object value) implements RouterRule {}
