package org.hotline.dispatch.internal.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Stratified folds: every label is spread evenly over the folds, in a shuffled but repeatable order. */
public final class Folds {

    private Folds() {
    }

    public static List<List<TrainingExample>> stratified(List<TrainingExample> examples, int k, long seed) {
        Map<String, List<TrainingExample>> byLabel = new LinkedHashMap<>();
        for (TrainingExample e : examples) {
            byLabel.computeIfAbsent(e.label(), l -> new ArrayList<>()).add(e);
        }
        List<List<TrainingExample>> folds = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            folds.add(new ArrayList<>());
        }
        Random random = new Random(seed);
        int next = 0;
        for (List<TrainingExample> group : byLabel.values()) {
            List<TrainingExample> shuffled = new ArrayList<>(group);
            Collections.shuffle(shuffled, random);
            for (TrainingExample e : shuffled) {
                folds.get(next).add(e);
                next = (next + 1) % k;
            }
        }
        return folds;
    }

    /** The examples of every fold but {@code held}: what a model is trained on when fold {@code held} tests it. */
    public static List<TrainingExample> allBut(List<List<TrainingExample>> folds, int held) {
        List<TrainingExample> train = new ArrayList<>();
        for (int g = 0; g < folds.size(); g++) {
            if (g != held) {
                train.addAll(folds.get(g));
            }
        }
        return train;
    }
}
