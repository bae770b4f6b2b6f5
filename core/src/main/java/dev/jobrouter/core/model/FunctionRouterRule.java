package dev.jobrouter.core.model;

/**
 * A rule evaluated by Java code: either the function itself (fine in memory) or the name of one
 * registered with {@code JobRouter.builder().function(name, fn)}, which a journal can record.
 *
 * @param function the function, or {@code null} when it is resolved by name
 * @param name the registered name, or {@code null} for an unnamed function
 */
public record FunctionRouterRule(RuleFunction function, String name) implements RouterRule {

    /**
     * An unnamed function: in-memory routers only.
     *
     * @param function the function
     */
    public FunctionRouterRule(RuleFunction function) {
        this(function, null);
    }

    /**
     * @param name the name the function was registered under
     * @return a rule that calls the function registered under {@code name}
     */
    public static FunctionRouterRule named(String name) {
        return new FunctionRouterRule(null, name);
    }
}
