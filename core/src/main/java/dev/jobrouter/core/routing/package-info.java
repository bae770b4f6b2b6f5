/**
 * Routing beyond the offer lifecycle, as pure functions the engine calls: checking and evaluating
 * router rules (MVEL expressions through {@link dev.jobrouter.core.routing.ExpressionLanguage}, Java
 * functions, static values, direct maps), classifying a job with a classification policy, and scoring
 * workers for best-worker distribution.
 */
package dev.jobrouter.core.routing;
