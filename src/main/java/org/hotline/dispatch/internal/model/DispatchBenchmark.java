package org.hotline.dispatch.internal.model;

import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.hotline.dispatch.Classifier;
import org.hotline.dispatch.DispatchAdvice;
import org.hotline.dispatch.DispatchAdvisor;
import org.hotline.dispatch.DispatchDirectory;
import org.hotline.dispatch.DispatchRequest;
import org.hotline.dispatch.LabelKind;
import org.hotline.dispatch.PlaceMatcher;
import org.hotline.dispatch.RoutingRules;
import org.hotline.dispatch.internal.routing.DemoOrganization;
import org.hotline.organization.Categories;
import org.hotline.organization.Units;
import org.hotline.workorder.Urgency;

/**
 * {@code dispatch-bench}: the figures the dispatch goals are stated in, measured in-process on one thread
 * after warm-up: training time, heap held by the model, and for the whole dispatch decision as intake takes it
 * latency p50/p95/p99/p99.9, messages per second and bytes allocated per message, on real messages no model
 * was trained on.
 *
 * <p>The decision is the one the REST intake makes ({@code AiDispatcher} through {@code DispatchDecisions}): a
 * {@link DispatchAdvisor} built for each order from the current classifier, gazetteer, routing rules, dispatch
 * directory and threshold, then {@link DispatchAdvisor#advise(DispatchRequest)}: classify, find the place in the
 * text, route every likely category, add up the units, weigh the directory's phrases, and for an order left to a
 * person the whole words behind each unit shown. What intake does besides (storing the order and the decision)
 * is not measured. The messages carry no address, so the place is looked for in the whole text, as for an
 * appeal registered without one.
 *
 * <p>The JVM is measured as it is started: the production start command ({@code java -jar hotline.jar}) sets no
 * heap or collector, and neither should this. The collections during the timed rounds are printed beside the
 * latencies, since a pause lands in the tail. What happens once in a server's life is settled before the timed
 * rounds, as it is in a server that has run a while: the warm-up loads jieba's dictionary (some 80 MB of small
 * objects) and the training leaves garbage behind, and the first young collections after that copy the
 * dictionary for a hundred milliseconds or more; one full collection after the warm-up does it once.
 *
 * <pre>
 *   java -jar target/hotline.jar dispatch-bench [--data ../shared/data/messages_labelled.csv] [--rounds 3]
 *                                               [--shipped-only]
 * </pre>
 */
public final class DispatchBenchmark {

    private static final int MIN_WARM_UP_PASSES = 5;
    private static final int MAX_WARM_UP_PASSES = 20;

    private DispatchBenchmark() {
    }

    public static int run(List<String> args, PrintStream out) throws Exception {
        Path data = Path.of("../shared/data/messages_labelled.csv");
        int rounds = 3;
        boolean shippedOnly = false;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--data" -> data = Path.of(args.get(++i));
                case "--rounds" -> rounds = Integer.parseInt(args.get(++i));
                case "--shipped-only" -> shippedOnly = true;
                default -> {
                    out.println("usage: dispatch-bench [--data messages_labelled.csv] [--rounds 3] [--shipped-only]");
                    return 2;
                }
            }
        }
        if (!Files.isReadable(data)) {
            out.println("missing training data: " + data.toAbsolutePath()
                    + " (the shared data set lives in ../shared/data beside the project)");
            return 2;
        }
        printJvm(out);
        DemoOrganization org = DemoOrganization.DONGCHANGFU;
        Organization organization = new Organization(org.matcher(),
                new RoutingRules(org.defaultRules(), org.categories()), org.units(), org.categories(), org.directory());

        if (!shippedOnly) {
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

            // Latency is measured on messages the model has not seen: a model trained on four fifths of the
            // history classifies the fifth held out, as a server classifies new appeals (on messages it was trained
            // on it would be surer, and send fewer of them down the slower manual path).
            List<List<TrainingExample>> folds = Folds.stratified(history, 5, 20261129L);
            List<TrainingExample> fitted = Folds.allBut(folds, 0);
            LinearTextModel heldOutModel = new Trainer(FeatureSettings.defaults()).train(fitted);
            List<DispatchRequest> orders = folds.get(0).stream()
                    .map(e -> new DispatchRequest(e.body(), null, Urgency.NORMAL, null)).toList();
            out.printf(Locale.ROOT, "held_out_messages=%d (model trained on the other %d)%n", orders.size(),
                    fitted.size());

            // The classifier the server serves (every label, calibrated), the 7 categories shown as the codes of
            // the demo taxonomy.
            Map<String, String> codeOfName = new HashMap<>();
            org.categories().all().forEach(c -> codeOfName.putIfAbsent(c.name(), c.code()));
            Classifier classifier = new TrainedClassifier("bench", LabelKind.CATEGORY, heldOutModel,
                    heldOutModel.labels().length, name -> codeOfName.getOrDefault(name, name));
            measure(() -> organization.advisor(classifier), orders, rounds, "", out);
        }

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
                Classifier served = new TrainedClassifier("1", LabelKind.CATEGORY, shipped, shipped.labels().length);
                measure(() -> organization.advisor(served), fresh, rounds, "shipped_", out);
            }
        }
        return 0;
    }

    /**
     * What {@code DispatchDecisions} reads for each decision: the compiled gazetteer, the saved rules and the
     * directory (the server holds each as a snapshot, read again only after a change).
     */
    private record Organization(PlaceMatcher places, RoutingRules rules, Units units, Categories categories,
            DispatchDirectory directory) {

        /** An advisor as intake builds one for each order. */
        DispatchAdvisor advisor(Classifier classifier) {
            return new DispatchAdvisor(classifier, places, rules, units, categories, directory,
                    DispatchAdvisor.DEFAULT_AUTO_THRESHOLD);
        }
    }

    /**
     * Latency, throughput and allocation of the decision over {@code orders}, {@code rounds} times after a
     * warm-up; then the CPU time of each decision in rounds of their own (the thread's CPU clock costs a little
     * to read, and unlike the wall clock it does not count the time another process had the core).
     */
    private static void measure(Supplier<DispatchAdvisor> advisors, List<DispatchRequest> orders, int rounds,
            String prefix, PrintStream out) throws Exception {

        int passes = warmUp(advisors, orders);
        out.printf(Locale.ROOT, prefix + "warm_up_passes=%d%n", passes);
        usedHeapAfterGc(); // what starting left behind is collected once, not in a timed round (see above)

        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] nanos = new long[orders.size() * rounds];
        long[] manualNanos = new long[orders.size() * rounds];
        int n = 0;
        int manual = 0;
        long gcCountBefore = gcCount();
        long gcMillisBefore = gcMillis();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (DispatchRequest o : orders) {
                long s = System.nanoTime();
                DispatchAdvice advice = advisors.get().advise(o);
                long took = System.nanoTime() - s;
                nanos[n++] = took;
                if (!advice.automatic()) {
                    manualNanos[manual++] = took;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        long gcCount = gcCount() - gcCountBefore;
        long gcMillis = gcMillis() - gcMillisBefore;

        Arrays.sort(nanos);
        Arrays.sort(manualNanos, 0, manual);
        out.printf(Locale.ROOT, prefix + "classify_and_route_p50_ms=%.3f%n", percentile(nanos, n, 0.50));
        out.printf(Locale.ROOT, prefix + "classify_and_route_p95_ms=%.3f%n", percentile(nanos, n, 0.95));
        out.printf(Locale.ROOT, prefix + "classify_and_route_p99_ms=%.3f%n", percentile(nanos, n, 0.99));
        out.printf(Locale.ROOT, prefix + "classify_and_route_p99.9_ms=%.3f%n", percentile(nanos, n, 0.999));
        out.printf(Locale.ROOT, prefix + "classify_and_route_max_ms=%.3f%n", nanos[n - 1] / 1e6);
        out.printf(Locale.ROOT, prefix + "messages_per_second=%.0f%n", n / seconds);
        out.printf(Locale.ROOT, prefix + "bytes_per_message=%d%n", allocated / n);
        out.printf(Locale.ROOT, prefix + "gc_during_timed_rounds=%d collections, %d ms%n", gcCount, gcMillis);
        out.printf(Locale.ROOT, prefix + "dispatched_automatically=%.1f%% (threshold %.2f)%n", 100.0 * (n - manual) / n,
                DispatchAdvisor.DEFAULT_AUTO_THRESHOLD);
        if (manual > 0) {
            out.printf(Locale.ROOT, prefix + "manual_path_p50_ms=%.3f " + prefix
                    + "manual_path_p99_ms=%.3f (with the evidence words)%n", percentile(manualNanos, manual, 0.50),
                    percentile(manualNanos, manual, 0.99));
        }

        long[] cpu = new long[orders.size() * rounds];
        int c = 0;
        for (int r = 0; r < rounds; r++) {
            for (DispatchRequest o : orders) {
                long s = threads.getCurrentThreadCpuTime();
                advisors.get().advise(o);
                cpu[c++] = threads.getCurrentThreadCpuTime() - s;
            }
        }
        Arrays.sort(cpu);
        out.printf(Locale.ROOT, prefix + "cpu_p50_ms=%.3f " + prefix + "cpu_p99_ms=%.3f " + prefix
                + "cpu_p99.9_ms=%.3f (the thread's CPU time per decision)%n", percentile(cpu, c, 0.50),
                percentile(cpu, c, 0.99), percentile(cpu, c, 0.999));
        out.printf(Locale.ROOT, prefix + "advice_digest=%s (every decision and its words; equal digests, equal advice)%n",
                digest(advisors, orders));
    }

    /**
     * Runs the decisions until the JIT has compiled the hot path: at least {@value #MIN_WARM_UP_PASSES} passes,
     * then until a pass is no longer faster than the best before it (at most {@value #MAX_WARM_UP_PASSES}).
     */
    private static int warmUp(Supplier<DispatchAdvisor> advisors, List<DispatchRequest> orders) {
        long best = Long.MAX_VALUE;
        for (int pass = 1; pass <= MAX_WARM_UP_PASSES; pass++) {
            long s = System.nanoTime();
            for (DispatchRequest o : orders) {
                advisors.get().advise(o);
            }
            long took = System.nanoTime() - s;
            boolean faster = took < best * 0.98;
            best = Math.min(best, took);
            if (pass >= MIN_WARM_UP_PASSES && !faster) {
                return pass;
            }
        }
        return MAX_WARM_UP_PASSES;
    }

    /** The {@code q} quantile of the sorted {@code values[0, n)}, in milliseconds. */
    private static double percentile(long[] sorted, int n, double q) {
        return sorted[Math.min(n - 1, (int) (n * q))] / 1e6;
    }

    /** A fingerprint of every advice, words and explanation included: a change that only speeds up keeps it. */
    private static String digest(Supplier<DispatchAdvisor> advisors, List<DispatchRequest> orders) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (DispatchRequest o : orders) {
            sha.update(advisors.get().advise(o).toString().getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest(), 0, 8);
    }

    private static void printJvm(PrintStream out) {
        List<String> collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).toList();
        out.printf(Locale.ROOT, "jvm=%s %s, %d processors, max heap %d MB, collectors %s, flags %s%n",
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1048576, collectors,
                ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
