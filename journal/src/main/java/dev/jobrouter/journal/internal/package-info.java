/**
 * The journal: framed, checksummed segment files, snapshots, the codec of journal entries, recovery.
 *
 * <p><b>Internal: not a supported API.</b> Public only so that the library's other modules can reach
 * it; it may change or go in any release without notice. Use {@code dev.jobrouter.JobRouter}.
 */
package dev.jobrouter.journal.internal;
