package org.hotline.dispatch.internal.model;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Whether a model's confidence can be taken at its word, on messages it has not seen: "0.9" should be right
 * nine times in ten, because the threshold for dispatching without a person is stated in it. Collects each
 * message's top confidence and whether the top label was right, and gives the expected calibration error
 * (the gap between confidence and accuracy, averaged over ten bins of confidence weighted by their messages)
 * and what a threshold would dispatch automatically and how often rightly.
 */
public final class Calibration {

    private static final int BINS = 10;

    private double[] confidences = new double[256];
    private boolean[] correct = new boolean[256];
    private int n;

    public void add(double topConfidence, boolean topWasRight) {
        if (n == confidences.length) {
            confidences = java.util.Arrays.copyOf(confidences, n * 2);
            correct = java.util.Arrays.copyOf(correct, n * 2);
        }
        confidences[n] = topConfidence;
        correct[n] = topWasRight;
        n++;
    }

    /** The weighted mean gap between confidence and accuracy over ten bins of confidence. */
    public double expectedError() {
        int[] count = new int[BINS];
        int[] right = new int[BINS];
        double[] confidence = new double[BINS];
        for (int i = 0; i < n; i++) {
            int bin = Math.min(BINS - 1, (int) (confidences[i] * BINS));
            count[bin]++;
            right[bin] += correct[i] ? 1 : 0;
            confidence[bin] += confidences[i];
        }
        double error = 0;
        for (int b = 0; b < BINS; b++) {
            if (count[b] > 0) {
                error += Math.abs(confidence[b] / count[b] - (double) right[b] / count[b]) * count[b] / n;
            }
        }
        return error;
    }

    /** The share of messages whose confidence reaches {@code threshold}: those dispatched without a person. */
    public double shareAtLeast(double threshold) {
        int m = 0;
        for (int i = 0; i < n; i++) {
            m += confidences[i] >= threshold ? 1 : 0;
        }
        return n == 0 ? 0 : (double) m / n;
    }

    /** How often the top label is right among messages whose confidence reaches {@code threshold}. */
    public double accuracyAtLeast(double threshold) {
        int m = 0;
        int r = 0;
        for (int i = 0; i < n; i++) {
            if (confidences[i] >= threshold) {
                m++;
                r += correct[i] ? 1 : 0;
            }
        }
        return m == 0 ? 0 : (double) r / m;
    }

    public void print(PrintStream out, double threshold) {
        out.printf(Locale.ROOT, "calibration_error=%.4f%n", expectedError());
        out.printf(Locale.ROOT, "confident_share=%.4f confident_accuracy=%.4f (confidence >= %.2f, what dispatches "
                + "without a person)%n", shareAtLeast(threshold), accuracyAtLeast(threshold), threshold);
    }
}
