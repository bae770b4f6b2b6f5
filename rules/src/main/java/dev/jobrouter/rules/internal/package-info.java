/**
 * The Drools implementation of the rules SPI: compiled rule bases, decision sessions, the built-in
 * rules (precompiled at build time) and MVEL expressions.
 *
 * <p><b>Internal: not a supported API.</b> Public only so that the library's other modules can reach
 * it; it may change or go in any release without notice. Use {@code dev.jobrouter.JobRouter}.
 */
package dev.jobrouter.rules.internal;
