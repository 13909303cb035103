package org.hotline.dispatch.internal.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

import org.hotline.dispatch.Classification;
import org.hotline.dispatch.Classifier;
import org.hotline.dispatch.LabelKind;
import org.hotline.dispatch.Suggestion;

/**
 * One trained model version as dispatch sees it: the server serves the active version through this, and the
 * dispatch benchmark measures exactly this path. Text with nothing to go on (empty, emoji only) gets an empty
 * ranking. Thread-safe: each thread classifies with its own scratch memory.
 */
public final class TrainedClassifier implements Classifier {

    private final String version;
    private final LabelKind kind;
    private final LinearTextModel model;
    /** The label a suggestion carries for each of the model's labels (a history's names can map to codes). */
    private final String[] shown;
    private final Map<String, Integer> indexOfShown = new HashMap<>();
    private final ThreadLocal<LinearTextModel.Scratch> scratch;
    private final int top;

    public TrainedClassifier(String version, LabelKind kind, LinearTextModel model, int top) {
        this(version, kind, model, top, UnaryOperator.identity());
    }

    /** {@code shownAs} turns the model's labels into the ones suggestions carry (the benchmark maps names to codes). */
    public TrainedClassifier(String version, LabelKind kind, LinearTextModel model, int top,
            UnaryOperator<String> shownAs) {
        this.version = Objects.requireNonNull(version, "version");
        this.kind = kind;
        this.model = Objects.requireNonNull(model, "model");
        this.top = top;
        String[] labels = model.labels();
        this.shown = new String[labels.length];
        for (int i = 0; i < labels.length; i++) {
            shown[i] = shownAs.apply(labels[i]);
            indexOfShown.putIfAbsent(shown[i], i);
        }
        this.scratch = ThreadLocal.withInitial(model::newScratch);
    }

    @Override
    public Classification classify(String subject, String text) {
        if (!TextNormalizer.hasContent(subject) && !TextNormalizer.hasContent(text)) {
            return new Classification(version, kind, List.of());
        }
        List<LinearTextModel.Guess> guesses = model.classify(subject == null ? "" : subject,
                text == null ? "" : text, top, scratch.get());
        List<Suggestion> ranked = new ArrayList<>(guesses.size());
        for (LinearTextModel.Guess g : guesses) {
            ranked.add(new Suggestion(shown[g.index()], g.probability(), List.of()));
        }
        return new Classification(version, kind, ranked);
    }

    @Override
    public Classification explain(String subject, String text, Classification classification) {
        if (classification == null || !version.equals(classification.modelVersion()) || classification.isEmpty()) {
            return classification;
        }
        List<Suggestion> ranked = classification.ranked();
        int[] indexes = new int[ranked.size()];
        for (int i = 0; i < indexes.length; i++) {
            Integer index = indexOfShown.get(ranked.get(i).label());
            if (index == null) {
                return classification;
            }
            indexes[i] = index;
        }
        List<List<String>> words = model.wordEvidence(text == null ? "" : text, indexes, LinearTextModel.EVIDENCE_WORDS);
        List<Suggestion> explained = new ArrayList<>(ranked.size());
        for (int i = 0; i < indexes.length; i++) {
            Suggestion s = ranked.get(i);
            explained.add(new Suggestion(s.label(), s.probability(), words.get(i)));
        }
        return new Classification(version, kind, explained);
    }
}
