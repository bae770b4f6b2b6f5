package dev.jobrouter.core.internal.routing;

import java.util.Map;

/**
 * Compiles the expressions of {@link dev.jobrouter.core.model.ExpressionRouterRule}s. The rules module
 * provides the MVEL one; the core has none of its own, so that it depends on no expression library.
 */
public interface ExpressionLanguage {

    /** An engine without expressions: every expression fails to compile, saying so. */
    ExpressionLanguage NONE = source -> {
        throw new IllegalArgumentException("this router has no expression language; build it with the rules module");
    };

    /**
     * @param source the expression
     * @return it compiled, to evaluate many times
     * @throws IllegalArgumentException with the compiler's message when it does not compile
     */
    Compiled compile(String source);

    /** A compiled expression; evaluating it must not change its variables. */
    @FunctionalInterface
    interface Compiled {
        /**
         * @param variables {@code job}, and when scoring {@code worker}, {@code selectors}, {@code workers}
         * @return the expression's value
         * @throws Exception when evaluation fails
         */
        Object evaluate(Map<String, Object> variables) throws Exception;
    }
}
