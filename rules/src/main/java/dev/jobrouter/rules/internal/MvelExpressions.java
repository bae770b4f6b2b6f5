package dev.jobrouter.rules.internal;

import dev.jobrouter.core.internal.routing.ExpressionLanguage;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mvel2.MVEL;
import org.mvel2.ParserContext;

/**
 * Router-rule expressions in MVEL, the expression language Drools already brings. Expressions are
 * code, like DRL: they can call any Java method, so they should come from the application, not from
 * its users. A label an entity lacks reads as null ({@code job.Escalated == true} is false without it).
 */
public final class MvelExpressions implements ExpressionLanguage {

    @Override
    public Compiled compile(String source) {
        Serializable compiled;
        try {
            compiled = MVEL.compileExpression(source, new ParserContext());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return variables -> MVEL.executeExpression(compiled, plain(variables));
    }

    /**
     * Copies the variables into {@link Labels} and ArrayLists. A compiled MVEL expression keeps the
     * accessor it optimised for the classes it first saw, and fails when a label map of another class
     * comes (an ImmutableMap has several), so every evaluation must hand it the same classes.
     */
    private static Map<String, Object> plain(Map<String, Object> variables) {
        Map<String, Object> copy = new HashMap<>(variables.size() * 2);
        variables.forEach((name, value) -> copy.put(name, plainValue(value)));
        return copy;
    }

    private static Object plainValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return new Labels(map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(element -> copy.add(plainValue(element)));
            return copy;
        }
        return value;
    }

    /**
     * Labels as an expression reads them: a missing label is null. MVEL reads {@code job.Vip} from a
     * map only when the map says it contains the key, and otherwise looks for a method {@code Vip()}
     * and fails; so this map says it contains every key, and {@code get} gives null for those it lacks.
     */
    static final class Labels extends HashMap<Object, Object> {
        private static final long serialVersionUID = 1L;

        Labels(Map<?, ?> labels) {
            super(labels);
        }

        @Override
        public boolean containsKey(Object key) {
            return true;
        }
    }
}
