package org.hotline.dispatch.internal.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
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
     * How far the calibrated top probability is to be trusted for this message, from how much of it the model
     * knows (see {@link Familiarity}); null for a model trained before it existed, which scales nothing.
     */
    private final Familiarity familiarity;
    /**
     * The scoring table: per known n-gram one slot of {@code stride} ints holding a 32-bit fingerprint of its
     * hash, then its weight for every label and last its idf as bfloat16 (the upper half of a float: three
     * significant digits, plenty for a linear score), two to an int. Looking an n-gram up then costs one trip
     * to memory instead of three (hash table, idf, weights), and the table is small enough to stay mostly in
     * the processor's cache. The exact float weights stay in {@link #weights} for training and for storage.
     */
    private final int[] table;
    private final int stride;
    private final int slotMask;
    /**
     * One bit per hash bucket saying whether any known n-gram falls in it: most n-grams of a message are not in
     * the vocabulary (pruning keeps the weighty ones), and this 256 KB filter, small enough to stay in the
     * processor's cache, rules most of them out before their slot in the much larger table is fetched from
     * memory. About one unknown n-gram in ten passes it and is then found missing in the table as before.
     */
    private final long[] known;
    private static final int KNOWN_BITS = 21;
    /** How many n-grams' slots are fetched together (see {@link #accumulate}). */
    private static final int BLOCK = 32;

    LinearTextModel(FeatureSettings settings, Vocabulary vocabulary, String[] labels, float[] weights, float[] bias,
            double temperature) {
        this(settings, vocabulary, labels, weights, bias, temperature, null);
    }

    LinearTextModel(FeatureSettings settings, Vocabulary vocabulary, String[] labels, float[] weights, float[] bias,
            double temperature, Familiarity familiarity) {
        this.familiarity = familiarity;
        this.settings = settings;
        this.vocabulary = vocabulary;
        this.labels = labels;
        this.weights = weights;
        this.bias = bias;
        this.temperature = temperature;
        this.stride = 1 + (labels.length + 2) / 2;
        int capacity = Integer.highestOneBit(Math.max(16, vocabulary.size() * 3 / 2)) * 2;
        this.slotMask = capacity - 1;
        this.table = weights.length == 0 ? new int[0] : pack(vocabulary, weights, labels.length, stride, capacity);
        this.known = knownFilter(vocabulary);
    }

    private static long[] knownFilter(Vocabulary vocabulary) {
        long[] bits = new long[(1 << KNOWN_BITS) / 64];
        for (long key : vocabulary.hashesById()) {
            int b = knownBit(key);
            bits[b >>> 6] |= 1L << b;
        }
        return bits;
    }

    /** The filter bit of an n-gram hash, from bits the table's slot and fingerprint use differently. */
    private static int knownBit(long key) {
        return (int) (key >>> 20) & ((1 << KNOWN_BITS) - 1);
    }

    private LinearTextModel(LinearTextModel other, double temperature, Familiarity familiarity) {
        this.familiarity = familiarity;
        this.settings = other.settings;
        this.vocabulary = other.vocabulary;
        this.labels = other.labels;
        this.weights = other.weights;
        this.bias = other.bias;
        this.temperature = temperature;
        this.stride = other.stride;
        this.slotMask = other.slotMask;
        this.table = other.table;
        this.known = other.known;
    }

    /** The same model with calibrated probabilities; shares everything else. */
    LinearTextModel withTemperature(double t) {
        return new LinearTextModel(this, t, familiarity);
    }

    /** The same model with its confidence scaled by how familiar a message is; shares everything else. */
    LinearTextModel withFamiliarity(Familiarity f) {
        return new LinearTextModel(this, temperature, f);
    }

    /**
     * "No confident nonsense": the probability that the top label is right, as a logistic function of the
     * calibrated top probability (as a logit), the top raw score (a message no label's SVM claims scores low on
     * all of them, which the softmax hides) and the coverage (the share of the message's n-grams the model
     * knows: gibberish, foreign or off-topic text shares few). Fitted on held-out messages together with
     * scrambled ones that belong to no label (see {@code Trainer}). Every label's probability is scaled by the
     * same factor, so the ranking stays and the rest of the mass means "none of these".
     */
    public record Familiarity(double probabilityLogit, double topScore, double coverage, double intercept) {

        /** The calibrated chance that the top label is right. */
        double chance(double topProbability, double topRawScore, double coverage) {
            double p = Math.min(1 - 1e-6, Math.max(1e-6, topProbability));
            double z = probabilityLogit * Math.log(p / (1 - p)) + topScore * topRawScore + this.coverage * coverage
                    + intercept;
            return 1 / (1 + Math.exp(-z));
        }

        /** The factor every probability of a message is multiplied by: at most 1, never raising them. */
        double scale(double topProbability, double topRawScore, double coverage) {
            if (topProbability <= 0) {
                return 1;
            }
            return Math.min(1, chance(topProbability, topRawScore, coverage) / topProbability);
        }
    }

    public Familiarity familiarity() {
        return familiarity;
    }

    /**
     * The calibrated probabilities of every label for a message, in {@link #labels()} order, scaled by its
     * familiarity: they sum to less than 1 when the model does not know the message well.
     */
    public double[] probabilities(String subject, String body, Scratch scratch) {
        double[] s = scores(subject, body, scratch);
        double[] p = softmax(s, temperature);
        if (familiarity != null) {
            int top = 0;
            for (int i = 1; i < p.length; i++) {
                if (p[i] > p[top]) {
                    top = i;
                }
            }
            double f = familiarity.scale(p[top], s[top], scratch.coverage);
            for (int i = 0; i < p.length; i++) {
                p[i] *= f;
            }
        }
        return p;
    }

    private static final double[] SUBLINEAR = new double[64];

    static {
        for (int i = 1; i < SUBLINEAR.length; i++) {
            SUBLINEAR[i] = 1 + Math.log(i);
        }
    }

    /** Sublinear term frequency, 1 + ln(tf), from a table for the counts that occur in practice. */
    static double sublinear(int count) {
        return count < SUBLINEAR.length ? SUBLINEAR[count] : 1 + Math.log(count);
    }

    /** The slot an n-gram hash starts probing at, from its low bits. */
    private static int slotOf(long key, int mask) {
        return (int) key & mask;
    }

    /** The fingerprint stored for an n-gram hash, from its high bits (never 0, which marks an empty slot). */
    private static int fingerprintOf(long key) {
        int f = (int) (key >>> 32);
        return f == 0 ? 1 : f;
    }

    private static int bfloat16(float value) {
        return Float.floatToRawIntBits(value) >>> 16;
    }

    private static int[] pack(Vocabulary vocabulary, float[] weights, int k, int stride, int capacity) {
        long[] hashes = vocabulary.hashesById();
        int[] table = new int[capacity * stride];
        int mask = capacity - 1;
        int[] halves = new int[(stride - 1) * 2];
        for (int id = 0; id < hashes.length; id++) {
            long key = hashes[id];
            int slot = slotOf(key, mask);
            while (table[slot * stride] != 0) {
                slot = (slot + 1) & mask;
            }
            int base = slot * stride;
            table[base] = fingerprintOf(key);
            java.util.Arrays.fill(halves, 0);
            for (int c = 0; c < k; c++) {
                halves[c] = bfloat16(weights[id * k + c]);
            }
            halves[k] = bfloat16(vocabulary.idf(id));
            for (int j = 0; j < stride - 1; j++) {
                table[base + 1 + j] = (halves[2 * j] << 16) | halves[2 * j + 1];
            }
        }
        return table;
    }

    /** Per-thread working memory, so that classifying allocates almost nothing. */
    public static final class Scratch {
        final NgramFeatures body;
        final NgramFeatures subject;
        final TextNormalizer.CodePoints text = new TextNormalizer.CodePoints();
        int[] ids = new int[1024];
        float[] values = new float[1024];
        int n;
        long[] candidates = new long[4096];
        final int[] firsts = new int[BLOCK];
        private double[] raw = new double[0];
        private double[] head = new double[0];
        /** After {@link LinearTextModel#scores}: the share of the body's n-grams the model knows. */
        double coverage;
        private long ngrams;
        private long known;

        /** The coverage of the message last scored with this scratch. */
        public double coverage() {
            return coverage;
        }

        public Scratch(FeatureSettings s) {
            body = new NgramFeatures(s.minN(), s.maxN());
            subject = new NgramFeatures(s.minN(), s.maxN());
        }

        /** Zeroed sums for {@code k} labels and the squared norm. */
        double[] raw(int k) {
            raw = zeroed(raw, k + 1);
            return raw;
        }

        /** Zeroed sums of the head's block. */
        double[] head(int k) {
            head = zeroed(head, k + 1);
            return head;
        }

        private static double[] zeroed(double[] a, int n) {
            if (a.length != n) {
                return new double[n];
            }
            Arrays.fill(a, 0);
            return a;
        }
    }

    public Scratch newScratch() {
        return new Scratch(settings);
    }

    /** One label and its index in {@link #labels()}, with its calibrated probability. */
    public record Guess(int index, String label, double probability) {
    }

    /**
     * The labels ranked by probability, best first, at most {@code k} of them. The words behind them are read
     * separately ({@link #evidence}), only for orders a person will decide: they cost a second pass over the
     * text.
     */
    public List<Guess> classify(String subject, String body, int k, Scratch scratch) {
        double[] p = probabilities(subject, body, scratch);
        // every label, most probable first; of equal ones the first (a stable insertion sort: a few dozen labels)
        int[] ranked = new int[labels.length];
        for (int i = 0; i < ranked.length; i++) {
            int at = i;
            while (at > 0 && Double.compare(-p[ranked[at - 1]], -p[i]) > 0) {
                ranked[at] = ranked[at - 1];
                at--;
            }
            ranked[at] = i;
        }
        int top = Math.min(k, labels.length);
        List<Guess> out = new ArrayList<>(top);
        for (int r = 0; r < top; r++) {
            out.add(new Guess(ranked[r], labels[ranked[r]], p[ranked[r]]));
        }
        return out;
    }

    /** How many words of evidence a dispatcher sees per label. */
    static final int EVIDENCE_WORDS = 5;

    /** A word of evidence weighs at least this share of the strongest word for the label. */
    static final double WEAKEST_SHARE = 0.2;

    /**
     * Raw decision values per label (before calibration), in {@link #labels()} order. One pass: the TF-IDF
     * values are accumulated into the scores unnormalised, with their squared sum, and the L2 normalisation
     * is applied to the sums at the end (the scores are linear in the values). The head, when the model reads
     * one, is a block of its own, normalised to {@link FeatureSettings#headWeight} apart from the rest.
     */
    public double[] scores(String subject, String body, Scratch scratch) {
        int k = labels.length;
        double[] raw = scratch.raw(k);
        TextNormalizer.normalize(settings.readPart(body), scratch.text);
        int length = scratch.text.length;
        scratch.ngrams = 0;
        scratch.known = 0;
        accumulate(scratch.text.codePoints, length, NgramFeatures.BODY, 1.0, raw, scratch);
        scratch.coverage = scratch.ngrams == 0 ? 0 : (double) scratch.known / scratch.ngrams;
        double[] s = new double[k];
        if (settings.readsHead()) {
            double[] head = scratch.head(k);
            accumulate(scratch.text.codePoints, Math.min(length, settings.headChars()), NgramFeatures.HEAD, 1.0, head,
                    scratch);
            double inv = head[k] > 0 ? settings.headWeight() / Math.sqrt(head[k]) : 0;
            for (int c = 0; c < k; c++) {
                s[c] = head[c] * inv;
            }
        }
        if (settings.subjectWeight() > 0 && subject != null && !subject.isBlank()) {
            TextNormalizer.normalize(subject, scratch.text);
            accumulate(scratch.text.codePoints, scratch.text.length, NgramFeatures.SUBJECT, settings.subjectWeight(),
                    raw, scratch);
        }
        double inv = raw[k] > 0 ? 1 / Math.sqrt(raw[k]) : 0;
        for (int c = 0; c < k; c++) {
            s[c] += bias[c] + raw[c] * inv;
        }
        return s;
    }

    /**
     * Adds each known n-gram of {@code cps[0, length)}'s weighted TF-IDF to {@code raw[0..k)} and its square to
     * {@code raw[k]}. The n-grams are hashed straight from the code points, and only those the presence filter
     * lets through are counted and looked up: about half of a message's n-grams are unknown to the model, and counting them
     * only to find them missing cost as much as the look-ups themselves.
     */
    private void accumulate(int[] cps, int length, long seed, double weight, double[] raw, Scratch scratch) {
        if (table.length == 0) {
            return;
        }
        int minN = settings.minN();
        int maxN = settings.maxN();
        int most = length * Math.max(0, maxN - minN + 1);
        if (scratch.candidates.length < most) {
            scratch.candidates = new long[Integer.highestOneBit(most) * 2];
        }
        long[] candidates = scratch.candidates;
        int m = minN == 1 && maxN == 3 ? knownOneToThreeGrams(cps, length, seed, candidates)
                : knownNgrams(cps, length, seed, minN, maxN, candidates);
        NgramFeatures features = scratch.body;
        features.clear();
        features.addHashes(candidates, m);
        int k = labels.length;
        int distinct = features.size();
        int[] firsts = scratch.firsts;
        boolean counting = seed == NgramFeatures.BODY;
        if (counting) {
            for (int n = minN; n <= maxN; n++) {
                scratch.ngrams += Math.max(0, length - n + 1);
            }
        }
        for (int block = 0; block < distinct; block += BLOCK) {
            int end = Math.min(distinct, block + BLOCK);
            // The first word of each n-gram's slot, fetched for a block of n-grams at once: the loads do not
            // wait for each other, so the processor has them all on the way from memory together.
            for (int i = block; i < end; i++) {
                firsts[i - block] = table[slotOf(features.key(i), slotMask) * stride];
            }
            for (int i = block; i < end; i++) {
                long key = features.key(i);
                int fingerprint = fingerprintOf(key);
                int slot = slotOf(key, slotMask);
                int base = slot * stride;
                int found = firsts[i - block];
                while (found != fingerprint && found != 0) {
                    slot = (slot + 1) & slotMask;
                    base = slot * stride;
                    found = table[base];
                }
                if (found == 0) {
                    continue;
                }
                if (counting) {
                    scratch.known += features.count(i);
                }
                double v = weight * sublinear(features.count(i)) * half(table[base + 1 + (k >> 1)], k);
                raw[k] += v * v;
                // Labels c and c + 1 share an int: upper and lower half.
                int c = 0;
                for (int at = base + 1; c + 1 < k; c += 2, at++) {
                    int packed = table[at];
                    raw[c] += v * Float.intBitsToFloat(packed & 0xFFFF0000);
                    raw[c + 1] += v * Float.intBitsToFloat(packed << 16);
                }
                if (c < k) {
                    raw[c] += v * Float.intBitsToFloat(table[base + 1 + (c >> 1)] & 0xFFFF0000);
                }
            }
        }
    }

    /**
     * Puts the hashes of the n-grams of {@code cps[0, length)} that the presence filter lets through into
     * {@code candidates} and returns how many there are.
     */
    private int knownNgrams(int[] cps, int length, long seed, int minN, int maxN, long[] candidates) {
        int m = 0;
        for (int start = 0; start < length; start++) {
            long h = seed;
            int end = Math.min(length, start + maxN);
            for (int p = start; p < end; p++) {
                int n = p - start + 1;
                h = NgramFeatures.mix(h, cps[p], n);
                if (n >= minN) {
                    m = keepIfKnown(h, candidates, m);
                }
            }
        }
        return m;
    }

    /** {@link #knownNgrams} for the tuned 1- to 3-grams, written out: 7% of classifying went to the loop. */
    private int knownOneToThreeGrams(int[] cps, int length, long seed, long[] candidates) {
        int m = 0;
        for (int start = 0; start < length; start++) {
            long h1 = NgramFeatures.mix(seed, cps[start], 1);
            m = keepIfKnown(h1, candidates, m);
            if (start + 1 < length) {
                long h2 = NgramFeatures.mix(h1, cps[start + 1], 2);
                m = keepIfKnown(h2, candidates, m);
                if (start + 2 < length) {
                    m = keepIfKnown(NgramFeatures.mix(h2, cps[start + 2], 3), candidates, m);
                }
            }
        }
        return m;
    }

    /**
     * Writes the hash at {@code candidates[m]} and returns m + 1 when its filter bit is set, else m: without a
     * branch, which the processor would guess wrong for every other n-gram.
     */
    private int keepIfKnown(long hash, long[] candidates, int m) {
        int b = knownBit(hash);
        candidates[m] = hash;
        return m + ((int) (known[b >>> 6] >>> b) & 1);
    }

    /** Half number {@code h} of a slot's packed halves: even ones are the upper half of their int. */
    private static float half(int packed, int h) {
        return Float.intBitsToFloat((h & 1) == 0 ? packed & 0xFFFF0000 : packed << 16);
    }

    /**
     * The TF-IDF vector of a message, sorted by feature id, in {@code scratch.ids/values[0..n)}: the form
     * liblinear trains on. Classifying does not need it (see {@link #scores}).
     */
    void vectorize(String subject, String body, Scratch scratch) {
        scratch.n = 0;
        int[] cps = TextNormalizer.normalize(body);
        scratch.body.clear();
        scratch.body.add(cps, NgramFeatures.BODY);
        collect(scratch.body, 1.0, scratch);
        if (settings.subjectWeight() > 0 && subject != null && !subject.isBlank()) {
            scratch.subject.clear();
            scratch.subject.add(TextNormalizer.normalize(subject), NgramFeatures.SUBJECT);
            collect(scratch.subject, settings.subjectWeight(), scratch);
        }
        normalise(scratch, 0, 1.0);
        if (settings.readsHead()) {
            int from = scratch.n;
            scratch.body.clear();
            scratch.body.add(headOf(cps, settings.headChars()), NgramFeatures.HEAD);
            collect(scratch.body, 1.0, scratch);
            normalise(scratch, from, settings.headWeight());
        }
        sortById(scratch);
    }

    /** The first {@code chars} code points of a normalised message. */
    static int[] headOf(int[] cps, int chars) {
        return cps.length <= chars ? cps : Arrays.copyOf(cps, chars);
    }

    /** Scales {@code values[from, n)} to the L2 length {@code to}. */
    private static void normalise(Scratch scratch, int from, double to) {
        double norm = 0;
        for (int i = from; i < scratch.n; i++) {
            norm += scratch.values[i] * scratch.values[i];
        }
        if (norm > 0) {
            float scale = (float) (to / Math.sqrt(norm));
            for (int i = from; i < scratch.n; i++) {
                scratch.values[i] *= scale;
            }
        }
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
            scratch.values[scratch.n] = (float) (weight * sublinear(features.count(i)) * vocabulary.idf(id));
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
     * For each label named (by its index in {@link #labels()}), the n-grams of the message that weigh most for
     * it: what a dispatcher sees as "why". Read off the message itself, so they are always words the citizen
     * wrote as they wrote them, and found in one pass over the text however many labels are asked about. Each
     * is ranked by its weight as a word of the message; what it adds again as part of the head is not counted,
     * so a word at the start ranks as it would anywhere. Single characters are left out (they say little to a
     * person), and so is an n-gram that contains or is contained in a better one.
     */
    public List<List<String>> evidence(String body, int[] labelIndexes, int howMany) {
        String read = body == null ? "" : settings.readPart(body);
        int[] cps = TextNormalizer.normalize(read);
        // an n-gram can join characters the normaliser brought together across punctuation or spaces, or
        // stand for other digits: only what appears as written is shown
        String written = read.toLowerCase(Locale.ROOT);
        int k = labels.length;
        int asked = labelIndexes.length;
        // the best few candidates per label, kept in small arrays: (weight, start, length, hash)
        int room = howMany * 4;
        double[][] bestWeight = new double[asked][room];
        int[][] bestStart = new int[asked][room];
        int[][] bestLength = new int[asked][room];
        long[][] bestHash = new long[asked][room];
        int[] filled = new int[asked];
        for (int n = Math.max(2, settings.minN()); n <= settings.maxN(); n++) {
            for (int start = 0; start + n <= cps.length; start++) {
                long h = NgramFeatures.hash(cps, start, n, NgramFeatures.BODY);
                int id = vocabulary.id(h);
                if (id < 0) {
                    continue;
                }
                float idf = vocabulary.idf(id);
                for (int a = 0; a < asked; a++) {
                    double w = weights[id * k + labelIndexes[a]] * idf;
                    if (w > 0) {
                        offer(w, start, n, h, bestWeight[a], bestStart[a], bestLength[a], bestHash[a], filled, a);
                    }
                }
            }
        }
        List<List<String>> out = new ArrayList<>(asked);
        for (int a = 0; a < asked; a++) {
            Integer[] order = new Integer[filled[a]];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            double[] w = bestWeight[a];
            Arrays.sort(order, Comparator.comparingDouble(i -> -w[i]));
            List<String> words = new ArrayList<>(howMany);
            for (int i : order) {
                if (words.size() == howMany) {
                    break;
                }
                String word = new String(cps, bestStart[a][i], bestLength[a][i]);
                if (written.contains(word) && words.stream().noneMatch(o -> o.contains(word) || word.contains(o))) {
                    words.add(word);
                }
            }
            out.add(List.copyOf(words));
        }
        return out;
    }

    /**
     * For each label named (by its index in {@link #labels()}), the whole words of the message that weigh most
     * for it, as a segmenter cuts them ({@link Words}): what a dispatcher sees as "why". A word weighs what its
     * character 2- and 3-grams weigh for the label in the body's features; words that say nothing (function and
     * time words), numbers and single characters are left out, and so is a word contained in a better one.
     */
    public List<List<String>> wordEvidence(String body, int[] labelIndexes, int howMany) {
        String read = body == null ? "" : settings.readPart(body);
        int k = labels.length;
        int asked = labelIndexes.length;
        // each telling word once, in the order it first occurs, with what it weighs for each label asked about:
        // weight[w * asked + a]
        List<String> words = Words.tellingWords(read);
        double[] weight = new double[words.size() * asked];
        TextNormalizer.CodePoints cps = new TextNormalizer.CodePoints(32);
        for (int w = 0; w < words.size(); w++) {
            int at = w * asked;
            TextNormalizer.normalize(words.get(w), cps);
            for (int n = Math.max(2, settings.minN()); n <= settings.maxN(); n++) {
                for (int start = 0; start + n <= cps.length; start++) {
                    int id = vocabulary.id(NgramFeatures.hash(cps.codePoints, start, n, NgramFeatures.BODY));
                    if (id < 0) {
                        continue;
                    }
                    float idf = vocabulary.idf(id);
                    for (int a = 0; a < asked; a++) {
                        weight[at + a] += weights[id * k + labelIndexes[a]] * idf;
                    }
                }
            }
        }
        int n = words.size();
        int[] ranked = new int[n];
        List<List<String>> out = new ArrayList<>(asked);
        for (int a = 0; a < asked; a++) {
            double strongest = 0;
            for (int w = 0; w < n; w++) {
                strongest = w == 0 ? weight[a] : Math.max(strongest, weight[w * asked + a]);
            }
            // a word that weighs a fifth of the strongest or less is noise to a reader, not a reason; the others
            // strongest first, of equal ones the first in the text
            int m = 0;
            for (int w = 0; w < n; w++) {
                double v = weight[w * asked + a];
                if (v > 0 && v >= strongest * WEAKEST_SHARE) {
                    int i = m++;
                    while (i > 0 && Double.compare(-weight[ranked[i - 1] * asked + a], -v) > 0) {
                        ranked[i] = ranked[i - 1];
                        i--;
                    }
                    ranked[i] = w;
                }
            }
            List<String> chosen = new ArrayList<>(howMany);
            for (int r = 0; r < m && chosen.size() < howMany; r++) {
                String word = words.get(ranked[r]);
                if (!overlapsAny(chosen, word)) {
                    chosen.add(word);
                }
            }
            out.add(List.copyOf(chosen));
        }
        return out;
    }

    /** Whether {@code word} contains or is contained in one of {@code words}. */
    private static boolean overlapsAny(List<String> words, String word) {
        for (String other : words) {
            if (other.contains(word) || word.contains(other)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Keeps an n-gram among a label's best candidates: an n-gram seen before is not counted twice, and when the
     * room is full the weakest candidate makes way for a stronger one.
     */
    private static void offer(double weight, int start, int length, long hash, double[] weights, int[] starts,
            int[] lengths, long[] hashes, int[] filled, int a) {
        int n = filled[a];
        int weakest = -1;
        for (int i = 0; i < n; i++) {
            if (hashes[i] == hash) {
                return;
            }
            if (weakest < 0 || weights[i] < weights[weakest]) {
                weakest = i;
            }
        }
        int at;
        if (n < weights.length) {
            at = n;
            filled[a] = n + 1;
        } else if (weights[weakest] < weight) {
            at = weakest;
        } else {
            return;
        }
        weights[at] = weight;
        starts[at] = start;
        lengths[at] = length;
        hashes[at] = hash;
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
        return vocabulary.bytes() + weights.length * 4L + bias.length * 4L + table.length * 4L;
    }
}
