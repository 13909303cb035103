package org.hotline.triage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.hotline.triage.Evidence.Effect;
import org.hotline.workorder.AppealType;
import org.hotline.workorder.EmergencyService;
import org.hotline.workorder.InvalidReason;
import org.hotline.workorder.ProperRoute;
import org.hotline.workorder.TriageOutcome;

/**
 * Decides triage for an appeal from the named rules of {@link TriageRules}, in the order safety asks for:
 *
 * <ol>
 * <li>An <b>emergency</b> rule that fires with its context decides EMERGENCY. One that fires without it (a fire
 * named with nothing saying it burns now) flags the appeal for the operator and keeps every other outcome but
 * dispatch away: an appeal that may be an emergency is never suggested invalid or sent to another channel.</li>
 * <li>An <b>other channel</b> rule (a case already in court, arbitration, reconsideration, petition; a report of an
 * official's corruption) decides OTHER_CHANNEL.</li>
 * <li>An <b>invalid</b> rule decides INVALID only when the appeal says nothing else of substance, or the operator
 * wrote that it had no appeal. An appeal with no content at all (gibberish, keyboard mashing) is invalid by the
 * built-in rule {@value #NO_CONTENT}; one with only greetings ("你好，我要投诉") is flagged, not dropped.</li>
 * <li>An <b>inquiry</b> the knowledge base answers well enough is suggested for a knowledge answer.</li>
 * <li>Everything else is DISPATCH, flagged when a rule hinted at something else.</li>
 * </ol>
 *
 * <p>Plain Java and thread-safe; one decision takes microseconds (the rules are matched in one pass over the text,
 * and only the clauses where a rule fired are segmented into words).
 */
public final class Triager {

    /** The built-in rule for text with no readable content (gibberish, repeated characters, keyboard rows). */
    public static final String NO_CONTENT = "no-readable-content";

    /** The rule name knowledge answers are recorded under. */
    public static final String KNOWLEDGE_BASE = "knowledge-base";

    /** How far a gap "…" in a trigger reaches, in characters of one clause. */
    static final int GAP = 8;

    /** How many characters on each side of a trigger are segmented to see whether it is whole words. */
    static final int WORD_WINDOW = 12;

    /** How far before a trigger a word of {@code unlessBefore} holds it back. */
    static final int BEFORE_WINDOW = 40;

    /** Longer texts are taken to have content: real appeals are short only when they are invalid or terse. */
    static final int CONTENT_CHECK_LENGTH = 80;

    private static final String SENTENCE_ENDS = "。！？!?；;\n\r";
    private static final String CLAUSE_ENDS = SENTENCE_ENDS + "，,、：:\t （）()【】[]“”\"";
    /** A number with its unit in an operator's note ("二十秒", "3次") says nothing about a matter. */
    private static final java.util.regex.Pattern QUANTITY = java.util.regex.Pattern
            .compile("[0-9零一二两三四五六七八九十百千万几多约]*[0-9零一二两三四五六七八九十百千万几]"
                    + "(秒|秒钟|分钟|分|次|遍|个|下|声|小时|天)?(后|前|左右|多)?|秒后|秒钟后|分钟后");
    /** Sounds that say nothing when repeated alone. */
    private static final String INTERJECTIONS = "啊哈嗯哦呀喂呃唉哎噢呵嘿哼";
    private static final String[] KEYBOARD_ROWS = { "qwertyuiop", "asdfghjkl", "zxcvbnm", "1234567890" };

    private final TriageRules rules;
    private final List<Rule> compiled = new ArrayList<>();
    private final Map<Character, List<Trigger>> byFirstChar = new HashMap<>();
    private final List<String> now;
    private final List<String> confirmations;
    /** Phrases blanked before the content check: fillers, confirmations, every invalid rule's triggers. */
    private final List<String> noContent;
    private final Set<String> generic;
    private final KnowledgeAnswers knowledge;
    private final boolean wholeWordsOnly;

    public Triager(TriageRules rules, KnowledgeAnswers knowledge) {
        this(rules, knowledge, true);
    }

    /**
     * @param wholeWordsOnly whether a trigger counts only on word boundaries (see {@link Words}); off only to
     *        measure what the check is worth
     */
    public Triager(TriageRules rules, KnowledgeAnswers knowledge, boolean wholeWordsOnly) {
        this.rules = rules;
        this.knowledge = knowledge;
        this.wholeWordsOnly = wholeWordsOnly;
        this.now = normalised(rules.term("now"));
        this.confirmations = normalised(rules.confirmations());
        this.generic = new HashSet<>(normalised(rules.term("generic")));
        // generic words are dropped word by word after segmentation; blanking them in the text would cut real
        // words ("没" in "没人修")
        Set<String> removable = new LinkedHashSet<>();
        removable.addAll(normalised(rules.term("fillers")));
        removable.addAll(confirmations);
        for (TriageRule r : rules.rules()) {
            Rule rule = new Rule(r, normalised(rules.resolve(r.requires())), normalised(rules.resolve(r.unlessBefore())),
                    normalised(rules.resolve(r.unlessAround())), normalised(rules.resolve(r.unlessPrev())),
                    normalised(rules.resolve(r.unlessNext())), normalised(rules.resolve(r.onlyHintWith())));
            compiled.add(rule);
            for (String phrase : normalised(rules.resolve(r.triggers()))) {
                Trigger trigger = new Trigger(rule, phrase, phrase.split("…"));
                byFirstChar.computeIfAbsent(trigger.parts()[0].charAt(0), c -> new ArrayList<>()).add(trigger);
                if (r.outcome() == TriageOutcome.INVALID) {
                    for (String part : trigger.parts()) {
                        removable.add(part);
                    }
                }
            }
        }
        this.noContent = removable.stream().filter(w -> !w.isBlank())
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    public TriageRules rules() {
        return rules;
    }

    // ---------------------------------------------------------------- deciding

    public Triage triage(TriageRequest request) {
        String original = request.text();
        String text = normalise(original);
        // A long text is a letter about what happened: its words decide nothing, and only an emergency that reads
        // as one (its context there, no complaint's words) flags it for a person (see Thresholds#decideWithin); the
        // other rules are not even looked for, which keeps long letters cheap.
        boolean letter = text.length() > rules.thresholds().decideWithin();
        List<Hit> hits = hits(text, original, letter);

        Hit emergency = best(hits, TriageOutcome.EMERGENCY);
        Hit otherChannel = best(hits, TriageOutcome.OTHER_CHANNEL);
        Hit invalid = best(hits, TriageOutcome.INVALID);
        double flag = rules.thresholds().flag();
        double decide = letter ? Double.POSITIVE_INFINITY : rules.thresholds().decide();
        double hint = letter ? rules.thresholds().decide() : flag;
        // whoever entered an emergency alone is told whom to call, whatever triage decides
        EmergencyService warnFor = emergency == null ? null : EmergencyService.valueOf(emergency.rule.rule.target());

        if (emergency != null && emergency.confidence >= decide) {
            return decided(request, hits, decide, emergency, TriageOutcome.EMERGENCY, emergency.confidence, warnFor);
        }
        if (emergency != null && emergency.confidence >= hint) {
            String note = "提到「" + String.join("、", emergency.words) + "」，但未见正在发生的迹象；请向来电人确认是否需要立即转接 "
                    + warnFor.number() + "（" + warnFor.label() + "）";
            return dispatch(request, hits, decide, 1 - Math.min(emergency.confidence, decide), note, warnFor);
        }
        if (otherChannel != null && otherChannel.confidence >= decide) {
            return decided(request, hits, decide, otherChannel, TriageOutcome.OTHER_CHANNEL, otherChannel.confidence,
                    warnFor);
        }
        if (invalid != null && invalid.confidence >= decide) {
            boolean confirmed = containsAny(text, confirmations) != null;
            List<String> content = confirmed || !invalid.rule.rule.onlyWithoutContent() ? List.of()
                    : contentWords(text);
            if (content.isEmpty()) {
                return decided(request, hits, decide, invalid, TriageOutcome.INVALID,
                        confirmed ? Math.max(invalid.confidence, 0.95) : invalid.confidence, warnFor);
            }
            if (content.size() < 3) {
                // little was said besides the invalid call's words: the operator looks before registering it
                InvalidReason reason = InvalidReason.valueOf(invalid.rule.rule.target());
                String note = "有「" + reason.label() + "」的特征（「" + String.join("、", invalid.words)
                        + "」），但也说了「" + String.join("、", content) + "」；请确认是否有具体诉求";
                return dispatch(request, hits, decide, 0.6, note, warnFor);
            }
        }
        if (!letter && otherChannel != null && otherChannel.confidence >= flag) {
            ProperRoute route = ProperRoute.valueOf(otherChannel.rule.rule.target());
            String note = "提到「" + String.join("、", otherChannel.words) + "」；如已进入" + route.label() + "程序，应告知通过"
                    + route.body() + "解决";
            return dispatch(request, hits, decide, 1 - otherChannel.confidence, note, warnFor);
        }
        if (emergency == null && text.length() <= CONTENT_CHECK_LENGTH) {
            Triage empty = withoutContent(request, text, hits);
            if (empty != null) {
                return empty;
            }
        }
        return knowledgeOrDispatch(request, hits, warnFor);
    }

    /** An appeal with nothing of substance: invalid when nothing readable is there, flagged when a greeting is. */
    private Triage withoutContent(TriageRequest request, String text, List<Hit> hits) {
        String bare = text.codePoints().filter(Character::isLetterOrDigit)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        InvalidReason reason = null;
        if (bare.isEmpty()) {
            reason = InvalidReason.GIBBERISH;
        } else if (bare.length() >= 3 && bare.codePoints().distinct().count() <= 2
                && bare.codePoints().allMatch(c -> c < 128 || INTERJECTIONS.indexOf(c) >= 0)) {
            // "啊啊啊", "1111", "qqqq"; never "救命救命", which says something
            reason = InvalidReason.GIBBERISH;
        } else if (bare.chars().allMatch(Character::isDigit)) {
            reason = bare.length() >= 3 ? InvalidReason.TEST : null;
        } else if (keyboardMash(bare)) {
            reason = InvalidReason.GIBBERISH;
        }
        if (reason != null) {
            String words = bare.isEmpty() ? "（无文字）" : bare.length() > 12 ? bare.substring(0, 12) + "…" : bare;
            Evidence e = new Evidence(NO_CONTENT, "没有可读的内容", Effect.DECIDED, List.of(words), List.of());
            return result(request, TriageOutcome.INVALID, null, null, reason, 0.9, false, null, withFirst(e, hits),
                    List.of(), null);
        }
        if (contentWords(text).isEmpty()) {
            return dispatch(request, hits, rules.thresholds().decide(), 0.5, "内容过少，未说明具体诉求；请向来电人问清后登记", null);
        }
        return null;
    }

    private Triage knowledgeOrDispatch(TriageRequest request, List<Hit> hits, EmergencyService warnFor) {
        if (knowledge == null || request.appealType() != AppealType.INQUIRY || warnFor != null) {
            return dispatch(request, hits, rules.thresholds().decide(), 0.95, null, warnFor);
        }
        List<KnowledgeCandidate> candidates;
        try {
            candidates = knowledge.candidates(request.text(), 3);
        } catch (RuntimeException e) {
            // the knowledge base failing must never stop an appeal from being registered
            candidates = List.of();
        }
        if (candidates.isEmpty() || candidates.get(0).score() < rules.thresholds().knowledge()) {
            Triage t = dispatch(request, hits, rules.thresholds().decide(), 0.95, null, null);
            return result(request, t.outcome(), null, null, null, t.confidence(), t.flagged(), t.note(), t.evidence(),
                    candidates, null);
        }
        KnowledgeCandidate best = candidates.get(0);
        Evidence e = new Evidence(KNOWLEDGE_BASE, "知识库：" + best.title(), Effect.DECIDED, best.words(), List.of());
        return result(request, TriageOutcome.KNOWLEDGE, null, null, null, best.score(), false, null,
                withFirst(e, hits), candidates, null);
    }

    private Triage decided(TriageRequest request, List<Hit> hits, double decide, Hit winner, TriageOutcome outcome,
            double confidence, EmergencyService warnFor) {
        String target = winner.rule.rule.target();
        List<Evidence> evidence = evidence(hits, decide, outcome, target);
        boolean flagged = false;
        String note = null;
        return switch (outcome) {
            case EMERGENCY -> result(request, outcome, EmergencyService.valueOf(target), null, null, confidence, flagged,
                    note, evidence, List.of(), warnFor);
            case OTHER_CHANNEL -> result(request, outcome, null, ProperRoute.valueOf(target), null, confidence,
                    flagged, note, evidence, List.of(), null);
            case INVALID -> result(request, outcome, null, null, InvalidReason.valueOf(target), confidence, flagged,
                    note, evidence, List.of(), null);
            default -> throw new IllegalStateException(outcome + " is not decided by a rule");
        };
    }

    private Triage dispatch(TriageRequest request, List<Hit> hits, double decide, double confidence, String note,
            EmergencyService warnFor) {
        return result(request, TriageOutcome.DISPATCH, null, null, null, confidence, note != null, note,
                evidence(hits, decide, null, null), List.of(), warnFor);
    }

    private Triage result(TriageRequest request, TriageOutcome outcome, EmergencyService service, ProperRoute route,
            InvalidReason reason, double confidence, boolean flagged, String note, List<Evidence> evidence,
            List<KnowledgeCandidate> candidates, EmergencyService warnFor) {
        String key = switch (outcome) {
            case EMERGENCY -> service.name();
            case OTHER_CHANNEL -> route.name();
            case INVALID -> reason.name();
            case KNOWLEDGE, DISPATCH -> outcome.name();
        };
        TriageRules.Texts texts = rules.textsFor(key);
        if (texts.instruction() == null) {
            texts = rules.textsFor(outcome.name());
        }
        String explanation = outcome == TriageOutcome.KNOWLEDGE ? candidates.get(0).answer() : texts.explanation();
        // A citizen who entered an emergency alone is told to call; on the phone the operator transfers the call.
        String warning = warnFor != null && !request.attended() ? rules.textsFor(warnFor.name()).warning() : null;
        return new Triage(outcome, service, route, reason, round(confidence), flagged, note,
                outcome == TriageOutcome.DISPATCH ? null : texts.instruction(), explanation, warning, evidence,
                candidates, rules.version());
    }

    // ---------------------------------------------------------------- evidence

    /**
     * The evidence: the rules that decided (those of the outcome and target), then hints, then what was held back;
     * one entry per rule and effect.
     */
    private List<Evidence> evidence(List<Hit> hits, double decide, TriageOutcome outcome, String target) {
        double flag = rules.thresholds().flag();
        Map<String, Evidence> byKey = new LinkedHashMap<>();
        List<Hit> ordered = new ArrayList<>(hits);
        ordered.sort(Comparator.comparingInt((Hit h) -> h.heldBy != null ? 2 : 0)
                .thenComparing(h -> -h.confidence));
        for (Hit h : ordered) {
            Effect effect;
            if (h.heldBy != null) {
                effect = Effect.HELD_BACK;
            } else if (outcome != null && h.rule.rule.outcome() == outcome && h.rule.rule.target().equals(target)
                    && h.confidence >= decide) {
                effect = Effect.DECIDED;
            } else if (h.confidence >= flag) {
                effect = Effect.HINT;
            } else {
                continue;
            }
            String key = h.rule.rule.name() + "/" + effect;
            Evidence previous = byKey.get(key);
            List<String> words = new ArrayList<>(previous == null ? List.of() : previous.words());
            h.words.stream().filter(w -> !words.contains(w)).forEach(words::add);
            List<String> against = new ArrayList<>(previous == null ? List.of() : previous.against());
            String why = h.heldBy != null ? h.heldBy : h.hintedBy;
            if (why != null && !against.contains(why)) {
                against.add(why);
            }
            byKey.put(key, new Evidence(h.rule.rule.name(), h.rule.rule.label(), effect,
                    words.subList(0, Math.min(words.size(), 6)), against));
        }
        List<Evidence> evidence = new ArrayList<>(byKey.values());
        evidence.sort(Comparator.comparingInt(e -> e.effect().ordinal()));
        return evidence;
    }

    private List<Evidence> withFirst(Evidence first, List<Hit> hits) {
        List<Evidence> all = new ArrayList<>();
        all.add(first);
        all.addAll(evidence(hits, rules.thresholds().decide(), null, null));
        return all;
    }

    // ---------------------------------------------------------------- matching

    private record Rule(TriageRule rule, List<String> requires, List<String> unlessBefore, List<String> unlessAround,
            List<String> unlessPrev, List<String> unlessNext, List<String> onlyHintWith) {
    }

    private record Trigger(Rule rule, String phrase, String[] parts) {
    }

    /** One trigger found in the text: held back by a word, or counted with a confidence. */
    private static final class Hit {
        final Rule rule;
        final int start;
        final int end;
        final List<String> words = new ArrayList<>();
        String heldBy;
        /** The word that made a hit only a hint (see {@link TriageRule#onlyHintWith()}). */
        String hintedBy;
        double confidence;

        Hit(Rule rule, int start, int end) {
            this.rule = rule;
            this.start = start;
            this.end = end;
        }
    }

    private List<Hit> hits(String text, String original, boolean emergenciesOnly) {
        List<Hit> hits = new ArrayList<>();
        Map<Long, List<Words.Token>> windows = new HashMap<>();
        for (int i = 0; i < text.length(); i++) {
            List<Trigger> candidates = byFirstChar.get(text.charAt(i));
            if (candidates == null) {
                continue;
            }
            for (Trigger t : candidates) {
                if (emergenciesOnly && t.rule().rule().outcome() != TriageOutcome.EMERGENCY) {
                    continue;
                }
                if (!text.startsWith(t.parts()[0], i)) {
                    continue;
                }
                int end = matchRest(text, t.parts(), i + t.parts()[0].length());
                if (end < 0) {
                    continue;
                }
                Hit hit = judge(t.rule(), text, original, i, end);
                if (hit != null && (!wholeWordsOnly || isWholeWords(text, i, end, windows))) {
                    hits.add(hit);
                }
            }
        }
        return hits;
    }

    /** The end of the trigger's other parts after {@code from}, each within a gap of the clause; -1 if absent. */
    private static int matchRest(String text, String[] parts, int from) {
        int end = from;
        for (int k = 1; k < parts.length; k++) {
            int found = -1;
            for (int p = end; p <= end + GAP && p + parts[k].length() <= text.length(); p++) {
                if (p > end && CLAUSE_ENDS.indexOf(text.charAt(p - 1)) >= 0) {
                    break;
                }
                if (text.startsWith(parts[k], p)) {
                    found = p;
                    break;
                }
            }
            if (found < 0) {
                return -1;
            }
            end = found + parts[k].length();
        }
        return end;
    }

    /**
     * Whether the match is whole words of its clause (see {@link Words#coversWholeWords}): "起火" is not in "引起火灾",
     * "上诉" is not in "以上诉求", "自燃" is not in "自燃油税". Only a window of the clause around the match is
     * segmented (the words beside a match decide its boundaries; a long clause need not be read whole), once
     * per window.
     */
    private static boolean isWholeWords(String text, int start, int end, Map<Long, List<Words.Token>> windows) {
        int from = Math.max(boundaryBefore(text, start, CLAUSE_ENDS), start - WORD_WINDOW);
        int to = Math.min(boundaryAfter(text, end, CLAUSE_ENDS), end + WORD_WINDOW);
        List<Words.Token> words = windows.computeIfAbsent(((long) from << 32) | to,
                k -> Words.tokens(text.substring(from, to)));
        return Words.coversWholeWords(words, start - from, end - from);
    }

    /** Checks a trigger's context in its sentence: held back, or counted strong or weak. */
    private Hit judge(Rule rule, String text, String original, int start, int end) {
        Hit hit = new Hit(rule, start, end);
        hit.words.add(original.substring(start, end));
        for (String p : rule.unlessPrev()) {
            if (start >= p.length() && text.startsWith(p, start - p.length())) {
                return held(hit, p);
            }
        }
        for (String n : rule.unlessNext()) {
            if (text.startsWith(n, end)) {
                return held(hit, n);
            }
        }
        int ss = boundaryBefore(text, start, SENTENCE_ENDS);
        int se = boundaryAfter(text, end, SENTENCE_ENDS);
        // the trigger itself is blanked, so that a word inside it never holds it back
        String sentence = text.substring(ss, start) + "\u0000".repeat(end - start) + text.substring(end, se);
        String around = containsAny(sentence, rule.unlessAround());
        if (around != null) {
            return held(hit, around);
        }
        int at = start - ss;
        for (String b : rule.unlessBefore()) {
            int found = sentence.lastIndexOf(b, at - b.length());
            if (found >= 0 && at - found <= BEFORE_WINDOW
                    && containsAny(sentence.substring(found + b.length(), at), now) == null) {
                return held(hit, b);
            }
        }
        String context = rule.requires().isEmpty() ? "" : containsAny(sentence, rule.requires());
        if (context == null) {
            hit.confidence = rule.rule().weakConfidence();
        } else {
            hit.confidence = rule.rule().confidence();
            // a particle such as 了 confirms, but says nothing to the operator as evidence
            if (context.length() >= 2) {
                int c = sentence.indexOf(context);
                hit.words.add(original.substring(ss + c, ss + c + context.length()));
            }
        }
        String letter = containsAny(text, rule.onlyHintWith());
        if (letter != null && hit.confidence > 0) {
            // a complaint or suggestion about what happens there, not a call for help: a person looks
            hit.confidence = Math.min(hit.confidence, rules.thresholds().flag());
            hit.hintedBy = letter;
        }
        return hit.confidence > 0 ? hit : null;
    }

    private static Hit held(Hit hit, String word) {
        hit.heldBy = word;
        hit.confidence = 0;
        return hit;
    }

    /** The best hit of an outcome that was not held back. */
    private static Hit best(List<Hit> hits, TriageOutcome outcome) {
        Hit best = null;
        for (Hit h : hits) {
            if (h.heldBy == null && h.rule.rule().outcome() == outcome && (best == null || h.confidence > best.confidence)) {
                best = h;
            }
        }
        return best;
    }

    private static int boundaryBefore(String text, int from, String ends) {
        int i = from;
        while (i > 0 && ends.indexOf(text.charAt(i - 1)) < 0) {
            i--;
        }
        return i;
    }

    private static int boundaryAfter(String text, int from, String ends) {
        int i = from;
        while (i < text.length() && ends.indexOf(text.charAt(i)) < 0) {
            i++;
        }
        return i;
    }

    private static String containsAny(String text, List<String> words) {
        for (String w : words) {
            if (text.contains(w)) {
                return w;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- content

    /**
     * The words of substance in a short text: what is left of it without generic words (greetings, pronouns,
     * 投诉, 了), fillers (测试), confirmations and every invalid rule's words, in whole words: Chinese words, and
     * Latin words that are not keyboard mashing; numbers with their units ("三个", "二十秒") say nothing.
     */
    List<String> contentWords(String text) {
        // every occurrence of every word that is no content is blanked, overlapping ones too ("恶意骚扰热线")
        char[] rest = text.toCharArray();
        for (String w : noContent) {
            for (int at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) {
                java.util.Arrays.fill(rest, at, at + w.length(), ' ');
            }
        }
        List<String> content = new ArrayList<>();
        for (Words.Token t : Words.tokens(new String(rest))) {
            String w = t.word();
            if (generic.contains(w) || QUANTITY.matcher(w).matches()) {
                continue;
            }
            long han = w.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
            boolean latinWord = w.length() >= 3 && w.chars().allMatch(c -> c < 128 && Character.isLetter(c))
                    && !keyboardMash(w);
            if (han >= 1 || latinWord) {
                content.add(w);
            }
        }
        return content;
    }

    /** Letters from one keyboard row, or one short run repeated: "asdfgh", "qqqq", "dfgdfgdfg". */
    static boolean keyboardMash(String bare) {
        String s = bare.toLowerCase(Locale.ROOT);
        if (s.length() < 4 || !s.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c))) {
            return false;
        }
        for (String row : KEYBOARD_ROWS) {
            if (s.chars().allMatch(c -> row.indexOf(c) >= 0)) {
                return true;
            }
        }
        for (int period = 1; period <= 3; period++) {
            boolean repeats = s.length() >= 2 * period;
            for (int i = period; i < s.length() && repeats; i++) {
                repeats = s.charAt(i) == s.charAt(i - period);
            }
            if (repeats) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- text

    /**
     * Full-width letters, digits and signs as their ASCII forms, the ideographic space as a space, Latin in lower
     * case: one character for one, so that offsets stay those of the original text.
     */
    static String normalise(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= '\uFF01' && c <= '\uFF5E' && "，；：！？（）".indexOf(c) < 0) {
                c = (char) (c - 0xFEE0);
            } else if (c == '\u3000') {
                c = ' ';
            }
            chars[i] = Character.toLowerCase(c);
        }
        return new String(chars);
    }

    private static List<String> normalised(List<String> words) {
        return words.stream().map(Triager::normalise).toList();
    }

    private static double round(double confidence) {
        return Math.round(Math.max(0, Math.min(1, confidence)) * 1000) / 1000.0;
    }
}
