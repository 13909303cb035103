package org.hotline.dispatch;

/**
 * The model behind AI dispatch, as dispatch needs it: ranked labels with calibrated confidence and the words
 * behind each. Implemented by the currently active trained model; tests about the workflow use a fake.
 * Never throws for bad text: empty, emoji-only, very long, traditional or mixed-language text all get an
 * answer, possibly an empty one.
 */
public interface Classifier {

    Classification classify(String subject, String text);
}
