package org.hotline.dispatch.internal.model;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hotline.dispatch.DispatchAdvisor;

/**
 * {@code dispatch-eval}: trains on one history and evaluates on another, or cross-validates one history,
 * and prints per-label precision/recall/F1, the confusion matrix, and the two lines {@code accuracy=…} and
 * {@code macro_f1=…}; with a test file also how honest the calibrated confidence is and what the default
 * threshold would dispatch without a person. Runs without the server, database or network.
 *
 * <pre>
 *   java -jar target/hotline.jar dispatch-eval --train A.csv --test B.csv
 *   java -jar target/hotline.jar dispatch-eval --cv 5 A.csv
 *   java -jar target/hotline.jar dispatch-eval --cv 5 A.csv --settings '{"headChars":0}'
 *   java -jar target/hotline.jar dispatch-eval --units --model model.bin ../shared/data   (see {@link UnitEval})
 * </pre>
 */
public final class DispatchEval {

    private DispatchEval() {
    }

    public static int run(List<String> args, PrintStream out) throws Exception {
        if (args.contains("--units")) {
            return UnitEval.run(args, out);
        }
        String train = null;
        String test = null;
        String cvFile = null;
        String overrides = null;
        int folds = 0;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--train" -> train = args.get(++i);
                case "--test" -> test = args.get(++i);
                case "--settings" -> overrides = args.get(++i);
                case "--cv" -> {
                    folds = Integer.parseInt(args.get(++i));
                    if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                        cvFile = args.get(++i);
                    }
                }
                default -> {
                    if (folds > 0 && cvFile == null && !args.get(i).startsWith("--")) {
                        cvFile = args.get(i);
                    } else {
                        return usage(out, "unknown argument: " + args.get(i));
                    }
                }
            }
        }
        FeatureSettings settings = FeatureSettings.defaults();
        if (overrides != null) {
            try {
                settings = ModelFiles.settingsWith(settings, overrides);
            } catch (IllegalArgumentException e) {
                return usage(out, "--settings: " + e.getMessage());
            }
            out.println("settings " + ModelFiles.settingsJson(settings));
        }
        if (folds > 0) {
            if (cvFile == null || folds < 2) {
                return usage(out, "--cv needs a number of folds (at least 2) and a file");
            }
            Evaluation result = crossValidate(read(cvFile, out), folds, settings, out);
            result.print(out);
            return 0;
        }
        if (train == null || test == null) {
            return usage(out, "give --train A.csv --test B.csv, or --cv 5 A.csv");
        }
        List<TrainingExample> trainSet = read(train, out);
        List<TrainingExample> testSet = read(test, out);
        long t0 = System.nanoTime();
        LinearTextModel model = new Trainer(settings).train(trainSet);
        out.printf(Locale.ROOT, "trained on %d examples in %.1f s%n", trainSet.size(), (System.nanoTime() - t0) / 1e9);
        Evaluation result = evaluate(model, testSet, labelsOf(trainSet, testSet));
        result.print(out);
        calibration(model, testSet).print(out, DispatchAdvisor.DEFAULT_AUTO_THRESHOLD);
        out.printf(Locale.ROOT, "messages_per_second=%.0f%n", singleMessageThroughput(model, testSet));
        return 0;
    }

    /** How honest the model's confidence is on {@code test}, which it must not have been trained on. */
    public static Calibration calibration(LinearTextModel model, List<TrainingExample> test) {
        Calibration calibration = new Calibration();
        LinearTextModel.Scratch scratch = model.newScratch();
        for (TrainingExample x : test) {
            LinearTextModel.Guess top = model.classify(x.subject(), x.body(), 1, scratch).get(0);
            calibration.add(top.probability(), top.label().equals(x.label()));
        }
        return calibration;
    }

    /** Messages classified per second, one at a time on one thread, after a warm-up pass. */
    static double singleMessageThroughput(LinearTextModel model, List<TrainingExample> test) {
        LinearTextModel.Scratch scratch = model.newScratch();
        for (int w = 0; w < 3; w++) {
            for (TrainingExample x : test) {
                model.classify(x.subject(), x.body(), 3, scratch);
            }
        }
        long t0 = System.nanoTime();
        for (TrainingExample x : test) {
            model.classify(x.subject(), x.body(), 3, scratch);
        }
        return test.size() / ((System.nanoTime() - t0) / 1e9);
    }

    /** Stratified k-fold cross-validation: each fold is predicted by a model trained on the others. */
    public static Evaluation crossValidate(List<TrainingExample> all, int k, FeatureSettings settings,
            PrintStream progress) {
        List<List<TrainingExample>> folds = Folds.stratified(all, k, 20261129L);
        Evaluation total = new Evaluation(all.stream().map(TrainingExample::label).toList());
        for (int f = 0; f < k; f++) {
            List<TrainingExample> train = Folds.allBut(folds, f);
            long t0 = System.nanoTime();
            LinearTextModel model = new Trainer(settings, 0).train(train);
            Evaluation fold = evaluate(model, folds.get(f), total.labels());
            if (progress != null) {
                progress.printf(Locale.ROOT, "fold %d/%d: %d train, %d test, macro_f1 %.4f (%.1f s)%n", f + 1, k,
                        train.size(), folds.get(f).size(), fold.macroF1(), (System.nanoTime() - t0) / 1e9);
            }
            total.addAll(fold);
        }
        return total;
    }

    static Evaluation evaluate(LinearTextModel model, List<TrainingExample> test, List<String> labels) {
        Evaluation e = new Evaluation(labels);
        LinearTextModel.Scratch scratch = model.newScratch();
        String[] modelLabels = model.labels();
        for (TrainingExample x : test) {
            double[] s = model.scores(x.subject(), x.body(), scratch);
            int best = 0;
            for (int c = 1; c < s.length; c++) {
                if (s[c] > s[best]) {
                    best = c;
                }
            }
            e.add(x.label(), modelLabels[best]);
        }
        return e;
    }

    private static List<String> labelsOf(List<TrainingExample> a, List<TrainingExample> b) {
        List<String> labels = new ArrayList<>();
        a.forEach(x -> labels.add(x.label()));
        b.forEach(x -> labels.add(x.label()));
        return labels;
    }

    private static List<TrainingExample> read(String file, PrintStream out) throws Exception {
        Path path = Path.of(file);
        if (!Files.isReadable(path)) {
            throw new IllegalArgumentException("cannot read " + path.toAbsolutePath());
        }
        List<TrainingExample> examples = HistoryCsv.read(path);
        out.printf(Locale.ROOT, "read %d labelled messages from %s%n", examples.size(), path);
        return examples;
    }

    private static int usage(PrintStream out, String problem) {
        out.println(problem);
        out.println("usage: dispatch-eval --train A.csv --test B.csv");
        out.println("       dispatch-eval --cv 5 A.csv");
        out.println("       add --settings '{\"c\":1.0,\"headChars\":20}' to try other feature settings than the tuned ones");
        out.println("CSV columns: label, subject, detail, text, tokens (text, else subject+detail, else tokens)");
        return 2;
    }
}
