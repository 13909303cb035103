package org.hotline.triage.internal;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.hotline.triage.Triage;
import org.hotline.triage.TriageRequest;
import org.hotline.triage.TriageRules;
import org.hotline.triage.Triager;
import org.hotline.triage.Words;
import org.hotline.triage.internal.LabelledSet.Labelled;
import org.hotline.workorder.Channel;
import org.hotline.workorder.TriageOutcome;

/**
 * {@code java -jar target/hotline.jar triage-eval [--labelled FILE]... [--real DIR] [--errors] [--compare]
 * [--rules FILE] [--no-word-check] [--show-real]}: measures the triage rules on the team's labelled sets (by default
 * {@code src/test/resources/triage/labelled.csv} and {@code labelled-holdout.csv}), on the real messages of
 * {@code DIR} (all genuine appeals: how many would be called an emergency or invalid), and their latency; with
 * {@code --compare}, a character n-gram classifier trained on the first set and measured on the others and the
 * real messages, next to the rules.
 */
public final class TriageEval {

    static final List<Path> DEFAULT_SETS = List.of(Path.of("src/test/resources/triage/labelled.csv"),
            Path.of("src/test/resources/triage/labelled-holdout.csv"));

    /** What triage made of the real messages, every one a genuine appeal. */
    public record RealCheck(int messages, int emergency, int invalid, int otherChannel, int flagged,
            Map<String, Integer> decidingRules) {

        public double falseEmergencyRate() {
            return (double) emergency / messages;
        }

        public double falseInvalidRate() {
            return (double) invalid / messages;
        }
    }

    /**
     * Single-thread latency of one decision, in microseconds: wall-clock, and the thread's CPU time (what the
     * decision costs, without the waits of a machine shared with other work).
     */
    public record Latency(int samples, double p50, double p99, double max, double cpuP50, double cpuP99) {
    }

    private TriageEval() {
    }

    public static int run(List<String> args, PrintStream out) throws Exception {
        List<Path> sets = new ArrayList<>();
        Path real = null;
        Path rulesFile = null;
        boolean errors = false;
        boolean compare = false;
        boolean wordCheck = true;
        boolean showReal = false;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--labelled" -> sets.add(Path.of(args.get(++i)));
                case "--real" -> real = Path.of(args.get(++i));
                case "--rules" -> rulesFile = Path.of(args.get(++i));
                case "--errors" -> errors = true;
                case "--compare" -> compare = true;
                case "--no-word-check" -> wordCheck = false;
                case "--show-real" -> showReal = true;
                default -> {
                    out.println("usage: triage-eval [--labelled FILE]... [--real DIR] [--errors] [--compare]"
                            + " [--rules FILE] [--no-word-check] [--show-real]");
                    return 2;
                }
            }
        }
        if (sets.isEmpty()) {
            DEFAULT_SETS.stream().filter(Files::isReadable).forEach(sets::add);
        }
        TriageRules rules = RulesFile.read(rulesFile);
        long loading = System.nanoTime();
        Words.warmUp();
        out.printf(Locale.ROOT, "rules=%s rule_count=%d word_check=%s segmenter_load_ms=%d%n", rules.version(),
                rules.rules().size(), wordCheck, (System.nanoTime() - loading) / 1_000_000);
        Triager triager = new Triager(rules, null, wordCheck);

        List<List<Labelled>> labelled = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (Path set : sets) {
            List<Labelled> items = LabelledSet.read(set);
            labelled.add(items);
            items.forEach(l -> all.add(l.text()));
            TriageEvaluation.of(items, t -> triager.triage(TriageRequest.of(t))).print(out,
                    set.getFileName().toString(), errors);
        }
        List<String> realTexts = real == null ? List.of() : RealMessages.read(real);
        if (real != null) {
            // The rules were tuned looking at real messages of one half only (shown by --show-real); the other
            // half measures them on messages nobody looked at while writing them.
            List<String> looked = realTexts.stream().filter(TriageEval::lookedAt).toList();
            List<String> unseen = realTexts.stream().filter(t -> !lookedAt(t)).toList();
            print(out, "real", checkReal(realTexts, triager, null));
            print(out, "real_tuning_half", checkReal(looked, triager, showReal ? out : null));
            print(out, "real_unseen_half", checkReal(unseen, triager, null));
            all.addAll(realTexts);
        }
        Latency latency = latency(all, triager, 3);
        out.printf(Locale.ROOT, "latency samples=%d p50_us=%.1f p99_us=%.1f max_us=%.1f cpu_p50_us=%.1f"
                + " cpu_p99_us=%.1f%n", latency.samples(), latency.p50(), latency.p99(), latency.max(),
                latency.cpuP50(), latency.cpuP99());
        if (compare && !labelled.isEmpty()) {
            compare(labelled, realTexts, out, errors);
        }
        return 0;
    }

    /** Whether a real message is in the half looked at while tuning the rules (a fixed split by its text). */
    static boolean lookedAt(String text) {
        return (text.hashCode() & 1) == 0;
    }

    private static void print(PrintStream out, String name, RealCheck check) {
        out.printf(Locale.ROOT, "%s messages=%d false_emergency=%d (%.3f%%) false_invalid=%d (%.3f%%)"
                + " other_channel=%d (%.2f%%) flagged=%d (%.2f%%)%n", name, check.messages(), check.emergency(),
                100 * check.falseEmergencyRate(), check.invalid(), 100 * check.falseInvalidRate(),
                check.otherChannel(), 100.0 * check.otherChannel() / check.messages(), check.flagged(),
                100.0 * check.flagged() / check.messages());
        out.println("  deciding rules: " + check.decidingRules());
    }

    /** Triages every real message as a web message; counts what would not have been dispatched. */
    public static RealCheck checkReal(List<String> texts, Triager triager, PrintStream show) {
        int emergency = 0;
        int invalid = 0;
        int other = 0;
        int flagged = 0;
        Map<String, Integer> rules = new TreeMap<>();
        for (String text : texts) {
            Triage t = triager.triage(new TriageRequest(text, null, Channel.WEB));
            switch (t.outcome()) {
                case EMERGENCY -> emergency++;
                case INVALID -> invalid++;
                case OTHER_CHANNEL -> other++;
                default -> {
                }
            }
            if (t.flagged()) {
                flagged++;
            }
            if (t.outcome() != TriageOutcome.DISPATCH) {
                t.decidingRules().forEach(r -> rules.merge(r, 1, Integer::sum));
                if (show != null) {
                    show.printf("  real %s:%s %s | %s%n", t.outcome(), t.target(), t.evidence().get(0).words(),
                            text.replace('\n', ' ').substring(0, Math.min(160, text.length())));
                }
            }
        }
        return new RealCheck(texts.size(), emergency, invalid, other, flagged, rules);
    }

    /** Each text triaged twice to warm up, then {@code rounds} times timed one by one. */
    public static Latency latency(List<String> texts, Triager triager, int rounds) {
        List<TriageRequest> requests = texts.stream().map(TriageRequest::of).toList();
        for (int warm = 0; warm < 2; warm++) {
            requests.forEach(triager::triage);
        }
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] nanos = new long[requests.size() * rounds];
        long[] cpu = new long[nanos.length];
        int k = 0;
        for (int round = 0; round < rounds; round++) {
            for (TriageRequest r : requests) {
                long cpuStart = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                triager.triage(r);
                nanos[k] = System.nanoTime() - start;
                cpu[k++] = threads.getCurrentThreadCpuTime() - cpuStart;
            }
        }
        Arrays.sort(nanos);
        Arrays.sort(cpu);
        return new Latency(nanos.length, percentile(nanos, 0.5), percentile(nanos, 0.99),
                nanos[nanos.length - 1] / 1000.0, percentile(cpu, 0.5), percentile(cpu, 0.99));
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))] / 1000.0;
    }

    /** The classifier trained on the first set, measured on the others and on the real messages. */
    private static void compare(List<List<Labelled>> sets, List<String> real, PrintStream out, boolean errors) {
        WordModel model = WordModel.train(sets.get(0));
        for (int i = 1; i < sets.size(); i++) {
            List<TriageEvaluation.Result> results = new ArrayList<>();
            for (Labelled l : sets.get(i)) {
                results.add(new TriageEvaluation.Result(l, model.predict(l.text()), null, false));
            }
            TriageEvaluation.ofResults(results).print(out, "classifier(trained on set 1) on set " + (i + 1), errors);
        }
        if (!real.isEmpty()) {
            int emergency = 0;
            int invalid = 0;
            for (String text : real) {
                TriageOutcome o = model.predict(text);
                emergency += o == TriageOutcome.EMERGENCY ? 1 : 0;
                invalid += o == TriageOutcome.INVALID ? 1 : 0;
            }
            out.printf(Locale.ROOT, "classifier real messages=%d false_emergency=%d (%.4f%%) false_invalid=%d (%.4f%%)%n",
                    real.size(), emergency, 100.0 * emergency / real.size(), invalid, 100.0 * invalid / real.size());
        }
    }
}
