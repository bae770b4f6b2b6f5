package dev.jobrouter.core.internal.routing;

import static java.util.Objects.requireNonNull;

import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;
import com.google.common.util.concurrent.UncheckedExecutionException;
import dev.jobrouter.core.ErrorCode;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.model.DirectMapRouterRule;
import dev.jobrouter.core.model.ExpressionRouterRule;
import dev.jobrouter.core.model.FunctionRouterRule;
import dev.jobrouter.core.model.RouterRule;
import dev.jobrouter.core.model.RuleFunction;
import dev.jobrouter.core.model.RuleInput;
import dev.jobrouter.core.model.StaticRouterRule;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks router rules when a policy carrying them is stored, and evaluates them. Expressions are
 * compiled once and cached by their source (a bounded cache: sources are the policies' own, so a few
 * hundred at most in practice); functions are either carried by the rule or registered by name.
 */
public final class RuleEvaluator {
    /** Compiled expressions kept; a policy's are compiled again should they fall out. */
    private static final int CACHED_EXPRESSIONS = 1_024;

    private final ExpressionLanguage language;
    private final Map<String, RuleFunction> functions;
    private final LoadingCache<String, ExpressionLanguage.Compiled> compiled;

    /**
     * @param language compiles expressions
     * @param functions the functions {@link FunctionRouterRule#named(String)} may name
     */
    public RuleEvaluator(ExpressionLanguage language, Map<String, RuleFunction> functions) {
        this.language = requireNonNull(language, "language");
        this.functions = Map.copyOf(functions);
        this.compiled = CacheBuilder.newBuilder().maximumSize(CACHED_EXPRESSIONS)
                .build(CacheLoader.from(language::compile));
    }

    /** An evaluator with no expression language and no named functions. */
    public static RuleEvaluator basic() {
        return new RuleEvaluator(ExpressionLanguage.NONE, Map.of());
    }

    /**
     * @param what where the rule is, for the message ("prioritization rule of classification policy cp")
     * @throws RouterException INVALID_ARGUMENT for a null rule, an expression that does not compile (with the
     *     compiler's message), a function rule with neither a function nor a registered name
     */
    public void check(String what, RouterRule rule) {
        if (rule == null) {
            throw RouterException.invalid(what + " must not be null");
        }
        if (rule instanceof ExpressionRouterRule expression) {
            if (expression.expression() == null || expression.expression().isBlank()) {
                throw RouterException.invalid(what + " needs a non-blank expression");
            }
            try {
                compiled.getUnchecked(expression.expression());
            } catch (UncheckedExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw new RouterException(ErrorCode.INVALID_ARGUMENT, what + ": expression \""
                        + expression.expression() + "\" does not compile: " + cause.getMessage(), null, cause);
            }
        } else if (rule instanceof FunctionRouterRule function) {
            if (function.function() == null && function.name() == null) {
                throw RouterException.invalid(what + " needs a function or the name of a registered one");
            }
            if (function.function() == null && !functions.containsKey(function.name())) {
                throw RouterException.invalid(what + " names function \"" + function.name() + "\", which is not "
                        + "registered: register it with JobRouter.builder().function(name, fn); registered: "
                        + functions.keySet());
            }
        }
    }

    /**
     * @param rule a rule {@link #check}ed when stored
     * @param input what it is evaluated on
     * @return its result; {@code null} is a result too
     * @throws RuleFailure when it throws; the message says which rule and why
     */
    public Object evaluate(RouterRule rule, RuleInput input) throws RuleFailure {
        if (rule instanceof StaticRouterRule fixed) {
            return fixed.value();
        }
        if (rule instanceof DirectMapRouterRule) {
            return input.job();
        }
        if (rule instanceof ExpressionRouterRule expression) {
            Map<String, Object> variables = new HashMap<>(8);
            variables.put("job", input.job());
            variables.put("selectors", input.selectors());
            variables.put("worker", input.worker());
            variables.put("workers", input.workers());
            try {
                return compiled.getUnchecked(expression.expression()).evaluate(variables);
            } catch (Exception e) {
                throw new RuleFailure("expression \"" + expression.expression() + "\" failed: " + e, e);
            }
        }
        FunctionRouterRule function = (FunctionRouterRule) rule;
        RuleFunction fn = function.function() != null ? function.function() : functions.get(function.name());
        try {
            return fn.evaluate(input);
        } catch (Exception | StackOverflowError e) {
            throw new RuleFailure("function " + (function.name() == null ? "rule" : "\"" + function.name() + "\"")
                    + " failed: " + e, e);
        }
    }
}
