package org.hotline.dispatch.internal.model;

/**
 * How text becomes features and how hard the model fits them. Kept with each trained model, so a model is
 * always read the way it was trained.
 *
 * @param minN       shortest character n-gram
 * @param maxN       longest character n-gram
 * @param subjectWeight how much a subject n-gram counts against a body n-gram (0 switches subjects off)
 * @param c          the SVM's cost: higher fits the training history more closely
 * @param minDf      n-grams seen in fewer documents are dropped (typos, names)
 * @param balanced   weigh each label's errors by the inverse of its share, so rare labels count as much as
 *                   common ones (what macro-F1 measures, and what a small department deserves)
 * @param nbAlpha    0, or the smoothing of naive-Bayes log-count ratios that scale each label's features
 *                   before its SVM is fitted (NBSVM, Wang and Manning 2012); folded into the weights, so
 *                   classifying costs the same
 * @param blend      with NBSVM, the share of a plain SVM's weights mixed into the NBSVM weights (0 = NBSVM
 *                   only); both read the same features, so the mix is again one linear model
 * @param keep       the share of n-grams kept after training, those with the largest weights (1 keeps all)
 * @param maxChars   how many characters of a message's body are read when it is classified, from its start (0
 *                   reads all): a long message has said what it is about by then, and the rest would only cost
 *                   time. Training reads whole messages. A model stored before this setting existed reads it
 *                   as 0, and so classifies as it always did.
 * @param headChars  how many characters at the start of a message (after normalising) are read a second time as
 *                   features of their own: what a message is about is mostly said in its first words (its
 *                   subject, or an operator's summary), and the same n-gram weighs differently there than deep in a
 *                   story. 0 switches the head off, which is how a model stored before this setting reads it.
 * @param headWeight the length the head's features are normalised to, against 1 for the whole message: the head
 *                   is a block of its own in the TF-IDF vector, so a long story does not drown it
 * @param maxFeatures at most this many n-grams are kept after training (those with the largest weights), 0 for no
 *                   cap beyond {@code keep}: what keeps a model with many labels a few megabytes, in the database
 *                   and as the file that ships with the project. A model stored before it existed reads it as 0.
 */
public record FeatureSettings(int minN, int maxN, double subjectWeight, double c, int minDf, boolean balanced,
        double nbAlpha, double blend, double keep, int maxChars, int headChars, double headWeight, int maxFeatures) {

    /** The settings of models stored before the feature cap existed. */
    public FeatureSettings(int minN, int maxN, double subjectWeight, double c, int minDf, boolean balanced,
            double nbAlpha, double blend, double keep, int maxChars, int headChars, double headWeight) {
        this(minN, maxN, subjectWeight, c, minDf, balanced, nbAlpha, blend, keep, maxChars, headChars, headWeight, 0);
    }

    /** The settings of models stored before the head existed (and of tests that do without it). */
    public FeatureSettings(int minN, int maxN, double subjectWeight, double c, int minDf, boolean balanced,
            double nbAlpha, double blend, double keep, int maxChars) {
        this(minN, maxN, subjectWeight, c, minDf, balanced, nbAlpha, blend, keep, maxChars, 0, 0, 0);
    }

    /** Whether the head of a message is read as features of its own. */
    boolean readsHead() {
        return headChars > 0 && headWeight > 0;
    }

    /**
     * The tuned settings, measured with {@code dispatch-eval --cv 5} on the shared history (pooled macro-F1):
     * <ul>
     *   <li>The head: the first 20 characters read again as a block normalised to 0.5 lifted macro-F1 from 0.9315
     *       to 0.9383 (15 characters 0.9364, 25 0.9371; weight 0.4 0.9369, 0.6 0.9377). A message's first words
     *       are its subject or the operator's summary.</li>
     *   <li>No subject block: orders are classified from their content alone, so a model that learned from
     *       subjects would read features at training that it never sees in service (0.9383 without, 0.9378
     *       with).</li>
     *   <li>Classifying on the first 1,000 characters of a body costs nothing in accuracy (0.9315 against 0.9312
     *       reading all, before the head): it caps the work for the longest tenth of the messages, some of which
     *       run to 13,000 characters, at what an ordinary long one costs. A cap on cost, not a different model,
     *       so training still reads whole messages.</li>
     * </ul>
     */
    public static FeatureSettings defaults() {
        return new FeatureSettings(1, 3, 0.0, 2.0, 3, true, 0.3, 0.3, 0.3, 1000, 20, 0.5);
    }

    /** The part of a message's body the model reads: all of it, or its first {@link #maxChars} characters. */
    String readPart(String body) {
        if (maxChars <= 0 || body == null || body.length() <= maxChars) {
            return body;
        }
        // a character outside the BMP is not cut in half
        int end = Character.isHighSurrogate(body.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        return body.substring(0, end);
    }
}
