package org.hotline.dispatch.internal.model;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hotline.dispatch.Classifier;
import org.hotline.dispatch.DispatchAdvice;
import org.hotline.dispatch.DispatchAdvisor;
import org.hotline.dispatch.DispatchRequest;
import org.hotline.dispatch.LabelKind;
import org.hotline.dispatch.RoutingRules;
import org.hotline.dispatch.internal.routing.DemoOrganization;
import org.hotline.workorder.Urgency;

/**
 * {@code dispatch-bench}: the figures the dispatch goals are stated in, measured in-process on one thread
 * after warm-up: training time, heap held by the model, and for the whole dispatch path (classify, match the
 * address, apply the routing rules, and for an order left to a person read the words behind each suggestion)
 * latency p50/p99 and messages per second, on messages held out of the model's training.
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

        // Latency is measured on messages the model has not seen: a model trained on four fifths of the history
        // classifies the fifth held out, as a server classifies new appeals (on messages it was trained on it
        // would be surer, and send fewer of them down the slower manual path).
        List<List<TrainingExample>> folds = Folds.stratified(history, 5, 20261129L);
        List<TrainingExample> fitted = Folds.allBut(folds, 0);
        LinearTextModel heldOutModel = new Trainer(FeatureSettings.defaults()).train(fitted);
        List<DispatchRequest> orders = folds.get(0).stream()
                .map(e -> new DispatchRequest(e.body(), null, Urgency.NORMAL, null)).toList();
        out.printf(Locale.ROOT, "held_out_messages=%d (model trained on the other %d)%n", orders.size(),
                fitted.size());

        // The whole dispatch path as an order takes it: the classifier the server serves (every label,
        // calibrated), the territorial unit from the address and text, the shipped routing rules and directory of
        // the demo organisation, the units added up, and for an order a person must decide, the words behind each.
        DemoOrganization org = DemoOrganization.DONGCHANGFU;
        Map<String, String> codeOfName = new HashMap<>();
        org.categories().all().forEach(c -> codeOfName.putIfAbsent(c.name(), c.code()));
        Classifier classifier = new TrainedClassifier("bench", LabelKind.CATEGORY, heldOutModel,
                heldOutModel.labels().length, name -> codeOfName.getOrDefault(name, name));
        DispatchAdvisor advisor = new DispatchAdvisor(classifier, org.matcher(),
                new RoutingRules(org.defaultRules(), org.categories()), org.units(), org.categories(),
                org.directory(), DispatchAdvisor.DEFAULT_AUTO_THRESHOLD);
        measure(advisor, orders, rounds, "", out);

        // The model a fresh install serves (31 unit-level labels), on messages it never saw: the unlabelled file.
        Path unlabelled = data.resolveSibling("messages_unlabelled.csv");
        try (java.io.InputStream in = DispatchBenchmark.class.getResourceAsStream("/dispatch/model-v1.bin")) {
            if (in != null && Files.isReadable(unlabelled)) {
                LinearTextModel shipped = ModelFiles.read(in.readAllBytes());
                List<DispatchRequest> fresh = new ArrayList<>();
                for (org.apache.commons.csv.CSVRecord r : RealHistory.csv(unlabelled)) {
                    fresh.add(new DispatchRequest(RealHistory.get(r, "subject") + RealHistory.get(r, "detail"), null,
                            Urgency.NORMAL, null));
                }
                out.printf(Locale.ROOT, "shipped model: %d labels, %d unseen messages (%s)%n", shipped.labels().length,
                        fresh.size(), unlabelled.getFileName());
                DispatchAdvisor served = new DispatchAdvisor(new TrainedClassifier("1", LabelKind.CATEGORY, shipped,
                        shipped.labels().length), org.matcher(), new RoutingRules(org.defaultRules(), org.categories()),
                        org.units(), org.categories(), org.directory(), DispatchAdvisor.DEFAULT_AUTO_THRESHOLD);
                measure(served, fresh, rounds, "shipped_", out);
            }
        }
        return 0;
    }

    /** Latency and throughput of {@code advisor} over {@code orders}, {@code rounds} times after a warm-up. */
    private static void measure(DispatchAdvisor advisor, List<DispatchRequest> orders, int rounds, String prefix,
            PrintStream out) {

        for (int w = 0; w < 5; w++) {
            // Warm-up: let the JIT compile the hot path before anything is timed.
            for (DispatchRequest o : orders) {
                advisor.advise(o);
            }
        }
        long[] nanos = new long[orders.size() * rounds];
        long[] manualNanos = new long[orders.size() * rounds];
        int n = 0;
        int manual = 0;
        long start = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (DispatchRequest o : orders) {
                long s = System.nanoTime();
                DispatchAdvice advice = advisor.advise(o);
                long took = System.nanoTime() - s;
                nanos[n++] = took;
                if (!advice.automatic()) {
                    manualNanos[manual++] = took;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(nanos);
        Arrays.sort(manualNanos, 0, manual);
        out.printf(Locale.ROOT, prefix + "classify_and_route_p50_ms=%.3f%n", nanos[n / 2] / 1e6);
        out.printf(Locale.ROOT, prefix + "classify_and_route_p99_ms=%.3f%n", nanos[(int) (n * 0.99)] / 1e6);
        out.printf(Locale.ROOT, prefix + "classify_and_route_max_ms=%.3f%n", nanos[n - 1] / 1e6);
        out.printf(Locale.ROOT, prefix + "messages_per_second=%.0f%n", n / seconds);
        out.printf(Locale.ROOT, prefix + "dispatched_automatically=%.1f%% (threshold %.2f)%n", 100.0 * (n - manual) / n,
                DispatchAdvisor.DEFAULT_AUTO_THRESHOLD);
        if (manual > 0) {
            out.printf(Locale.ROOT, prefix + "manual_path_p50_ms=%.3f manual_path_p99_ms=%.3f (with the evidence words)%n",
                    manualNanos[manual / 2] / 1e6, manualNanos[(int) (manual * 0.99)] / 1e6);
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
