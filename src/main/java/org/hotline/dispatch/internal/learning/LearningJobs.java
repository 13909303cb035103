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
 * The one background thread imports and first-start training run on, one at a time: both are CPU-heavy, and
 * the request threads must stay free for citizens and dispatchers. Deliberately not a Spring
 * {@code Executor} bean, which would replace the application task executor the event listeners run on.
 */
@Component
class LearningJobs {

    private static final Logger log = LoggerFactory.getLogger(LearningJobs.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dispatch-learning-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
    });

    Future<?> submit(String what, Runnable job) {
        return executor.submit(() -> {
            try {
                job.run();
            } catch (RuntimeException | Error e) {
                log.error("Dispatch learning job failed: {}", what, e);
                throw e;
            }
        });
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
