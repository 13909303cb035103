package org.hotline.dispatch.internal.model;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Accuracy, per-label precision/recall/F1, macro-F1 and the confusion matrix of predictions against the
 * truth; the figures the dispatch-eval command prints.
 */
public final class Evaluation {

    private final String[] labels;
    private final int[][] confusion;
    private int total;
    private int correct;

    public Evaluation(List<String> labels) {
        this.labels = new TreeSet<>(labels).toArray(String[]::new);
        this.confusion = new int[this.labels.length][this.labels.length];
    }

    public void add(String truth, String predicted) {
        int t = Arrays.binarySearch(labels, truth);
        int p = Arrays.binarySearch(labels, predicted);
        if (t < 0) {
            throw new IllegalArgumentException("unknown label " + truth);
        }
        total++;
        if (p >= 0) {
            confusion[t][p]++;
            if (t == p) {
                correct++;
            }
        }
    }

    public void addAll(Evaluation other) {
        for (int t = 0; t < labels.length; t++) {
            for (int p = 0; p < labels.length; p++) {
                confusion[t][p] += other.confusion[t][p];
            }
        }
        total += other.total;
        correct += other.correct;
    }

    public double accuracy() {
        return total == 0 ? 0 : (double) correct / total;
    }

    public double precision(int c) {
        int predicted = 0;
        for (int[] row : confusion) {
            predicted += row[c];
        }
        return predicted == 0 ? 0 : (double) confusion[c][c] / predicted;
    }

    public double recall(int c) {
        int actual = Arrays.stream(confusion[c]).sum();
        return actual == 0 ? 0 : (double) confusion[c][c] / actual;
    }

    public double f1(int c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** The unweighted mean of the per-label F1 over labels that occur in the truth. */
    public double macroF1() {
        List<Double> f = new ArrayList<>();
        for (int c = 0; c < labels.length; c++) {
            if (Arrays.stream(confusion[c]).sum() > 0) {
                f.add(f1(c));
            }
        }
        return f.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "%-16s %9s %9s %9s %8s%n", "label", "precision", "recall", "f1", "support");
        for (int c = 0; c < labels.length; c++) {
            out.printf(Locale.ROOT, "%-16s %9.4f %9.4f %9.4f %8d%n", labels[c], precision(c), recall(c), f1(c),
                    Arrays.stream(confusion[c]).sum());
        }
        out.println();
        out.println("confusion matrix (rows: true label, columns: predicted, in the order above)");
        for (int t = 0; t < labels.length; t++) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-16s", labels[t]));
            for (int p = 0; p < labels.length; p++) {
                row.append(String.format(Locale.ROOT, " %6d", confusion[t][p]));
            }
            out.println(row);
        }
        out.println();
        out.printf(Locale.ROOT, "accuracy=%.4f%n", accuracy());
        out.printf(Locale.ROOT, "macro_f1=%.4f%n", macroF1());
    }

    public List<String> labels() {
        return List.of(labels);
    }
}
