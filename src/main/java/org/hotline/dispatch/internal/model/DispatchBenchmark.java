package org.hotline.dispatch.internal.model;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code dispatch-bench}: the figures the dispatch goals are stated in, measured in-process on one thread
 * after warm-up: training time, heap held by the model, classify latency p50/p99 and messages per second.
 *
 * <pre>
 *   java -jar target/hotline.jar dispatch-bench [--data ../shared/data/messages_labelled.csv] [--rounds 3]
 * </pre>
 */
public final class DispatchBenchmark {

    private DispatchBenchmark() {
    }

    public static int run(List<String> args, PrintStream out) throws Exception {
        Path data = Path.of("../shared/data/messages_labelled.csv");
        int rounds = 3;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--data" -> data = Path.of(args.get(++i));
                case "--rounds" -> rounds = Integer.parseInt(args.get(++i));
                default -> {
                    out.println("usage: dispatch-bench [--data messages_labelled.csv] [--rounds 3]");
                    return 2;
                }
            }
        }
        if (!Files.isReadable(data)) {
            out.println("missing training data: " + data.toAbsolutePath()
                    + " (the shared data set lives in ../shared/data beside the project)");
            return 2;
        }
        List<TrainingExample> history = HistoryCsv.read(data);
        out.printf(Locale.ROOT, "messages=%d%n", history.size());

        long heapBefore = usedHeapAfterGc();
        long t0 = System.nanoTime();
        LinearTextModel model = new Trainer(FeatureSettings.defaults()).train(history);
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        long heapAfter = usedHeapAfterGc();
        out.printf(Locale.ROOT, "training_seconds=%.2f%n", trainSeconds);
        out.printf(Locale.ROOT, "model_heap_mb=%.1f (arrays %.1f MB)%n", (heapAfter - heapBefore) / 1048576.0,
                model.heapBytes() / 1048576.0);

        LinearTextModel.Scratch scratch = model.newScratch();
        // Warm-up: let the JIT compile the hot path before anything is timed.
        for (int w = 0; w < 3; w++) {
            for (TrainingExample e : history) {
                model.classify(null, e.body(), 3, scratch, false);
            }
        }
        long[] nanos = new long[history.size() * rounds];
        int n = 0;
        long start = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (TrainingExample e : history) {
                long s = System.nanoTime();
                model.classify(null, e.body(), 3, scratch, false);
                nanos[n++] = System.nanoTime() - s;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(nanos);
        out.printf(Locale.ROOT, "classify_p50_us=%.1f%n", nanos[n / 2] / 1000.0);
        out.printf(Locale.ROOT, "classify_p99_us=%.1f%n", nanos[(int) (n * 0.99)] / 1000.0);
        out.printf(Locale.ROOT, "classify_max_us=%.1f%n", nanos[n - 1] / 1000.0);
        out.printf(Locale.ROOT, "messages_per_second=%.0f%n", n / seconds);
        return 0;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
