package dev.jobrouter.core.internal.engine;

import dev.jobrouter.core.command.Command;
import dev.jobrouter.core.command.RouterCommand;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which handler executes each command type. Every concrete command must have one: the engine checks
 * at construction, walking the sealed {@link Command} family, so a command added without a handler
 * fails the first router built, not silently at run time.
 */
final class Handlers {

    /** Executes one type of command within a transaction. */
    @FunctionalInterface
    interface Handler<C extends RouterCommand<R>, R> {
        R handle(C command, Transaction tx);
    }

    /** A family of commands (jobs, offers, workers, topology) that registers a handler for each. */
    interface Family {
        void register(Handlers handlers);
    }

    private final Map<Class<?>, Handler<?, ?>> byType = new IdentityHashMap<>();
    /** The same lookup, cached on each class: a command costs a field read, not a hash probe. */
    private final ClassValue<Handler<?, ?>> lookup = new ClassValue<>() {
        @Override
        protected Handler<?, ?> computeValue(Class<?> type) {
            return byType.get(type);
        }
    };

    /** Registers the handler of a command type; all are registered before the first command runs. */
    <C extends RouterCommand<R>, R> void on(Class<C> type, Handler<C, R> handler) {
        if (byType.putIfAbsent(type, handler) != null) {
            throw new IllegalStateException("two handlers for " + type.getSimpleName());
        }
    }

    /**
     * @throws IllegalStateException naming the command types that have no handler
     */
    void requireEvery(Class<?> family) {
        List<String> missing = new ArrayList<>();
        for (Class<?> type : concreteTypes(family)) {
            if (!byType.containsKey(type)) {
                missing.add(type.getSimpleName());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("no handler for the commands " + missing
                    + ": every command needs one (see DESIGN.md, \"Adding a command\")");
        }
    }

    @SuppressWarnings("unchecked")
    <R> R run(RouterCommand<R> command, Transaction tx) {
        Handler<RouterCommand<R>, R> handler = (Handler<RouterCommand<R>, R>) lookup.get(command.getClass());
        if (handler == null) {
            throw new IllegalStateException("no handler for " + command.getClass().getSimpleName() + ": " + command);
        }
        return handler.handle(command, tx);
    }

    /** @return the records below a sealed interface, through its sealed sub-interfaces */
    static List<Class<?>> concreteTypes(Class<?> type) {
        List<Class<?>> types = new ArrayList<>();
        if (type.isSealed()) {
            for (Class<?> permitted : type.getPermittedSubclasses()) {
                types.addAll(concreteTypes(permitted));
            }
        } else if (!type.isInterface()) {
            types.add(type);
        }
        return types;
    }
}
