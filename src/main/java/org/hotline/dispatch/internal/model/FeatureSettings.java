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
 */
public record FeatureSettings(int minN, int maxN, double subjectWeight, double c, int minDf, boolean balanced,
        double nbAlpha, double blend, double keep) {

    public static FeatureSettings defaults() {
        return new FeatureSettings(1, 3, 1.0, 2.0, 3, true, 0.3, 0.3, 0.3);
    }
}
