package dev.jobrouter.core.internal.engine;

import dev.jobrouter.core.model.RouterJob;
import dev.jobrouter.core.model.RouterWorker;
import dev.jobrouter.core.model.RouterWorkerSelector;

/** Whether a worker's labels satisfy a job's worker selectors. */
final class Fit {
    private Fit() {}

    /** @return whether the worker satisfies every active requested and attached selector of the job */
    static boolean satisfies(RouterJob job, RouterWorker worker) {
        for (RouterWorkerSelector selector : job.requestedWorkerSelectors()) {
            if (selector.active() && !selector.matches(worker.labels())) {
                return false;
            }
        }
        for (RouterWorkerSelector selector : job.attachedWorkerSelectors()) {
            if (selector.active() && !selector.matches(worker.labels())) {
                return false;
            }
        }
        return true;
    }
}
