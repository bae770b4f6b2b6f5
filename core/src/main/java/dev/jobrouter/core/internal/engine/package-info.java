/**
 * The pure, deterministic engine: router state, the command handlers, the indexes behind queries and
 * positions, snapshots and replay.
 *
 * <p><b>Internal: not a supported API.</b> Public only so that the library's other modules can reach
 * it; it may change or go in any release without notice. Use {@code dev.jobrouter.JobRouter}.
 */
package dev.jobrouter.core.internal.engine;
