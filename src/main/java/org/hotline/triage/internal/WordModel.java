package org.hotline.triage.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.hotline.triage.internal.LabelledSet.Labelled;
import org.hotline.workorder.TriageOutcome;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

/**
 * The classifier triage was measured against: character 1-3-grams (binary, L2-normalised) and an L2-regularised
 * logistic regression (liblinear) trained on a labelled set, predicting the outcome alone. Used only by
 * {@code triage-eval --compare}; the rules decide in production because they measured better (README, Triage).
 */
final class WordModel {

    private final Map<String, Integer> vocabulary;
    private final Model model;

    private WordModel(Map<String, Integer> vocabulary, Model model) {
        this.vocabulary = vocabulary;
        this.model = model;
    }

    static WordModel train(List<Labelled> set) {
        Linear.disableDebugOutput();
        Map<String, Integer> vocabulary = new HashMap<>();
        for (Labelled l : set) {
            for (String g : grams(l.text())) {
                vocabulary.putIfAbsent(g, vocabulary.size() + 1);
            }
        }
        Problem problem = new Problem();
        problem.l = set.size();
        problem.n = vocabulary.size();
        problem.x = new Feature[set.size()][];
        problem.y = new double[set.size()];
        for (int i = 0; i < set.size(); i++) {
            problem.x[i] = features(set.get(i).text(), vocabulary);
            problem.y[i] = set.get(i).outcome().ordinal();
        }
        Model model = Linear.train(problem, new Parameter(SolverType.L2R_LR, 4.0, 0.01));
        return new WordModel(vocabulary, model);
    }

    TriageOutcome predict(String text) {
        return TriageOutcome.values()[(int) Linear.predict(model, features(text, vocabulary))];
    }

    private static Feature[] features(String text, Map<String, Integer> vocabulary) {
        TreeMap<Integer, Double> ids = new TreeMap<>();
        for (String g : grams(text)) {
            Integer id = vocabulary.get(g);
            if (id != null) {
                ids.put(id, 1.0);
            }
        }
        double norm = Math.sqrt(ids.size());
        List<Feature> row = new ArrayList<>(ids.size());
        ids.forEach((id, v) -> row.add(new FeatureNode(id, v / norm)));
        return row.toArray(Feature[]::new);
    }

    private static List<String> grams(String text) {
        List<String> grams = new ArrayList<>();
        String t = text.strip();
        for (int n = 1; n <= 3; n++) {
            for (int i = 0; i + n <= t.length(); i++) {
                grams.add(t.substring(i, i + n));
            }
        }
        return grams;
    }
}
