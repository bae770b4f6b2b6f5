package dev.jobrouter.core.model;

/**
 * Java code a {@link FunctionRouterRule} calls. It should be a pure function of its input: the router
 * replays commands, and a function that reads a clock or a random source breaks that.
 */
@FunctionalInterface
public interface RuleFunction {
    /**
     * @param input the job's labels and, when scoring, the worker or the batch
     * @return a Boolean for a condition, an integral number for a priority, a number for a score, a
     *     {@code Map<String, Number>} for a batch score, a collection of selectors for a rule-engine attachment
     * @throws Exception to fail the classification, or leave the worker out of a scoring round
     */
    Object evaluate(RuleInput input) throws Exception;
}
