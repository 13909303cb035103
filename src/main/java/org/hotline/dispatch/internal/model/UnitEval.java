package org.hotline.dispatch.internal.model;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.hotline.dispatch.Classifier;
import org.hotline.dispatch.DispatchAdvice;
import org.hotline.dispatch.DispatchAdvisor;
import org.hotline.dispatch.DispatchDirectory;
import org.hotline.dispatch.DispatchRequest;
import org.hotline.dispatch.LabelKind;
import org.hotline.dispatch.RoutingRules;
import org.hotline.dispatch.UnitSuggestion;
import org.hotline.dispatch.internal.routing.DemoOrganization;
import org.hotline.organization.UnitKind;
import org.hotline.workorder.Urgency;

/**
 * {@code dispatch-eval --units}: how often the unit is right, measured the way the server decides (the demo
 * organisation's directory, routing rules and gazetteer, the default threshold), on real messages a model was
 * not trained on: the hand-labelled set ({@code src/test/resources/dispatch/unit-labels.csv}, see
 * docs/unit-labelling.md) and the held-out fifth of the replies (the department that replied). Prints for each
 * {@code unit_accuracy=}, {@code unit_auto_share=}, {@code unit_auto_accuracy=}, the calibration error of the
 * unit confidence, per-unit precision and recall and the confusion between units.
 *
 * <pre>
 *   java -jar target/hotline.jar dispatch-eval --units --model src/main/resources/dispatch/model-v1.bin ../shared/data
 *   java -jar target/hotline.jar dispatch-eval --units --history ../shared/data/messages_labelled.csv ../shared/data
 * </pre>
 */
public final class UnitEval {

    /** What a message was given: the lead unit's owner (a unit id, 属地, or 无 for none). */
    public static final String NONE = "无";

    /** One message and its true owner. */
    public record Case(String id, String text, String truth) {
    }

    /** The figures of one set. */
    public record Result(int n, double accuracy, double autoShare, double autoAccuracy, double calibrationError) {
    }

    private UnitEval() {
    }

    public static int run(List<String> args, PrintStream out) throws Exception {
        Path model = null;
        Path history = null;
        Path labels = Path.of("src/test/resources/dispatch/unit-labels.csv");
        Path data = null;
        double threshold = DispatchAdvisor.DEFAULT_AUTO_THRESHOLD;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--units" -> {
                }
                case "--model" -> model = Path.of(args.get(++i));
                case "--history" -> history = Path.of(args.get(++i));
                case "--labels" -> labels = Path.of(args.get(++i));
                case "--threshold" -> threshold = Double.parseDouble(args.get(++i));
                default -> {
                    if (args.get(i).startsWith("--") || data != null) {
                        out.println("unknown argument: " + args.get(i));
                        return usage(out);
                    }
                    data = Path.of(args.get(i));
                }
            }
        }
        if (data == null || (model == null) == (history == null)) {
            return usage(out);
        }
        DemoOrganization org = DemoOrganization.DONGCHANGFU;
        Classifier classifier;
        if (model != null) {
            LinearTextModel m = ModelFiles.read(Files.readAllBytes(model));
            out.printf(Locale.ROOT, "model %s: %d labels, %d n-grams%n", model, m.labels().length, m.vocabulary().size());
            classifier = new TrainedClassifier("eval", LabelKind.CATEGORY, m, m.labels().length);
        } else {
            // as an import through the admin API takes the history: coarse categories of another taxonomy narrowed
            // to unit-level labels by the directory (dispatch/history-categories.yaml)
            Narrowing narrowing = new Narrowing(org.directory(), new UnitLabels(org.directory(), org.categories()),
                    Narrowing.demo());
            List<TrainingExample> examples = HistoryCsv.read(history).stream()
                    .map(e -> narrowing.narrows(e.label())
                            ? new TrainingExample(e.subject(), e.body(), narrowing.narrow(e.label(), e.subject(), e.body()))
                            : e)
                    .toList();
            LinearTextModel m = new Trainer(FeatureSettings.defaults()).train(examples);
            Map<String, String> codeOfName = new HashMap<>();
            org.categories().all().forEach(c -> codeOfName.putIfAbsent(c.name(), c.code()));
            out.printf(Locale.ROOT, "trained on %s: %d examples, %d labels%n", history, examples.size(), m.labels().length);
            classifier = new TrainedClassifier("eval", LabelKind.CATEGORY, m, m.labels().length,
                    name -> codeOfName.getOrDefault(name, name));
        }
        DispatchDirectory directory = org.directory();
        DispatchAdvisor advisor = new DispatchAdvisor(classifier, org.matcher(),
                new RoutingRules(org.defaultRules(), org.categories()), org.units(), org.categories(), directory,
                threshold);
        UnitLabels unitLabels = new UnitLabels(directory, org.categories());

        if (Files.isReadable(labels)) {
            List<Case> cases = handLabelled(labels, data);
            out.printf(Locale.ROOT, "%n== hand-labelled messages (%s): %d%n", labels, cases.size());
            evaluate(advisor, unitLabels, cases, threshold, out);
        } else {
            out.println("no hand labels at " + labels.toAbsolutePath());
        }
        List<Case> replies = new ArrayList<>();
        for (RealHistory.Message m : new RealHistory(directory, unitLabels).replies(data)) {
            if (RealHistory.heldOut(m)) {
                replies.add(new Case(m.id(), m.body(), m.owner()));
            }
        }
        out.printf(Locale.ROOT, "%n== replies held out (id %% 5 == 0), unit of the replying department: %d%n",
                replies.size());
        evaluate(advisor, unitLabels, replies, threshold, out);
        return 0;
    }

    /** The hand-labelled messages with their texts, read from the data files by id. */
    public static List<Case> handLabelled(Path labels, Path data) throws Exception {
        Map<String, Map<String, String>> texts = new HashMap<>();
        List<Case> cases = new ArrayList<>();
        for (CSVRecord r : RealHistory.csv(labels)) {
            String file = r.get("file");
            Map<String, String> byId = texts.computeIfAbsent(file, f -> {
                Map<String, String> m = new HashMap<>();
                try {
                    for (CSVRecord t : RealHistory.csv(data.resolve(f))) {
                        String text = RealHistory.get(t, "text");
                        m.put(t.get("id"), text.isBlank() ? RealHistory.get(t, "subject") + RealHistory.get(t, "detail")
                                : text);
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return m;
            });
            String text = byId.get(r.get("id"));
            if (text != null) {
                cases.add(new Case(r.get("id"), text, r.get("unit")));
            }
        }
        return cases;
    }

    /** The owner the advice gives the order: its lead, else its best unit suggestion's (属地 for an unplaced territorial one). */
    public static String ownerOf(DispatchAdvice advice, UnitLabels labels) {
        if (advice.lead() != null) {
            return owner(advice.lead(), advice);
        }
        if (advice.suggestions().isEmpty()) {
            return NONE;
        }
        UnitSuggestion best = advice.suggestions().get(0);
        if (best.leadUnit() != null) {
            return owner(best.leadUnit(), advice);
        }
        String code = best.categoryCode();
        return code != null && Departments.TERRITORIAL.equals(labels.ownerOf(code)) ? Departments.TERRITORIAL : NONE;
    }

    private static String owner(org.hotline.organization.UnitId unit, DispatchAdvice advice) {
        boolean territorial = DemoOrganization.DONGCHANGFU.units().find(unit).map(u -> u.kind() == UnitKind.TERRITORIAL)
                .orElse(false);
        return territorial ? Departments.TERRITORIAL : unit.value();
    }

    static Result evaluate(DispatchAdvisor advisor, UnitLabels labels, List<Case> cases, double threshold,
            PrintStream out) {
        List<String> all = new ArrayList<>();
        cases.forEach(c -> all.add(c.truth()));
        all.add(NONE);
        all.addAll(labels.all().stream().map(labels::ownerOf).toList());
        Evaluation e = new Evaluation(all);
        Calibration calibration = new Calibration();
        int auto = 0;
        int autoRight = 0;
        int right = 0;
        // per unit the decision named: how many, how confident on average, how often rightly
        java.util.TreeMap<String, double[]> perUnit = new java.util.TreeMap<>();
        for (Case c : cases) {
            DispatchAdvice advice = advisor.advise(new DispatchRequest(c.text(), null, Urgency.NORMAL, null));
            String owner = ownerOf(advice, labels);
            boolean ok = owner.equals(c.truth());
            e.add(c.truth(), owner);
            calibration.add(advice.confidence(), ok);
            double[] u = perUnit.computeIfAbsent(owner, k -> new double[3]);
            u[0]++;
            u[1] += advice.confidence();
            u[2] += ok ? 1 : 0;
            right += ok ? 1 : 0;
            if (advice.automatic()) {
                auto++;
                autoRight += ok ? 1 : 0;
            }
        }
        e.print(out);
        out.println();
        out.println("unit confidence by the unit decided (is it honest per unit?)");
        out.printf(Locale.ROOT, "%-16s %6s %15s %9s%n", "unit", "orders", "mean_confidence", "accuracy");
        perUnit.forEach((unit, u) -> out.printf(Locale.ROOT, "%-16s %6d %15.3f %9.3f%n", unit, (int) u[0],
                u[1] / u[0], u[2] / u[0]));
        out.println();
        Result r = new Result(cases.size(), (double) right / Math.max(1, cases.size()),
                (double) auto / Math.max(1, cases.size()), auto == 0 ? 0 : (double) autoRight / auto,
                calibration.expectedError());
        out.printf(Locale.ROOT, "unit_accuracy=%.4f%n", r.accuracy());
        out.printf(Locale.ROOT, "unit_auto_share=%.4f (unit confidence >= %.2f and a lead found)%n", r.autoShare(),
                threshold);
        out.printf(Locale.ROOT, "unit_auto_accuracy=%.4f%n", r.autoAccuracy());
        out.printf(Locale.ROOT, "unit_calibration_error=%.4f (unit confidence against the unit being right)%n",
                r.calibrationError());
        return r;
    }

    private static int usage(PrintStream out) {
        out.println("usage: dispatch-eval --units (--model model.bin | --history labelled.csv) [--labels unit-labels.csv]"
                + " [--threshold 0.8] DATA_DIR");
        return 2;
    }
}
