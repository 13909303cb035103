package org.hotline.dispatch.internal.learning;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The background threads dispatch learning runs on: one for imports and the first-start model, one for the
 * trainings an admin starts (the weekly retrain trains on its scheduler thread). Both are CPU-heavy and run below normal priority, so the
 * request threads stay free for citizens and dispatchers. A training has a thread of its own so that it starts
 * when asked (its job row and its database lock say it runs) instead of waiting behind an import of a year's
 * history. Deliberately not Spring {@code Executor} beans, which would replace the application task executor
 * the event listeners run on.
 */
@Component
class LearningJobs {

    private static final Logger log = LoggerFactory.getLogger(LearningJobs.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ExecutorService executor = singleThread("dispatch-learning-");
    private final ExecutorService trainings = singleThread("dispatch-training-");

    private static ExecutorService singleThread(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name + THREADS.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        });
    }

    /** Imports and the first-start model, one after another. */
    Future<?> submit(String what, Runnable job) {
        return executor.submit(logged(what, job));
    }

    /** A training started by an admin or the weekly job. */
    Future<?> submitTraining(String what, Runnable job) {
        return trainings.submit(logged(what, job));
    }

    private static Runnable logged(String what, Runnable job) {
        return () -> {
            try {
                job.run();
            } catch (RuntimeException | Error e) {
                log.error("Dispatch learning job failed: {}", what, e);
                throw e;
            }
        };
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
        trainings.shutdownNow();
    }
}
