package org.hotline.triage;

import java.util.List;
import java.util.Objects;

import org.hotline.workorder.EmergencyService;
import org.hotline.workorder.InvalidReason;
import org.hotline.workorder.ProperRoute;
import org.hotline.workorder.TriageOutcome;

/**
 * One named triage rule, kept as data ({@code triage/rules.yaml}): phrases that point to an outcome, and the
 * context that confirms or holds them back. "着火了" is a fire now; "上次着火后的赔偿" is not.
 *
 * <p>A <b>trigger</b> is a phrase; "…" inside it stands for up to eight characters of the same clause
 * ("已…起诉" matches 已经向区法院起诉). A hit is <b>held back</b> when, in its sentence, one of {@code unlessBefore}
 * comes before it (a past or hypothetical time: 去年, 如果; unless a word of the {@code @now} list lies between,
 * as in "去年着火了，现在又着火了"), one of {@code unlessAround} stands anywhere (赔偿, 隐患), one of
 * {@code unlessPrev} ends right before it (没有, 未) or one of {@code unlessNext} starts right after it
 * (跳楼价, 救命钱). A hit that is not held back counts with {@code confidence} when one of {@code requires} is in
 * its sentence (or when {@code requires} is empty), and with {@code weakConfidence} otherwise; but where a word of
 * {@code onlyHintWith} stands anywhere in the appeal (a complaint letter's 尊敬的, 投诉, 建议; a pollution
 * complaint's 排放), it only hints: the appeal is flagged for a person, never decided. Any list may name a shared
 * list of {@link TriageRules#terms()} as {@code @name}.
 *
 * <p>An {@link TriageOutcome#INVALID} rule with {@code onlyWithoutContent} decides only when the appeal says
 * nothing else of substance (or an operator's confirmation such as 无具体诉求 is there): a real problem said
 * angrily or after a test word is never discarded.
 *
 * @param name a stable id, named in tests and records
 * @param label what the rule means, as the operator reads it in the evidence
 * @param target the service ({@link EmergencyService}), route ({@link ProperRoute}) or reason
 *        ({@link InvalidReason}) the outcome goes with, by name
 */
public record TriageRule(String name, String label, TriageOutcome outcome, String target, double confidence,
        double weakConfidence, List<String> triggers, List<String> requires, List<String> unlessBefore,
        List<String> unlessAround, List<String> unlessPrev, List<String> unlessNext, List<String> onlyHintWith,
        boolean onlyWithoutContent) {

    public TriageRule {
        if (name == null || !name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("a triage rule's name is lower-case words joined by '-': " + name);
        }
        Objects.requireNonNull(outcome, () -> "rule " + name + ": outcome");
        label = label == null || label.isBlank() ? name : label;
        triggers = list(triggers);
        requires = list(requires);
        unlessBefore = list(unlessBefore);
        unlessAround = list(unlessAround);
        unlessPrev = list(unlessPrev);
        unlessNext = list(unlessNext);
        onlyHintWith = list(onlyHintWith);
        if (triggers.isEmpty()) {
            throw new IllegalArgumentException("rule " + name + " has no triggers");
        }
        if (!(confidence > 0 && confidence <= 1) || !(weakConfidence >= 0 && weakConfidence <= confidence)) {
            throw new IllegalArgumentException("rule " + name + ": 0 <= weakConfidence <= confidence <= 1");
        }
        if (outcome == TriageOutcome.DISPATCH || outcome == TriageOutcome.KNOWLEDGE) {
            throw new IllegalArgumentException("rule " + name + ": rules point away from dispatch; " + outcome
                    + " is what remains when none decides");
        }
        checkTarget(name, outcome, target);
    }

    private static void checkTarget(String name, TriageOutcome outcome, String target) {
        try {
            switch (outcome) {
                case EMERGENCY -> EmergencyService.valueOf(target);
                case OTHER_CHANNEL -> ProperRoute.valueOf(target);
                case INVALID -> InvalidReason.valueOf(target);
                default -> {
                }
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("rule " + name + ": " + target + " is no target of " + outcome);
        }
    }

    private static List<String> list(List<String> words) {
        return words == null ? List.of() : words.stream().filter(w -> w != null && !w.isBlank()).toList();
    }
}
