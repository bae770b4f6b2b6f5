package dev.jobrouter;

/**
 * How far an acknowledged command has gone when a router with a journal answers, chosen with
 * {@link JobRouter.Builder#durability(Durability)}.
 */
public enum Durability {
    /**
     * The default: the command's record is in the operating system's hands (written to the file, not
     * yet forced to the device) before the caller hears back. It survives the process being killed,
     * not a power loss or a kernel crash; add {@link JobRouter.Builder#fsyncEvery(java.time.Duration)}
     * to bound what those cost.
     */
    PROCESS,
    /**
     * The command's record is forced to the device (fsync) before the caller hears back: an
     * acknowledged command survives a power loss. Callers wait outside the router's lock while a
     * journal thread forces, so the commands of concurrent callers share one fsync (group commit).
     * If an fsync fails, every caller still waiting fails with JOURNAL_FAILED (its command was never
     * acknowledged) and the journal takes no more commands until the router is built again.
     */
    FSYNC
}
