package dev.jobrouter.rules;

import dev.jobrouter.core.routing.ExpressionLanguage;
import java.io.Serializable;
import java.util.HashMap;
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
        return variables -> MVEL.executeExpression(compiled, new HashMap<>(variables));
    }
}
