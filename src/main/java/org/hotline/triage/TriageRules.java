package org.hotline.triage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole rule set, as data: its version (recorded with every decision), the shared word lists rules refer to
 * as {@code @name}, the rules, what the operator and the citizen are told per service, route and reason, and the
 * thresholds. Loaded from {@code triage/rules.yaml} (or {@code hotline.triage.rules-file}).
 *
 * @param terms shared word lists; {@code now} (the present: 正在, 刚才) lifts a past word's hold, {@code generic}
 *        (greetings, pronouns, 投诉) and {@code fillers} (测试, test) do not count as content
 * @param confirmations an operator's words that an invalid call had no appeal (无具体诉求, 经核实为恶作剧)
 * @param texts per target (a service, route or reason name, or KNOWLEDGE): {@code instruction} for the operator,
 *        {@code explanation} for the citizen, {@code warning} for a citizen who entered an emergency alone
 */
public record TriageRules(String version, Map<String, List<String>> terms, List<TriageRule> rules,
        List<String> confirmations, Map<String, Texts> texts, Thresholds thresholds) {

    /** What people are told for one target. */
    public record Texts(String instruction, String explanation, String warning) {
    }

    /**
     * @param decide the least confidence for an outcome other than dispatch
     * @param flag the least confidence of a hint that flags the appeal for the operator
     * @param knowledge the least knowledge-base score for a knowledge answer
     * @param decideWithin the longest appeal (in characters) in which a rule decides; in a longer text, a letter
     *        about what happened, a rule only flags the appeal for a person
     */
    public record Thresholds(double decide, double flag, double knowledge, int decideWithin) {

        public Thresholds {
            if (!(flag > 0 && flag <= decide && decide <= 1 && knowledge > 0 && knowledge <= 1 && decideWithin > 0)) {
                throw new IllegalArgumentException(
                        "0 < flag <= decide <= 1, 0 < knowledge <= 1 and decideWithin > 0");
            }
        }
    }

    public TriageRules {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("the triage rules need a version: it is recorded with each decision");
        }
        terms = terms == null ? Map.of() : Map.copyOf(terms);
        rules = List.copyOf(rules);
        confirmations = confirmations == null ? List.of() : List.copyOf(confirmations);
        texts = texts == null ? Map.of() : Map.copyOf(texts);
        thresholds = thresholds == null ? new Thresholds(0.6, 0.35, 0.6, 200) : thresholds;
        Set<String> names = new HashSet<>();
        for (TriageRule r : rules) {
            if (!names.add(r.name())) {
                throw new IllegalArgumentException("two triage rules are named " + r.name());
            }
            for (List<String> words : List.of(r.triggers(), r.requires(), r.unlessBefore(), r.unlessAround(),
                    r.unlessPrev(), r.unlessNext(), r.onlyHintWith())) {
                for (String w : words) {
                    if (w.startsWith("@") && !terms.containsKey(w.substring(1))) {
                        throw new IllegalArgumentException("rule " + r.name() + " names the unknown list " + w);
                    }
                }
            }
        }
    }

    /** The words of a list with every {@code @name} replaced by the shared list's words. */
    public List<String> resolve(List<String> words) {
        List<String> resolved = new ArrayList<>();
        for (String w : words) {
            if (w.startsWith("@")) {
                resolved.addAll(terms.get(w.substring(1)));
            } else {
                resolved.add(w);
            }
        }
        return resolved;
    }

    /** A shared list by name, empty when there is none. */
    public List<String> term(String name) {
        return terms.getOrDefault(name, List.of());
    }

    /** The texts for a target, empty texts when none are written. */
    public Texts textsFor(String target) {
        return texts.getOrDefault(target, new Texts(null, null, null));
    }

    /** The rules by name, in their order. */
    public Map<String, TriageRule> byName() {
        Map<String, TriageRule> byName = new LinkedHashMap<>();
        rules.forEach(r -> byName.put(r.name(), r));
        return byName;
    }
}
