/**
 * Matching indexes and distribution strategies: which waiting job goes to which available worker.
 *
 * <p><b>Internal: not a supported API.</b> Public only so that the library's other modules can reach
 * it; it may change or go in any release without notice. Use {@code dev.jobrouter.JobRouter}.
 */
package dev.jobrouter.core.internal.matching;
