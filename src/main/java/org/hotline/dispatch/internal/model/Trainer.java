package org.hotline.dispatch.internal.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

/**
 * Trains a {@link LinearTextModel} from past orders: builds the n-gram vocabulary and its idf from the
 * training history, fits one linear SVM per label with liblinear (squared hinge loss, the same solver as
 * scikit-learn's LinearSVC), then calibrates: scores of held-out folds are turned into probabilities by a
 * softmax whose temperature minimises their log-loss.
 */
public final class Trainer {

    static {
        Linear.disableDebugOutput();
    }

    /**
     * Told after each linear fit, the unit of a training's work (with NBSVM one per label and one more for the
     * blended plain SVM; one for a plain SVM), so that a long training can say how far it is; {@link #fits}
     * says how many there will be.
     */
    public interface FitListener {
        /** {@code calibrating}: the fit was one of the held-out models that calibrate the probabilities. */
        void fitted(boolean calibrating);
    }

    /** The calibration folds' seed: {@link #fits} must split a history as {@link #fitTemperature} does. */
    private static final long CALIBRATION_SEED = 7;

    /** The ridge of the familiarity's fit, per message, on standardised features. */
    private static final double FAMILIARITY_RIDGE = 0.01;

    private static final FitListener SILENT = calibrating -> {
    };

    private final FeatureSettings settings;
    private final int calibrationFolds;
    private final FitListener listener;

    public Trainer(FeatureSettings settings) {
        this(settings, 3);
    }

    /** {@code calibrationFolds} 0 skips calibration (temperature 1), for speed in cross-validation runs. */
    public Trainer(FeatureSettings settings, int calibrationFolds) {
        this(settings, calibrationFolds, SILENT);
    }

    private Trainer(FeatureSettings settings, int calibrationFolds, FitListener listener) {
        this.settings = settings;
        this.calibrationFolds = calibrationFolds;
        this.listener = listener;
    }

    /** The same trainer, telling {@code listener} of every fit. */
    public Trainer reportingTo(FitListener listener) {
        return new Trainer(settings, calibrationFolds, listener == null ? SILENT : listener);
    }

    /**
     * How many linear fits {@link #train} makes on {@code examples}: those of the model, and those of the
     * held-out models that calibrate it, each by the labels its part of the history has.
     */
    public int fits(List<TrainingExample> examples) {
        int labels = distinctLabels(examples);
        int total = fitsPerModel(labels);
        if (calibrationFolds >= 2 && labels >= 2) {
            List<List<TrainingExample>> folds = Folds.stratified(examples, calibrationFolds, CALIBRATION_SEED);
            for (int f = 0; f < folds.size(); f++) {
                total += fitsPerModel(distinctLabels(Folds.allBut(folds, f)));
            }
        }
        return total;
    }

    private int fitsPerModel(int labels) {
        if (labels < 2) {
            return 0;
        }
        if (settings.nbAlpha() > 0 && labels > 2) {
            return labels + (settings.blend() > 0 ? 1 : 0);
        }
        return 1;
    }

    public LinearTextModel train(List<TrainingExample> examples) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no training examples");
        }
        LinearTextModel model = prune(fit(examples, false));
        if (calibrationFolds < 2 || distinctLabels(examples) < 2) {
            return model;
        }
        HeldOut held = heldOut(examples);
        if (held.scores().isEmpty()) {
            return model;
        }
        double t = fitTemperature(held);
        return model.withTemperature(t).withFamiliarity(fitFamiliarity(held, t));
    }

    private static int distinctLabels(List<TrainingExample> examples) {
        return (int) examples.stream().map(TrainingExample::label).distinct().count();
    }

    private LinearTextModel fit(List<TrainingExample> examples, boolean calibrating) {
        String[] labels = new TreeSet<>(examples.stream().map(TrainingExample::label).toList()).toArray(String[]::new);
        Map<String, Integer> labelIndex = new HashMap<>();
        for (int i = 0; i < labels.length; i++) {
            labelIndex.put(labels[i], i);
        }
        Vocabulary vocabulary = buildVocabulary(examples);
        LinearTextModel vectorizer = new LinearTextModel(settings, vocabulary, labels, new float[0], new float[0], 1);
        LinearTextModel.Scratch scratch = vectorizer.newScratch();

        Feature[][] x = new Feature[examples.size()][];
        double[] y = new double[examples.size()];
        for (int d = 0; d < examples.size(); d++) {
            TrainingExample e = examples.get(d);
            vectorizer.vectorize(e.subject(), e.body(), scratch);
            Feature[] row = new Feature[scratch.n];
            for (int i = 0; i < scratch.n; i++) {
                row[i] = new FeatureNode(scratch.ids[i] + 1, scratch.values[i]);
            }
            x[d] = row;
            y[d] = labelIndex.get(e.label());
        }
        int k = labels.length;
        float[] weights = new float[vocabulary.size() * k];
        float[] bias = new float[k];
        if (k == 1) {
            // A history with one label can only ever say that label; the model still answers.
            return new LinearTextModel(settings, vocabulary, labels, weights, bias, 1);
        }
        if (settings.nbAlpha() > 0 && k > 2) {
            fitNaiveBayesScaled(x, y, k, vocabulary.size(), weights, bias, calibrating);
            if (settings.blend() > 0) {
                float[] plainWeights = new float[weights.length];
                float[] plainBias = new float[k];
                fitPlain(x, y, k, vocabulary.size(), plainWeights, plainBias);
                listener.fitted(calibrating);
                float b = (float) settings.blend();
                for (int i = 0; i < weights.length; i++) {
                    weights[i] = (1 - b) * weights[i] + b * plainWeights[i];
                }
                for (int c = 0; c < k; c++) {
                    bias[c] = (1 - b) * bias[c] + b * plainBias[c];
                }
            }
            return new LinearTextModel(settings, vocabulary, labels, weights, bias, 1);
        }
        fitPlain(x, y, k, vocabulary.size(), weights, bias);
        listener.fitted(calibrating);
        return new LinearTextModel(settings, vocabulary, labels, weights, bias, 1);
    }

    /** One-vs-rest linear SVMs on the TF-IDF features, as scikit-learn's LinearSVC. */
    private void fitPlain(Feature[][] x, double[] y, int k, int featureCount, float[] weights, float[] bias) {
        int[] counts = labelCounts(y, k);
        int[] weightLabels = new int[k];
        double[] classWeights = new double[k];
        for (int c = 0; c < k; c++) {
            weightLabels[c] = c;
            classWeights[c] = balancedWeight(y.length, k, counts[c]);
        }
        Model m = svm(x, y, featureCount, classWeights, weightLabels);
        double[] w = m.getFeatureWeights();
        int[] order = m.getLabels();
        int columns = k == 2 ? 1 : k;
        int features = featureCount;
        for (int col = 0; col < k; col++) {
            int label = order[col];
            // Two labels: liblinear keeps one weight vector for the first label; the second is its negation.
            int source = k == 2 ? 0 : col;
            double sign = (k == 2 && col == 1) ? -1 : 1;
            for (int f = 0; f < features; f++) {
                weights[f * k + label] = (float) (sign * w[f * columns + source]);
            }
            bias[label] = (float) (sign * w[features * columns + source]);
        }
    }

    /**
     * One liblinear fit: squared hinge loss, dual solver (scikit-learn's LinearSVC), a bias feature, a fixed
     * seed so that the same history always gives the same model, and per-label weights when balanced.
     */
    private Model svm(Feature[][] x, double[] y, int featureCount, double[] classWeights, int[] weightLabels) {
        Problem problem = new Problem();
        problem.l = x.length;
        problem.n = featureCount + 1;
        problem.x = x;
        problem.y = y;
        problem.bias = 1;
        Parameter parameter = new Parameter(SolverType.L2R_L2LOSS_SVC_DUAL, settings.c(), 0.1);
        parameter.setRandom(new Random(42));
        if (settings.balanced()) {
            parameter.setWeights(classWeights, weightLabels);
        }
        return Linear.train(problem, parameter);
    }

    private static int[] labelCounts(double[] y, int k) {
        int[] counts = new int[k];
        for (double label : y) {
            counts[(int) label]++;
        }
        return counts;
    }

    /** The weight that makes a label with {@code count} of {@code n} messages count as much as any other. */
    private static double balancedWeight(int n, int k, int count) {
        return (double) n / (k * Math.max(1, count));
    }

    /**
     * NBSVM: for each label, features are scaled by how much more often they occur in that label's messages
     * than in the others' (smoothed log-count ratio), a binary SVM is fitted on the scaled features, and the
     * ratio is folded back into the weights.
     */
    private void fitNaiveBayesScaled(Feature[][] x, double[] y, int k, int features, float[] weights, float[] bias,
            boolean calibrating) {
        double alpha = settings.nbAlpha();
        double[][] sums = new double[k][features];
        for (int d = 0; d < x.length; d++) {
            int label = (int) y[d];
            for (Feature f : x[d]) {
                sums[label][f.getIndex() - 1] += f.getValue();
            }
        }
        double[] total = new double[features];
        for (int c = 0; c < k; c++) {
            for (int f = 0; f < features; f++) {
                total[f] += sums[c][f];
            }
        }
        int[] counts = labelCounts(y, k);
        for (int c = 0; c < k; c++) {
            double pNorm = 0;
            double qNorm = 0;
            for (int f = 0; f < features; f++) {
                pNorm += alpha + sums[c][f];
                qNorm += alpha + total[f] - sums[c][f];
            }
            float[] r = new float[features];
            for (int f = 0; f < features; f++) {
                r[f] = (float) Math.log(((alpha + sums[c][f]) / pNorm) / ((alpha + total[f] - sums[c][f]) / qNorm));
            }
            Feature[][] scaled = new Feature[x.length][];
            double[] binary = new double[x.length];
            for (int d = 0; d < x.length; d++) {
                Feature[] row = new Feature[x[d].length];
                for (int i = 0; i < row.length; i++) {
                    int index = x[d][i].getIndex();
                    row[i] = new FeatureNode(index, x[d][i].getValue() * r[index - 1]);
                }
                scaled[d] = row;
                binary[d] = y[d] == c ? 1 : -1;
            }
            // Positives weigh as their label's share asks; the rest of the messages count once each.
            Model m = svm(scaled, binary, features,
                    new double[] { balancedWeight(x.length, k, counts[c]), 1 }, new int[] { 1, -1 });
            double[] w = m.getFeatureWeights();
            double sign = m.getLabels()[0] == 1 ? 1 : -1;
            for (int f = 0; f < features; f++) {
                weights[f * k + c] = (float) (sign * w[f] * r[f]);
            }
            bias[c] = (float) (sign * w[features]);
            listener.fitted(calibrating);
        }
    }

    /**
     * Keeps the {@code keep} share of n-grams that matter most (largest weight for any label) and drops the
     * rest from the vocabulary. A message's score hardly moves, and a smaller table is read from the
     * processor's cache instead of main memory, which is where classifying spends its time.
     */
    private LinearTextModel prune(LinearTextModel model) {
        double keep = settings.keep();
        String[] labels = model.labels();
        int k = labels.length;
        Vocabulary vocabulary = model.vocabulary();
        int n = vocabulary.size();
        if ((keep >= 1 && settings.maxFeatures() <= 0) || n == 0 || model.weights().length == 0) {
            return model;
        }
        float[] weights = model.weights();
        float[] importance = new float[n];
        for (int f = 0; f < n; f++) {
            float max = 0;
            for (int c = 0; c < k; c++) {
                max = Math.max(max, Math.abs(weights[f * k + c]) * vocabulary.idf(f));
            }
            importance[f] = max;
        }
        float[] sorted = importance.clone();
        Arrays.sort(sorted);
        float threshold = sorted[(int) Math.min(n - 1, Math.floor(n * (1 - keep)))];
        if (settings.maxFeatures() > 0 && settings.maxFeatures() < n) {
            threshold = Math.max(threshold, sorted[n - settings.maxFeatures()]);
        }
        long[] hashes = vocabulary.hashesById();
        int kept = 0;
        for (float v : importance) {
            if (v >= threshold) {
                kept++;
            }
        }
        long[] keptHashes = new long[kept];
        float[] keptIdf = new float[kept];
        float[] keptWeights = new float[kept * k];
        int next = 0;
        for (int f = 0; f < n; f++) {
            if (importance[f] >= threshold && next < kept) {
                keptHashes[next] = hashes[f];
                keptIdf[next] = vocabulary.idf(f);
                System.arraycopy(weights, f * k, keptWeights, next * k, k);
                next++;
            }
        }
        ModelFiles.quantize(keptWeights, k);
        return new LinearTextModel(settings, Vocabulary.of(keptHashes, keptIdf), labels, keptWeights, model.bias(),
                model.temperature());
    }

    /** Counts in how many documents each n-gram occurs, keeps those at or above minDf, computes smooth idf. */
    private Vocabulary buildVocabulary(List<TrainingExample> examples) {
        Map<Long, int[]> df = new LinkedHashMap<>();
        NgramFeatures body = new NgramFeatures(settings.minN(), settings.maxN());
        NgramFeatures subject = new NgramFeatures(settings.minN(), settings.maxN());
        for (TrainingExample e : examples) {
            int[] cps = TextNormalizer.normalize(e.body());
            body.clear();
            body.add(cps, NgramFeatures.BODY);
            count(body, df);
            if (settings.readsHead()) {
                body.clear();
                body.add(LinearTextModel.headOf(cps, settings.headChars()), NgramFeatures.HEAD);
                count(body, df);
            }
            if (settings.subjectWeight() > 0 && e.subject() != null && !e.subject().isBlank()) {
                subject.clear();
                subject.add(TextNormalizer.normalize(e.subject()), NgramFeatures.SUBJECT);
                count(subject, df);
            }
        }
        List<Long> kept = new ArrayList<>();
        List<Float> idf = new ArrayList<>();
        double n = examples.size();
        for (Map.Entry<Long, int[]> entry : df.entrySet()) {
            int d = entry.getValue()[0];
            if (d >= settings.minDf()) {
                kept.add(entry.getKey());
                idf.add((float) (Math.log((1 + n) / (1 + d)) + 1));
            }
        }
        long[] hashes = kept.stream().mapToLong(Long::longValue).toArray();
        float[] idfs = new float[idf.size()];
        for (int i = 0; i < idfs.length; i++) {
            idfs[i] = idf.get(i);
        }
        return Vocabulary.of(hashes, idfs);
    }

    private static void count(NgramFeatures features, Map<Long, int[]> df) {
        for (int i = 0; i < features.size(); i++) {
            df.computeIfAbsent(features.key(i), k -> new int[1])[0]++;
        }
    }

    /**
     * Scores of messages from models that did not see them: each calibration fold is scored by a model trained
     * on the others. Every third held-out message is also scored scrambled (its characters shuffled, so that it
     * keeps its characters and loses its words): text that belongs to no label, which teaches the familiarity
     * what a message the model does not know looks like.
     */
    private HeldOut heldOut(List<TrainingExample> examples) {
        List<List<TrainingExample>> folds = Folds.stratified(examples, calibrationFolds, CALIBRATION_SEED);
        HeldOut held = new HeldOut(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>());
        Random random = new Random(CALIBRATION_SEED);
        for (int f = 0; f < folds.size(); f++) {
            List<TrainingExample> train = Folds.allBut(folds, f);
            if (distinctLabels(train) < 2) {
                continue;
            }
            LinearTextModel m = prune(fit(train, true));
            List<String> labels = Arrays.asList(m.labels());
            LinearTextModel.Scratch scratch = m.newScratch();
            int i = 0;
            for (TrainingExample e : folds.get(f)) {
                int t = labels.indexOf(e.label());
                if (t < 0) {
                    continue;
                }
                held.scores().add(m.scores(e.subject(), e.body(), scratch));
                held.coverage().add(scratch.coverage);
                held.truth().add(t);
                if (i++ % 3 == 0) {
                    held.scrambled().add(m.scores("", scrambled(e.body(), random), scratch));
                    held.scrambledCoverage().add(scratch.coverage);
                }
            }
        }
        return held;
    }

    private record HeldOut(List<double[]> scores, List<Integer> truth, List<Double> coverage,
            List<double[]> scrambled, List<Double> scrambledCoverage) {
    }

    private static String scrambled(String text, Random random) {
        int[] cps = text.codePoints().toArray();
        for (int i = cps.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int x = cps[i];
            cps[i] = cps[j];
            cps[j] = x;
        }
        return new String(cps, 0, cps.length);
    }

    /**
     * The softmax temperature that makes held-out probabilities honest: a golden-section search finds the
     * temperature with the least log-loss on the held-out scores.
     */
    private double fitTemperature(HeldOut held) {
        List<double[]> scores = held.scores();
        List<Integer> truth = held.truth();
        double lo = 0.02;
        double hi = 5;
        double phi = (Math.sqrt(5) - 1) / 2;
        double a = hi - phi * (hi - lo);
        double b = lo + phi * (hi - lo);
        double fa = logLoss(scores, truth, a);
        double fb = logLoss(scores, truth, b);
        for (int i = 0; i < 40; i++) {
            if (fa < fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - phi * (hi - lo);
                fa = logLoss(scores, truth, a);
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + phi * (hi - lo);
                fb = logLoss(scores, truth, b);
            }
        }
        return (lo + hi) / 2;
    }

    /**
     * The familiarity (see {@link LinearTextModel.Familiarity}): a logistic regression of "the top label is right"
     * on the held-out messages (right or wrong as they came out) and the scrambled ones (never right), from the
     * calibrated top probability, the top raw score and the coverage. Newton's method with a light ridge, from
     * the identity (the probability as it was).
     */
    private static LinearTextModel.Familiarity fitFamiliarity(HeldOut held, double temperature) {
        List<double[]> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < held.scores().size(); i++) {
            double[] s = held.scores().get(i);
            int top = argmax(s);
            x.add(features(s, temperature, held.coverage().get(i)));
            y.add(top == held.truth().get(i) ? 1.0 : 0.0);
        }
        for (int i = 0; i < held.scrambled().size(); i++) {
            x.add(features(held.scrambled().get(i), temperature, held.scrambledCoverage().get(i)));
            y.add(0.0);
        }
        // Standardised features and a ridge on them: the scrambled messages are told apart from real ones by
        // coverage alone, and without the ridge the fit would make that a cliff instead of a slope.
        double[] mean = new double[3];
        double[] sd = new double[3];
        for (double[] xi : x) {
            for (int j = 0; j < 3; j++) {
                mean[j] += xi[j] / x.size();
            }
        }
        for (double[] xi : x) {
            for (int j = 0; j < 3; j++) {
                sd[j] += (xi[j] - mean[j]) * (xi[j] - mean[j]) / x.size();
            }
        }
        for (int j = 0; j < 3; j++) {
            sd[j] = Math.sqrt(sd[j]) < 1e-9 ? 1 : Math.sqrt(sd[j]);
        }
        List<double[]> z = new ArrayList<>(x.size());
        for (double[] xi : x) {
            z.add(new double[] { (xi[0] - mean[0]) / sd[0], (xi[1] - mean[1]) / sd[1], (xi[2] - mean[2]) / sd[2], 1 });
        }
        double[] w = { 1, 0, 0, 0 };
        double ridge = FAMILIARITY_RIDGE * x.size();
        for (int iteration = 0; iteration < 50; iteration++) {
            double[] gradient = new double[4];
            double[][] hessian = new double[4][4];
            for (int i = 0; i < z.size(); i++) {
                double[] xi = z.get(i);
                double t = 0;
                for (int j = 0; j < 4; j++) {
                    t += w[j] * xi[j];
                }
                double p = 1 / (1 + Math.exp(-t));
                for (int j = 0; j < 4; j++) {
                    gradient[j] += (p - y.get(i)) * xi[j];
                    for (int l = 0; l < 4; l++) {
                        hessian[j][l] += p * (1 - p) * xi[j] * xi[l];
                    }
                }
            }
            for (int j = 0; j < 3; j++) { // the intercept is not shrunk
                gradient[j] += ridge * w[j];
                hessian[j][j] += ridge;
            }
            double[] step = solve(hessian, gradient);
            double size = 0;
            for (int j = 0; j < 4; j++) {
                w[j] -= step[j];
                size += Math.abs(step[j]);
            }
            if (size < 1e-8) {
                break;
            }
        }
        double intercept = w[3];
        double[] raw = new double[3];
        for (int j = 0; j < 3; j++) {
            raw[j] = w[j] / sd[j];
            intercept -= w[j] * mean[j] / sd[j];
        }
        return new LinearTextModel.Familiarity(raw[0], raw[1], raw[2], intercept);
    }

    private static double[] features(double[] scores, double temperature, double coverage) {
        double[] p = LinearTextModel.softmax(scores, temperature);
        int top = argmax(scores);
        double q = Math.min(1 - 1e-6, Math.max(1e-6, p[top]));
        return new double[] { Math.log(q / (1 - q)), scores[top], coverage, 1 };
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Solves a small linear system by Gaussian elimination with partial pivoting. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = m[c];
            m[c] = m[pivot];
            m[pivot] = t;
            if (Math.abs(m[c][c]) < 1e-12) {
                continue;
            }
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    double f = m[r][c] / m[c][c];
                    for (int k = c; k <= n; k++) {
                        m[r][k] -= f * m[c][k];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.abs(m[i][i]) < 1e-12 ? 0 : m[i][n] / m[i][i];
        }
        return x;
    }

    private static double logLoss(List<double[]> scores, List<Integer> truth, double t) {
        double loss = 0;
        for (int i = 0; i < scores.size(); i++) {
            double[] p = LinearTextModel.softmax(scores.get(i), t);
            loss -= Math.log(Math.max(1e-12, p[truth.get(i)]));
        }
        return loss / scores.size();
    }
}
