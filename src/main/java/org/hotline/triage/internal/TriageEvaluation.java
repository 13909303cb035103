package org.hotline.triage.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.hotline.triage.Triage;
import org.hotline.triage.internal.LabelledSet.Labelled;
import org.hotline.workorder.TriageOutcome;

/**
 * Triage measured on a labelled set: precision, recall and F1 per outcome, the confusion between outcomes, how
 * often the service, route or reason is right when the outcome is, and how many valid appeals are flagged.
 */
public final class TriageEvaluation {

    /** One appeal's decision beside its label. */
    public record Result(Labelled item, TriageOutcome outcome, String target, boolean flagged) {

        public boolean correct() {
            return outcome == item.outcome();
        }

        public boolean targetCorrect() {
            return correct() && (item.target() == null || item.target().equals(target));
        }
    }

    private final List<Result> results = new ArrayList<>();
    private final Map<TriageOutcome, Map<TriageOutcome, Integer>> confusion = new EnumMap<>(TriageOutcome.class);

    private TriageEvaluation() {
    }

    public static TriageEvaluation of(List<Labelled> set, Function<String, Triage> triage) {
        TriageEvaluation e = new TriageEvaluation();
        for (Labelled item : set) {
            Triage t = triage.apply(item.text());
            e.add(new Result(item, t.outcome(), t.target(), t.flagged()));
        }
        return e;
    }

    static TriageEvaluation ofResults(List<Result> results) {
        TriageEvaluation e = new TriageEvaluation();
        results.forEach(e::add);
        return e;
    }

    private void add(Result r) {
        results.add(r);
        confusion.computeIfAbsent(r.item().outcome(), k -> new EnumMap<>(TriageOutcome.class))
                .merge(r.outcome(), 1, Integer::sum);
    }

    public int size() {
        return results.size();
    }

    public long support(TriageOutcome o) {
        return results.stream().filter(r -> r.item().outcome() == o).count();
    }

    public double precision(TriageOutcome o) {
        long predicted = results.stream().filter(r -> r.outcome() == o).count();
        long right = results.stream().filter(r -> r.outcome() == o && r.correct()).count();
        return predicted == 0 ? 1 : (double) right / predicted;
    }

    public double recall(TriageOutcome o) {
        long actual = support(o);
        long right = results.stream().filter(r -> r.item().outcome() == o && r.correct()).count();
        return actual == 0 ? 1 : (double) right / actual;
    }

    public double f1(TriageOutcome o) {
        double p = precision(o);
        double r = recall(o);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double accuracy() {
        return results.isEmpty() ? 0 : (double) results.stream().filter(Result::correct).count() / results.size();
    }

    /** Of the appeals whose outcome is right and whose label names a target, the share with the right target. */
    public double targetAccuracy() {
        List<Result> withTarget = results.stream().filter(r -> r.correct() && r.item().target() != null).toList();
        return withTarget.isEmpty() ? 1
                : (double) withTarget.stream().filter(Result::targetCorrect).count() / withTarget.size();
    }

    /** The share of appeals labelled DISPATCH that triage flagged for the operator to look at. */
    public double flaggedShareOfDispatch() {
        List<Result> dispatch = results.stream().filter(r -> r.item().outcome() == TriageOutcome.DISPATCH).toList();
        return dispatch.isEmpty() ? 0 : (double) dispatch.stream().filter(Result::flagged).count() / dispatch.size();
    }

    public int confusion(TriageOutcome actual, TriageOutcome predicted) {
        return confusion.getOrDefault(actual, Map.of()).getOrDefault(predicted, 0);
    }

    public List<Result> errors() {
        return results.stream().filter(r -> !r.targetCorrect()).toList();
    }

    /** The outcomes that appear as labels or decisions, in their declared order. */
    private List<TriageOutcome> classes() {
        return java.util.Arrays.stream(TriageOutcome.values())
                .filter(o -> support(o) > 0 || results.stream().anyMatch(r -> r.outcome() == o)).toList();
    }

    public void print(PrintStream out, String name, boolean showErrors) {
        boolean targets = results.stream().anyMatch(r -> r.target() != null);
        out.printf(Locale.ROOT, "set=%s n=%d accuracy=%.4f target_accuracy=%s flagged_dispatch_share=%.4f%n", name,
                size(), accuracy(), targets ? String.format(Locale.ROOT, "%.4f", targetAccuracy()) : "n/a",
                flaggedShareOfDispatch());
        for (TriageOutcome o : classes()) {
            out.printf(Locale.ROOT, "  class=%-13s precision=%.4f recall=%.4f f1=%.4f support=%d%n", o, precision(o),
                    recall(o), f1(o), support(o));
        }
        List<TriageOutcome> classes = classes();
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-22s", "confusion (row=label)"));
        classes.forEach(c -> header.append(String.format(Locale.ROOT, "%14s", c)));
        out.println(header);
        for (TriageOutcome actual : classes) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-22s", actual));
            classes.forEach(p -> row.append(String.format(Locale.ROOT, "%14d", confusion(actual, p))));
            out.println(row);
        }
        if (showErrors) {
            for (Result r : errors()) {
                out.printf(Locale.ROOT, "  error: %s:%s -> %s:%s%s | %s%n", r.item().outcome(), r.item().target(),
                        r.outcome(), r.target(), r.flagged() ? " (flagged)" : "", r.item().text());
            }
        }
    }
}
