package org.hotline.dispatch.internal.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A trained linear text classifier: TF-IDF weighted character n-grams (sublinear term frequency, L2
 * normalised, as scikit-learn's {@code TfidfVectorizer(sublinear_tf=True)}) scored by one linear function per
 * label, with probabilities from a softmax whose temperature was fitted on held-out folds, so that "0.9"
 * means right nine times in ten.
 *
 * <p>Immutable and shared by all threads; each thread brings its own {@link Scratch}.
 */
public final class LinearTextModel {

    private final FeatureSettings settings;
    private final Vocabulary vocabulary;
    private final String[] labels;
    /** Feature-major: {@code weights[feature * labels + label]}, so one feature's weights sit together. */
    private final float[] weights;
    private final float[] bias;
    private final double temperature;
    /**
     * The scoring table: per known n-gram one slot of {@code stride} longs holding its hash, its idf and its
     * weight for every label, side by side. Looking an n-gram up then costs one trip to memory instead of
     * three (hash table, idf, weights), which is most of the time a message takes.
     */
    private final long[] table;
    private final int stride;

    LinearTextModel(FeatureSettings settings, Vocabulary vocabulary, String[] labels, float[] weights, float[] bias,
            double temperature) {
        this.settings = settings;
        this.vocabulary = vocabulary;
        this.labels = labels;
        this.weights = weights;
        this.bias = bias;
        this.temperature = temperature;
        this.stride = 1 + (labels.length + 2) / 2;
        this.table = weights.length == 0 ? new long[0] : pack(vocabulary, weights, labels.length, stride);
    }

    private static long[] pack(Vocabulary vocabulary, float[] weights, int k, int stride) {
        long[] hashes = vocabulary.hashesById();
        int capacity = Integer.highestOneBit(Math.max(16, hashes.length * 3 / 2)) * 2;
        long[] table = new long[capacity * stride];
        int mask = capacity - 1;
        float[] row = new float[(stride - 1) * 2];
        for (int id = 0; id < hashes.length; id++) {
            long key = hashes[id];
            int slot = (int) (key ^ (key >>> 32)) & mask;
            while (table[slot * stride] != 0) {
                slot = (slot + 1) & mask;
            }
            int base = slot * stride;
            table[base] = key;
            java.util.Arrays.fill(row, 0);
            row[0] = vocabulary.idf(id);
            System.arraycopy(weights, id * k, row, 1, k);
            for (int j = 0; j < stride - 1; j++) {
                table[base + 1 + j] = ((long) Float.floatToRawIntBits(row[2 * j]) << 32)
                        | (Float.floatToRawIntBits(row[2 * j + 1]) & 0xFFFFFFFFL);
            }
        }
        return table;
    }

    LinearTextModel withTemperature(double t) {
        return new LinearTextModel(settings, vocabulary, labels, weights, bias, t);
    }

    /** Per-thread working memory, so that classifying allocates almost nothing. */
    public static final class Scratch {
        final NgramFeatures body;
        final NgramFeatures subject;
        int[] ids = new int[1024];
        float[] values = new float[1024];
        int n;

        public Scratch(FeatureSettings s) {
            body = new NgramFeatures(s.minN(), s.maxN());
            subject = new NgramFeatures(s.minN(), s.maxN());
        }
    }

    public Scratch newScratch() {
        return new Scratch(settings);
    }

    /** One label with its calibrated probability and the n-grams of the message that pushed it most. */
    public record Guess(String label, double probability, List<String> evidence) {
    }

    /** The labels ranked by probability, best first, at most {@code k} of them, with the best one's evidence. */
    public List<Guess> classify(String subject, String body, int k, Scratch scratch) {
        return classify(subject, body, k, scratch, true);
    }

    /**
     * The labels ranked by probability, best first. Evidence costs a second pass over the text, so the hot
     * path of automatic dispatch asks for it only when a human will read it.
     */
    public List<Guess> classify(String subject, String body, int k, Scratch scratch, boolean withEvidence) {
        double[] scores = scores(subject, body, scratch);
        Integer[] order = new Integer[labels.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        double[] p = softmax(scores, temperature);
        Arrays.sort(order, Comparator.comparingDouble(i -> -p[i]));
        List<Guess> out = new ArrayList<>(Math.min(k, labels.length));
        for (int r = 0; r < Math.min(k, labels.length); r++) {
            int c = order[r];
            out.add(new Guess(labels[c], p[c], withEvidence && r == 0 ? evidence(subject, body, c, 5) : List.of()));
        }
        return out;
    }

    /**
     * Raw decision values per label (before calibration), in {@link #labels()} order. One pass: the TF-IDF
     * values are accumulated into the scores unnormalised, with their squared sum, and the L2 normalisation
     * is applied to the sums at the end (the scores are linear in the values).
     */
    public double[] scores(String subject, String body, Scratch scratch) {
        int k = labels.length;
        double[] raw = new double[k + 1];
        scratch.body.clear();
        scratch.body.add(TextNormalizer.normalize(body), NgramFeatures.BODY);
        accumulate(scratch.body, 1.0, raw);
        if (settings.subjectWeight() > 0 && subject != null && !subject.isBlank()) {
            scratch.subject.clear();
            scratch.subject.add(TextNormalizer.normalize(subject), NgramFeatures.SUBJECT);
            accumulate(scratch.subject, settings.subjectWeight(), raw);
        }
        double inv = raw[k] > 0 ? 1 / Math.sqrt(raw[k]) : 0;
        double[] s = new double[k];
        for (int c = 0; c < k; c++) {
            s[c] = bias[c] + raw[c] * inv;
        }
        return s;
    }

    /** Adds each known n-gram's weighted TF-IDF to {@code raw[0..k)} and its square to {@code raw[k]}. */
    private void accumulate(NgramFeatures features, double weight, double[] raw) {
        if (table.length == 0) {
            return;
        }
        int k = labels.length;
        int capacity = table.length / stride;
        int mask = capacity - 1;
        for (int i = 0; i < features.size(); i++) {
            long key = features.key(i);
            int slot = (int) (key ^ (key >>> 32)) & mask;
            int base;
            while (true) {
                base = slot * stride;
                long found = table[base];
                if (found == key || found == 0) {
                    break;
                }
                slot = (slot + 1) & mask;
            }
            if (table[base] == 0) {
                continue;
            }
            long first = table[base + 1];
            float idf = Float.intBitsToFloat((int) (first >>> 32));
            double v = weight * (1 + Math.log(features.count(i))) * idf;
            raw[k] += v * v;
            // Label c's weight is float number c + 1 of the slot's packed floats.
            for (int c = 0; c < k; c++) {
                int f = c + 1;
                long packed = table[base + 1 + (f >> 1)];
                float w = Float.intBitsToFloat((f & 1) == 0 ? (int) (packed >>> 32) : (int) packed);
                raw[c] += v * w;
            }
        }
    }

    /**
     * The TF-IDF vector of a message, sorted by feature id, in {@code scratch.ids/values[0..n)}: the form
     * liblinear trains on. Classifying does not need it (see {@link #scores}).
     */
    void vectorize(String subject, String body, Scratch scratch) {
        scratch.n = 0;
        scratch.body.clear();
        scratch.body.add(TextNormalizer.normalize(body), NgramFeatures.BODY);
        collect(scratch.body, 1.0, scratch);
        if (settings.subjectWeight() > 0 && subject != null && !subject.isBlank()) {
            scratch.subject.clear();
            scratch.subject.add(TextNormalizer.normalize(subject), NgramFeatures.SUBJECT);
            collect(scratch.subject, settings.subjectWeight(), scratch);
        }
        double norm = 0;
        for (int i = 0; i < scratch.n; i++) {
            norm += scratch.values[i] * scratch.values[i];
        }
        if (norm > 0) {
            float inv = (float) (1 / Math.sqrt(norm));
            for (int i = 0; i < scratch.n; i++) {
                scratch.values[i] *= inv;
            }
        }
        sortById(scratch);
    }

    private void collect(NgramFeatures features, double weight, Scratch scratch) {
        for (int i = 0; i < features.size(); i++) {
            int id = vocabulary.id(features.key(i));
            if (id < 0) {
                continue;
            }
            if (scratch.n == scratch.ids.length) {
                scratch.ids = Arrays.copyOf(scratch.ids, scratch.n * 2);
                scratch.values = Arrays.copyOf(scratch.values, scratch.n * 2);
            }
            scratch.ids[scratch.n] = id;
            scratch.values[scratch.n] = (float) (weight * (1 + Math.log(features.count(i))) * vocabulary.idf(id));
            scratch.n++;
        }
    }

    /** Sorts the (id, value) pairs by id, as liblinear wants them. */
    private static void sortById(Scratch s) {
        long[] packed = new long[s.n];
        for (int i = 0; i < s.n; i++) {
            packed[i] = ((long) s.ids[i] << 32) | (Float.floatToRawIntBits(s.values[i]) & 0xFFFFFFFFL);
        }
        Arrays.sort(packed);
        for (int i = 0; i < s.n; i++) {
            s.ids[i] = (int) (packed[i] >>> 32);
            s.values[i] = Float.intBitsToFloat((int) packed[i]);
        }
    }

    /**
     * The n-grams of the message that add most to the label's score: what a dispatcher sees as "why". Read
     * off the message itself, so they are always words the citizen wrote.
     */
    List<String> evidence(String subject, String body, int label, int howMany) {
        int[] cps = TextNormalizer.normalize(body);
        record Hit(String text, double weight) {
        }
        List<Hit> hits = new ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        int k = labels.length;
        for (int n = Math.max(2, settings.minN()); n <= settings.maxN(); n++) {
            for (int start = 0; start + n <= cps.length; start++) {
                long h = NgramFeatures.hash(cps, start, n, NgramFeatures.BODY);
                if (!seen.add(h)) {
                    continue;
                }
                int id = vocabulary.id(h);
                if (id < 0) {
                    continue;
                }
                double w = weights[id * k + label] * vocabulary.idf(id);
                if (w > 0) {
                    hits.add(new Hit(new String(cps, start, n), w));
                }
            }
        }
        hits.sort(Comparator.comparingDouble(h -> -h.weight()));
        List<String> out = new ArrayList<>();
        for (Hit h : hits) {
            if (out.size() == howMany) {
                break;
            }
            if (out.stream().noneMatch(o -> o.contains(h.text()) || h.text().contains(o))) {
                out.add(h.text());
            }
        }
        return out;
    }

    static double[] softmax(double[] scores, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        double sum = 0;
        double[] p = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            p[i] = Math.exp((scores[i] - max) / temperature);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    public String[] labels() {
        return labels.clone();
    }

    public FeatureSettings settings() {
        return settings;
    }

    public double temperature() {
        return temperature;
    }

    Vocabulary vocabulary() {
        return vocabulary;
    }

    float[] weights() {
        return weights;
    }

    float[] bias() {
        return bias;
    }

    /** Approximate bytes of heap the model's arrays take. */
    public long heapBytes() {
        return vocabulary.bytes() + weights.length * 4L + bias.length * 4L + table.length * 8L;
    }
}
