package dev.jobrouter.core.model;

/**
 * A rule a classification or distribution policy evaluates: a condition, a priority, selectors or a
 * score, depending on where it is used. Where the service evaluates PowerFx or calls an Azure
 * Function, this library evaluates MVEL or calls a Java function.
 */
public sealed interface RouterRule permits StaticRouterRule, ExpressionRouterRule, FunctionRouterRule,
        DirectMapRouterRule {}
