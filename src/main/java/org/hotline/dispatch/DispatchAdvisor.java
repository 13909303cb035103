package org.hotline.dispatch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.hotline.organization.Categories;
import org.hotline.organization.Category;
import org.hotline.organization.Unit;
import org.hotline.organization.UnitId;
import org.hotline.organization.Units;

/**
 * Decides where a new order goes (智能派单): the classifier ranks categories (or units), the gazetteer finds the
 * territorial unit, the routing rules turn each of the top answers into a lead unit and co-units, and the
 * order is dispatched automatically only when the model is confident, a lead was found and no rule asked
 * for a person. Everything else goes to the manual queue with the reason and the ranked suggestions.
 *
 * <p>Never throws for what citizens write: empty text, emoji, very long or traditional-script text and a
 * failing model all end in "needs manual dispatch" with the reason. A model answer the organisation cannot
 * carry out (a category or unit it does not know, a unit since deactivated) is not dispatched either: the
 * work order would refuse it, and the record would then claim a dispatch that never happened.
 *
 * <p>Cheap to create: build one per decision from the current model, matcher and rules.
 */
public final class DispatchAdvisor {

    /**
     * The confidence from which an order goes without a person unless configured otherwise
     * ({@code hotline.dispatch.auto-threshold}); the evaluation and the benchmark measure at it.
     */
    public static final double DEFAULT_AUTO_THRESHOLD = 0.80;

    /** How many of the model's labels a dispatcher sees. */
    public static final int TOP = 3;

    private static final int MAX_EXPLANATION = 500;

    private final Classifier classifier;
    private final PlaceMatcher places;
    private final RoutingRules rules;
    private final Units units;
    private final Categories categories;
    private final double autoThreshold;

    /** {@code classifier} may be null: without a model every order goes to a person. */
    public DispatchAdvisor(Classifier classifier, PlaceMatcher places, RoutingRules rules, Units units,
            Categories categories, double autoThreshold) {
        this.classifier = classifier;
        this.places = places;
        this.rules = rules;
        this.units = units;
        this.categories = categories;
        this.autoThreshold = autoThreshold;
    }

    /** The decision as intake takes it: an order that goes automatically is classified once, without evidence. */
    public DispatchAdvice advise(DispatchRequest request) {
        return advise(request, false);
    }

    /**
     * @param forAPerson a dispatcher will read the advice (the advice endpoint): every suggestion is routed and
     *                   explained, even when the answer is confident enough to go automatically
     */
    public DispatchAdvice advise(DispatchRequest request, boolean forAPerson) {
        String text = request.content() == null ? "" : request.content();
        PlaceMatch place = places.match(request.address(), text).orElse(null);
        UnitId territorial = place == null ? null : place.unit();
        if (classifier == null) {
            return manual(null, null, place, "尚未启用分类模型，需人工派单");
        }
        if (text.isBlank()) {
            return manual(null, null, place, "诉求内容为空，需人工派单");
        }
        Classification classification;
        try {
            classification = classifier.classify("", text);
        } catch (RuntimeException e) {
            // the model is a component like any other: when it fails, people dispatch and intake goes on
            return manual(null, null, place, "分类模型出错（" + e.getClass().getSimpleName() + "），需人工派单");
        }
        if (classification == null) {
            return manual(null, null, place, "分类模型没有给出结果，需人工派单");
        }
        LabelKind kind = classification.labelKind() == null ? LabelKind.CATEGORY : classification.labelKind();
        List<Suggestion> ranked = topOf(classification.ranked());
        if (ranked.isEmpty()) {
            // An empty ranking from no model at all (before the first one is trained) is not the text's fault.
            return manual(classification.modelVersion(), kind, place, classification.modelVersion() == null
                    ? "尚未训练分类模型，需人工派单" : "诉求内容中没有可识别的文字，需人工派单");
        }

        UnitSuggestion best = suggest(ranked.get(0), kind, request, territorial);
        double confidence = ranked.get(0).probability();
        String reason = whyNotAutomatic(best, ranked.get(0), kind, request, confidence);
        List<UnitSuggestion> suggestions = new ArrayList<>(ranked.size());
        if (reason != null || forAPerson) {
            // The alternatives and the words behind each are for the dispatcher who will decide; an order
            // dispatched automatically needs only the answer, and routing the runners-up and reading the text
            // again for evidence would double the cost of the hot path.
            ranked = explained(text, classification.modelVersion(), kind, ranked);
            best = best.withEvidence(ranked.get(0).evidence());
            suggestions.add(best);
            for (Suggestion s : ranked.subList(1, ranked.size())) {
                suggestions.add(suggest(s, kind, request, territorial));
            }
        } else {
            suggestions.add(best);
        }
        String explanation = explain(best, confidence, place, reason);
        return new DispatchAdvice(classification.modelVersion(), kind, ranked, confidence, place, best.categoryCode(),
                best.leadUnit(), best.coUnits(), best.rule(), reason == null, reason, suggestions, explanation);
    }

    /**
     * The ranking with the words behind each label, as the classifier explains them; the ranking as it was when
     * the classifier cannot explain it (another model by now, a failure, an answer that does not match).
     */
    private List<Suggestion> explained(String text, String modelVersion, LabelKind kind, List<Suggestion> ranked) {
        Classification explained;
        try {
            explained = classifier.explain("", text, new Classification(modelVersion, kind, ranked));
        } catch (RuntimeException e) {
            return ranked;
        }
        if (explained == null || explained.ranked() == null || explained.ranked().size() != ranked.size()) {
            return ranked;
        }
        List<Suggestion> out = new ArrayList<>(ranked.size());
        for (int i = 0; i < ranked.size(); i++) {
            Suggestion before = ranked.get(i);
            Suggestion after = explained.ranked().get(i);
            if (after == null || after.label() == null || !before.label().equals(after.label().strip())) {
                return ranked;
            }
            List<String> words = usableEvidence(after.evidence());
            out.add(words.isEmpty() ? before : new Suggestion(before.label(), before.probability(), words));
        }
        return List.copyOf(out);
    }

    private UnitSuggestion suggest(Suggestion s, LabelKind kind, DispatchRequest request, UnitId territorial) {
        // a unit model names the lead; category conditions then look at the category the operator chose
        String category = kind == LabelKind.CATEGORY ? s.label() : request.categoryCode();
        UnitId predicted = kind == LabelKind.UNIT ? new UnitId(s.label()) : null;
        Route route = rules.route(new RoutingFacts(category, predicted, request.content(), territorial,
                request.urgency()));
        return new UnitSuggestion(route.lead(), route.coUnits(), category, s.probability(), s.evidence(),
                route.rule(), route.manualReason());
    }

    private String whyNotAutomatic(UnitSuggestion best, Suggestion top, LabelKind kind, DispatchRequest request,
            double confidence) {
        if (best.manualReason() != null) {
            return best.manualReason();
        }
        if (kind == LabelKind.CATEGORY && categories.find(top.label()).isEmpty()) {
            return "模型给出的分类 " + top.label() + " 不在分类目录中，需人工派单";
        }
        if (kind == LabelKind.CATEGORY && request.categoryCode() != null
                && !RoutingRule.isWithin(top.label(), request.categoryCode())) {
            return "话务员选择的分类（" + categoryName(request.categoryCode()) + "）与模型判断（"
                    + categoryName(top.label()) + "）不一致，需人工派单";
        }
        for (UnitId unit : unitsOf(best)) {
            Optional<Unit> found = units.find(unit);
            if (found.isEmpty()) {
                return "单位 " + unit + " 不存在，需人工派单";
            }
            if (!found.get().active()) {
                return "单位已停用：" + found.get().name() + "，需人工派单";
            }
        }
        if (confidence < autoThreshold) {
            return String.format(Locale.ROOT, "模型把握不足（置信度 %.2f，低于自动派单阈值 %.2f），需人工派单", confidence,
                    autoThreshold);
        }
        return null;
    }

    private static List<UnitId> unitsOf(UnitSuggestion s) {
        List<UnitId> all = new ArrayList<>();
        all.add(s.leadUnit());
        all.addAll(s.coUnits());
        return all;
    }

    private static final Comparator<Suggestion> MOST_PROBABLE_FIRST = Comparator
            .comparingDouble(Suggestion::probability).reversed();

    /** The model's best labels, best first, at most {@link #TOP}; malformed entries are dropped, not trusted. */
    private static List<Suggestion> topOf(List<Suggestion> ranked) {
        if (ranked == null) {
            return List.of();
        }
        List<Suggestion> clean = new ArrayList<>(ranked.size());
        for (Suggestion s : ranked) {
            if (s == null || s.label() == null || s.label().isBlank()) {
                continue;
            }
            double p = Double.isNaN(s.probability()) ? 0 : Math.max(0, Math.min(1, s.probability()));
            clean.add(new Suggestion(s.label().strip(), p, usableEvidence(s.evidence())));
        }
        clean.sort(MOST_PROBABLE_FIRST);
        return clean.size() > TOP ? List.copyOf(clean.subList(0, TOP)) : List.copyOf(clean);
    }

    private static List<String> usableEvidence(List<String> evidence) {
        if (evidence == null || evidence.isEmpty()) {
            // the usual case on the hot path, which asks the model for no evidence
            return List.of();
        }
        List<String> usable = new ArrayList<>(evidence.size());
        for (String w : evidence) {
            if (w != null && !w.isBlank()) {
                usable.add(w);
            }
        }
        return List.copyOf(usable);
    }

    private DispatchAdvice manual(String modelVersion, LabelKind kind, PlaceMatch place, String reason) {
        String explanation = place == null ? reason : reason + "；属地：" + place.describe();
        return new DispatchAdvice(modelVersion, kind, List.of(), 0, place, null, null, List.of(), null, false, reason,
                List.of(), explanation);
    }

    /** The line the order's history shows, e.g. 智能派单：分类“占道经营”（09.01.01），置信度 0.93，依据：摆摊 …。 */
    private String explain(UnitSuggestion best, double confidence, PlaceMatch place, String reason) {
        StringBuilder line = new StringBuilder("智能派单：");
        if (best.categoryCode() != null) {
            line.append("分类“").append(categoryName(best.categoryCode())).append("”（").append(best.categoryCode())
                    .append("），");
        }
        long hundredths = Math.round(confidence * 100);
        line.append("置信度 ").append(hundredths / 100).append('.').append(hundredths % 100 < 10 ? "0" : "")
                .append(hundredths % 100);
        if (!best.evidence().isEmpty()) {
            line.append("，依据：").append(String.join("、", best.evidence()));
        }
        if (place != null) {
            line.append("；属地：").append(place.describe());
        }
        if (best.rule() != null) {
            line.append("；规则：").append(best.rule());
        }
        if (reason != null) {
            line.append("；").append(reason);
        }
        // the history line is for people; a model that lists fifty evidence words must not make it a page
        return line.length() > MAX_EXPLANATION ? line.substring(0, MAX_EXPLANATION - 1) + "…" : line.toString();
    }

    private String categoryName(String code) {
        return categories.find(code).map(Category::name).orElse(code);
    }
}
