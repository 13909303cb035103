package org.hotline.dispatch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A classifier for tests that are not about the model: it answers from a fixed table of words, giving the
 * listed labels with the listed probabilities and the word as evidence, and an unsure spread of categories
 * for anything else. Text without a single Chinese character or latin letter (empty, emoji) gets no answer.
 */
public final class FakeClassifier implements Classifier {

    public static final String VERSION = "fake-1";

    private final LabelKind kind;
    private final Map<String, List<Suggestion>> byWord = new LinkedHashMap<>();
    private final List<Suggestion> unsure;

    private FakeClassifier(LabelKind kind, List<Suggestion> unsure) {
        this.kind = kind;
        this.unsure = unsure;
    }

    /** A category model that knows nothing for sure: everything gets {@code unsure}. */
    public static FakeClassifier categories() {
        return new FakeClassifier(LabelKind.CATEGORY, List.of(new Suggestion("15.03", 0.40, List.of()),
                new Suggestion("14.01.01", 0.30, List.of()), new Suggestion("09.01.01", 0.10, List.of())));
    }

    /** A unit model whose unsure answer is the government office. */
    public static FakeClassifier units() {
        return new FakeClassifier(LabelKind.UNIT, List.of(new Suggestion("dcf-zfb", 0.35, List.of()),
                new Suggestion("dcf-xzsp", 0.25, List.of())));
    }

    /** The demo model used by workflow tests: street vending, wage arrears, street lights, power cuts. */
    public static FakeClassifier demo() {
        return categories()
                .knows("占道", "09.01.01", 0.95)
                .knows("摆摊", "09.01.01", 0.94)
                .knows("欠薪", "02.01.01", 0.93)
                .knows("工资", "02.01.01", 0.91)
                .knows("路灯", "09.05.01", 0.92)
                .knows("停电", "13.02.01", 0.97)
                .knows("违建", "09.03.01", 0.90)
                .knows("噪音", "05.03.02", 0.55);
    }

    /** Text containing {@code word} gets {@code label} first with {@code probability}, the rest spread below. */
    public FakeClassifier knows(String word, String label, double probability) {
        List<Suggestion> ranked = new ArrayList<>();
        ranked.add(new Suggestion(label, probability, List.of(word)));
        double rest = 1 - probability;
        for (Suggestion s : unsure) {
            if (!s.label().equals(label) && ranked.size() < 3) {
                ranked.add(new Suggestion(s.label(), rest / 2, List.of()));
            }
        }
        byWord.put(word, ranked);
        return this;
    }

    @Override
    public Classification classify(String subject, String text) {
        String all = (subject == null ? "" : subject) + (text == null ? "" : text);
        if (all.codePoints().noneMatch(Character::isLetter)) {
            return new Classification(VERSION, kind, List.of());
        }
        for (Map.Entry<String, List<Suggestion>> e : byWord.entrySet()) {
            if (all.contains(e.getKey())) {
                return new Classification(VERSION, kind, e.getValue());
            }
        }
        return new Classification(VERSION, kind, unsure);
    }
}
