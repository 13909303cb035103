package org.hotline.dispatch;

/**
 * The model behind AI dispatch, as dispatch needs it: ranked labels with calibrated confidence and the words
 * behind each. Implemented by the currently active trained model; tests about the workflow use a fake.
 * Never throws for bad text: empty, emoji-only, very long, traditional or mixed-language text all get an
 * answer, possibly an empty one.
 */
public interface Classifier {

    /** The labels ranked best first. Evidence may be left empty: most orders are dispatched without a reader. */
    Classification classify(String subject, String text);

    /**
     * The same classification with, for each ranked label, the words of the text that drove it: for a person
     * who will decide. It costs a second pass over the text, so automatic dispatch does without. When this
     * classifier cannot tell any more (another model version is served by now) the classification comes back
     * as it was.
     */
    default Classification explain(String subject, String text, Classification classification) {
        return classification;
    }
}
