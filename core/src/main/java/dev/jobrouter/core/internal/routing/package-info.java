/**
 * Routing beyond the offer lifecycle, as pure functions the engine calls: checking and evaluating
 * router rules (MVEL expressions through {@link dev.jobrouter.core.internal.routing.ExpressionLanguage}, Java
 * functions, static values, direct maps), classifying a job with a classification policy, and scoring
 * workers for best-worker distribution.
 *
 * <p><b>Internal: not a supported API.</b> Public only so that the library's other modules can reach
 * it; it may change or go in any release without notice. Use {@code dev.jobrouter.JobRouter}.
 */
package dev.jobrouter.core.internal.routing;
