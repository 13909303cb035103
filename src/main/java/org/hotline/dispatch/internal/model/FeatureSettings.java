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
 */
public record FeatureSettings(int minN, int maxN, double subjectWeight, double c, int minDf) {

    public static FeatureSettings defaults() {
        return new FeatureSettings(1, 3, 1.0, 1.0, 1);
    }
}
