package dev.jobrouter;

import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.model.RouterWorker;
import java.util.List;

/**
 * A worker's open offers when it was read, to answer fluently:
 * {@code router.offersFor("w1").first().accept().complete().close("resolved")}.
 */
public final class WorkerOffers {
    private final JobRouter router;
    private final RouterWorker worker;

    WorkerOffers(JobRouter router, RouterWorker worker) {
        this.router = router;
        this.worker = worker;
    }

    /**
     * @return the oldest open offer
     * @throws RouterException NOT_FOUND when the worker has none
     */
    public JobOffer first() {
        if (worker.offers().isEmpty()) {
            throw RouterException.notFound("worker " + worker.id() + " has no open offers");
        }
        return new JobOffer(router, worker.offers().get(0));
    }

    /** @return every open offer, oldest first */
    public List<JobOffer> all() {
        return worker.offers().stream().map(offer -> new JobOffer(router, offer)).toList();
    }

    /** @return how many open offers the worker had */
    public int size() {
        return worker.offers().size();
    }

    /** @return whether the worker had no open offer */
    public boolean isEmpty() {
        return worker.offers().isEmpty();
    }
}
