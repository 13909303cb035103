package org.hotline.dispatch.internal.learning;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.hotline.dispatch.internal.model.TrainingExample;

/** Training examples from the demo history generator (no file I/O), and waiting for background work. */
final class LearningFixture {

    private LearningFixture() {
    }

    /** The generated demo messages whose label starts with one of the prefixes (e.g. "01", "05.01"). */
    static List<TrainingExample> demoExamples(String... labelPrefixes) {
        return DemoHistoryGenerator.rows().stream()
                .filter(r -> labelPrefixes.length == 0 || java.util.Arrays.stream(labelPrefixes)
                        .anyMatch(p -> r.get(1).startsWith(p)))
                .map(r -> new TrainingExample(r.get(2), r.get(2) + r.get(3), r.get(1)))
                .toList();
    }

    /** Polls until the condition holds; fails naming what was awaited. */
    static void eventually(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what, e);
            }
        }
    }
}
