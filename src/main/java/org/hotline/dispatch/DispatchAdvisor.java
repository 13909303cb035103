package org.hotline.dispatch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.hotline.organization.Categories;
import org.hotline.organization.Category;
import org.hotline.organization.Unit;
import org.hotline.organization.UnitId;
import org.hotline.organization.UnitKind;
import org.hotline.organization.Units;

/**
 * Decides where a new order goes (智能派单). The unit is the decision: the classifier gives every category a
 * probability, the gazetteer finds the territorial unit, the routing rules (with the dispatch directory's map from
 * categories to units) turn each likely category into a lead unit, and the probabilities of the categories that
 * go to the same unit add up to the probability that this unit should lead. The order is dispatched
 * automatically only when that probability reaches the threshold, a lead was found and no rule asked for a
 * person. Everything else goes to the manual queue with the reason and the ranked units, each with the
 * categories and the whole words behind it.
 *
 * <p>Never throws for what citizens write: empty text, emoji, very long or traditional-script text and a
 * failing model all end in "needs manual dispatch" with the reason. A model answer the organisation cannot
 * carry out (a category or unit it does not know, a unit since deactivated) is not dispatched either: the
 * work order would refuse it, and the record would then claim a dispatch that never happened.
 *
 * <p>Cheap to create: build one per decision from the current model, matcher, rules and directory.
 */
public final class DispatchAdvisor {

    /**
     * The unit confidence from which an order goes without a person unless configured otherwise
     * ({@code hotline.dispatch.auto-threshold}); the evaluation and the benchmark measure at it.
     */
    public static final double DEFAULT_AUTO_THRESHOLD = 0.80;

    /** How many units (and categories) a dispatcher sees. */
    public static final int TOP = 3;

    /** Categories less probable than this are not routed: together they cannot make a unit likely. */
    static final double ROUTED_AT_LEAST = 0.01;

    /** At most this many categories are routed for one order. */
    static final int MOST_ROUTED = 8;

    private static final int MAX_EXPLANATION = 500;
    private static final int EVIDENCE_WORDS = 6;

    private final Classifier classifier;
    private final PlaceMatcher places;
    private final RoutingRules rules;
    private final Units units;
    private final Categories categories;
    private final DispatchDirectory directory;
    private final double autoThreshold;

    /** {@code classifier} may be null: without a model every order goes to a person. */
    public DispatchAdvisor(Classifier classifier, PlaceMatcher places, RoutingRules rules, Units units,
            Categories categories, double autoThreshold) {
        this(classifier, places, rules, units, categories, DispatchDirectory.EMPTY, autoThreshold);
    }

    /**
     * {@code directory} maps categories to units ahead of the taxonomy's defaults and lends its phrases to the
     * evidence; {@link DispatchDirectory#EMPTY} routes by the taxonomy alone.
     */
    public DispatchAdvisor(Classifier classifier, PlaceMatcher places, RoutingRules rules, Units units,
            Categories categories, DispatchDirectory directory, double autoThreshold) {
        this.classifier = classifier;
        this.places = places;
        this.directory = directory == null ? DispatchDirectory.EMPTY : directory;
        this.categories = this.directory.routing(categories);
        this.rules = rules.with(this.categories);
        this.units = units;
        this.autoThreshold = autoThreshold;
    }

    /** The decision as intake takes it: an order that goes automatically is classified once, without evidence. */
    public DispatchAdvice advise(DispatchRequest request) {
        return advise(request, false);
    }

    /** One unit and what adds up to it: its categories, most probable first, and their routes. */
    private static final class UnitVote {
        final UnitId lead;
        final Route route;
        final List<Suggestion> categories = new ArrayList<>(2);
        double probability;

        UnitVote(UnitId lead, Route route) {
            this.lead = lead;
            this.route = route;
        }
    }

    /**
     * @param forAPerson a dispatcher will read the advice (the advice endpoint): every unit is routed and
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
        List<Suggestion> all = clean(classification.ranked());
        if (all.isEmpty()) {
            // An empty ranking from no model at all (before the first one is trained) is not the text's fault.
            return manual(classification.modelVersion(), kind, place, classification.modelVersion() == null
                    ? "尚未训练分类模型，需人工派单" : "诉求内容中没有可识别的文字，需人工派单");
        }
        List<Suggestion> ranked = all.size() > TOP ? List.copyOf(all.subList(0, TOP)) : all;

        List<UnitVote> votes = votes(all, kind, request, territorial);
        // The directory's phrases in the text weigh for their units when more than one is likely, and a person
        // reads them: they are looked for once, and not at all for an order with one likely unit that goes
        // automatically.
        List<DispatchDirectory.Found> phrases = null;
        if (votes.size() > 1) {
            phrases = directory.phrasesIn(text);
            weighPhrases(votes, phrases);
        }
        // most probable first; of equal ones the one whose best category came first
        votes.sort(Comparator.comparingDouble((UnitVote v) -> -v.probability));
        UnitVote top = votes.get(0);
        double confidence = Math.min(1, top.probability);
        UnitSuggestion best = suggestion(top, kind, request);
        String reason = whyNotAutomatic(best, top.categories.get(0), kind, request, territorial, confidence);
        List<UnitSuggestion> suggestions = new ArrayList<>(TOP);
        if (reason != null || forAPerson) {
            // The other units and the words behind each are for the dispatcher who will decide; an order
            // dispatched automatically needs only the answer, and reading the text again for evidence would
            // double the cost of the hot path.
            List<UnitVote> shown = votes.size() > TOP ? votes.subList(0, TOP) : votes;
            Map<String, List<String>> words = wordsBehind(text, classification.modelVersion(), kind, shown);
            if (phrases == null) {
                phrases = directory.phrasesIn(text);
            }
            for (UnitVote v : shown) {
                suggestions.add(suggestion(v, kind, request).withEvidence(evidence(v, words, phrases)));
            }
            best = suggestions.get(0);
            ranked = withWords(ranked, words);
        } else {
            suggestions.add(best);
        }
        String explanation = explain(best, confidence, place, reason);
        return new DispatchAdvice(classification.modelVersion(), kind, ranked, confidence, place, best.categoryCode(),
                best.leadUnit(), best.coUnits(), best.rule(), reason == null, reason, suggestions, explanation);
    }

    /**
     * The units the likely categories route to, in the order their first category came: each category at least
     * {@link #ROUTED_AT_LEAST} (at most {@link #MOST_ROUTED} of them, and always the first) is routed, and the
     * probabilities of those that reach the same lead add up. Categories that reach no lead (a rule wants a
     * person, no territorial unit was found) add up under "no unit" with the first one's reason.
     */
    private List<UnitVote> votes(List<Suggestion> all, LabelKind kind, DispatchRequest request, UnitId territorial) {
        RoutingRules.Router router = rules.router(request.content());
        Map<UnitId, UnitVote> byLead = new LinkedHashMap<>();
        UnitVote none = null;
        for (int i = 0; i < all.size() && i < MOST_ROUTED; i++) {
            Suggestion s = all.get(i);
            if (i > 0 && s.probability() < ROUTED_AT_LEAST) {
                break;
            }
            String category = kind == LabelKind.CATEGORY ? s.label() : request.categoryCode();
            UnitId predicted = kind == LabelKind.UNIT ? new UnitId(s.label()) : null;
            Route route = router.route(new RoutingFacts(category, predicted, request.content(), territorial,
                    request.urgency()));
            UnitVote vote;
            if (route.lead() == null) {
                if (none == null) {
                    none = new UnitVote(null, route);
                }
                vote = none;
            } else {
                vote = byLead.computeIfAbsent(route.lead(), lead -> new UnitVote(lead, route));
            }
            vote.categories.add(s);
            vote.probability += s.probability();
        }
        List<UnitVote> out = new ArrayList<>(byLead.values());
        if (none != null) {
            out.add(none);
        }
        return out;
    }

    /**
     * The weight w of the directory's phrases (see {@link #weighPhrases}): 0.1 per character, so a two- or
     * three-character phrase raises a unit's odds by a quarter or a third. Of 0.1, 0.25 and 0.5 tried with
     * {@code dispatch-eval --units}, 0.1 was the one that helped on both evaluation sets (the hand-labelled
     * messages and the replies held out); stronger weights helped one and hurt the other.
     */
    static final double PHRASE_WEIGHT = 0.1;

    /**
     * The directory as a signal: each unit's probability is multiplied by e^(w·L), L the length in characters of
     * the directory's phrases for its duties the text contains ({@code found}), and the routed units'
     * probabilities are scaled back to the sum they had (what the model left to "none of these" stays left).
     */
    private void weighPhrases(List<UnitVote> votes, List<DispatchDirectory.Found> found) {
        if (found.isEmpty()) {
            return;
        }
        double before = 0;
        double after = 0;
        double[] weighed = new double[votes.size()];
        for (int i = 0; i < votes.size(); i++) {
            UnitVote v = votes.get(i);
            int length = 0;
            for (DispatchDirectory.Found f : found) {
                if (owns(v, f.entry())) {
                    length += f.phrase().length();
                }
            }
            weighed[i] = v.probability * Math.exp(PHRASE_WEIGHT * length);
            before += v.probability;
            after += weighed[i];
        }
        for (int i = 0; i < votes.size(); i++) {
            votes.get(i).probability = weighed[i] * before / after;
        }
    }

    /** Whether a directory entry's duty belongs to the unit of a vote (a territorial one to any territorial unit). */
    private boolean owns(UnitVote v, DirectoryEntry e) {
        if (e.territorial()) {
            return v.lead == null || units.find(v.lead).map(u -> u.kind() == UnitKind.TERRITORIAL).orElse(false);
        }
        return e.unit().equals(v.lead);
    }

    private UnitSuggestion suggestion(UnitVote v, LabelKind kind, DispatchRequest request) {
        Suggestion first = v.categories.get(0);
        String category = kind == LabelKind.CATEGORY ? first.label() : request.categoryCode();
        List<Suggestion> behind = kind == LabelKind.CATEGORY ? v.categories : List.of();
        return new UnitSuggestion(v.route.lead(), v.route.coUnits(), category, Math.min(1, v.probability), List.of(),
                v.route.rule(), v.route.manualReason(), behind);
    }

    /**
     * The whole words behind a unit: the directory's phrases for its duties found in the text (the duties of an
     * entry that is territorial count for the territorial unit and for "no unit"), then the words the model
     * gives for its categories, at most {@link #EVIDENCE_WORDS}, none inside another.
     */
    private List<String> evidence(UnitVote v, Map<String, List<String>> words, List<DispatchDirectory.Found> phrases) {
        List<String> out = new ArrayList<>();
        for (DispatchDirectory.Found f : phrases) {
            if (owns(v, f.entry())) {
                add(out, f.phrase());
            }
        }
        for (Suggestion s : v.categories) {
            for (String w : words.getOrDefault(s.label(), List.of())) {
                add(out, w);
            }
        }
        return out.size() > EVIDENCE_WORDS ? List.copyOf(out.subList(0, EVIDENCE_WORDS)) : out;
    }

    private static void add(List<String> words, String word) {
        for (String w : words) {
            if (w.contains(word) || word.contains(w)) {
                return;
            }
        }
        words.add(word);
    }

    /** The ranking with the words the model gave for each label, where it gave any. */
    private static List<Suggestion> withWords(List<Suggestion> ranked, Map<String, List<String>> words) {
        List<Suggestion> out = new ArrayList<>(ranked.size());
        for (Suggestion s : ranked) {
            List<String> w = words.get(s.label());
            out.add(w == null || w.isEmpty() ? s : new Suggestion(s.label(), s.probability(), w));
        }
        return List.copyOf(out);
    }

    /**
     * The words the classifier gives for each category behind the shown units (and the top three categories),
     * by label; empty when it cannot explain them (another model by now, a failure, an answer that does not match).
     */
    private Map<String, List<String>> wordsBehind(String text, String modelVersion, LabelKind kind,
            List<UnitVote> shown) {
        List<Suggestion> asked = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        for (UnitVote v : shown) {
            for (Suggestion s : v.categories) {
                if (labels.add(s.label())) {
                    asked.add(s);
                }
            }
        }
        Map<String, List<String>> out = new HashMap<>();
        for (Suggestion s : explained(text, modelVersion, kind, asked)) {
            if (!s.evidence().isEmpty()) {
                out.put(s.label(), s.evidence());
            }
        }
        return out;
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

    private String whyNotAutomatic(UnitSuggestion best, Suggestion top, LabelKind kind, DispatchRequest request,
            UnitId territorial, double confidence) {
        if (best.manualReason() != null) {
            return best.manualReason();
        }
        if (kind == LabelKind.CATEGORY && categories.find(top.label()).isEmpty()) {
            return "模型给出的分类 " + top.label() + " 不在分类目录中，需人工派单";
        }
        if (request.categoryCode() != null && categories.find(request.categoryCode()).isPresent()) {
            // the operator's category is a judgement too: when it sends the order elsewhere, a person decides
            Route chosen = rules.route(new RoutingFacts(request.categoryCode(), null, request.content(), territorial,
                    request.urgency()));
            if (kind == LabelKind.CATEGORY && chosen.lead() != null && !chosen.lead().equals(best.leadUnit())) {
                return "话务员选择的分类（" + categoryName(request.categoryCode()) + " → " + unitName(chosen.lead())
                        + "）与模型判断（" + categoryName(top.label()) + " → " + unitName(best.leadUnit())
                        + "）的主办单位不一致，需人工派单";
            }
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
            return String.format(Locale.ROOT, "模型对主办单位把握不足（置信度 %.2f，低于自动派单阈值 %.2f），需人工派单",
                    confidence, autoThreshold);
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

    /** The model's labels, best first; malformed entries are dropped, not trusted. */
    private static List<Suggestion> clean(List<Suggestion> ranked) {
        if (ranked == null) {
            return List.of();
        }
        List<Suggestion> clean = new ArrayList<>(ranked.size());
        for (Suggestion s : ranked) {
            if (s == null || s.label() == null || s.label().isBlank()) {
                continue;
            }
            double p = Double.isNaN(s.probability()) ? 0 : Math.max(0, Math.min(1, s.probability()));
            String label = s.label().strip();
            List<String> evidence = usableEvidence(s.evidence());
            // the usual suggestion is clean already: no need for a copy of each of the model's labels
            clean.add(label == s.label() && Double.compare(p, s.probability()) == 0 && evidence == s.evidence() ? s
                    : new Suggestion(label, p, evidence));
        }
        clean.sort(MOST_PROBABLE_FIRST);
        return List.copyOf(clean);
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

    /**
     * The line the order's history shows, e.g. 智能派单：主办单位“区综合行政执法局”，置信度 0.93（分类“餐饮油烟”0.81、
     * “城市管理”0.12），依据：油烟、烧烤 …。
     */
    private String explain(UnitSuggestion best, double confidence, PlaceMatch place, String reason) {
        StringBuilder line = new StringBuilder("智能派单：");
        if (best.leadUnit() != null) {
            line.append("主办单位“").append(unitName(best.leadUnit())).append("”，");
        }
        line.append("置信度 ").append(twoDecimals(confidence));
        if (!best.categories().isEmpty()) {
            line.append("（");
            for (int i = 0; i < best.categories().size() && i < TOP; i++) {
                Suggestion c = best.categories().get(i);
                line.append(i == 0 ? "" : "、").append("分类“").append(categoryName(c.label())).append("”")
                        .append(twoDecimals(c.probability()));
            }
            line.append("）");
        } else if (best.categoryCode() != null) {
            line.append("（分类“").append(categoryName(best.categoryCode())).append("”）");
        }
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

    private static String twoDecimals(double p) {
        long hundredths = Math.round(p * 100);
        return hundredths / 100 + "." + (hundredths % 100 < 10 ? "0" : "") + hundredths % 100;
    }

    private String unitName(UnitId id) {
        return id == null ? "属地（未识别）" : units.find(id).map(Unit::name).orElse(id.value());
    }

    private String categoryName(String code) {
        return categories.find(code).map(Category::name).orElse(code);
    }
}
