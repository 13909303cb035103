package org.hotline.triage.internal;

import java.util.List;

import org.hotline.triage.Evidence;
import org.hotline.triage.KnowledgeCandidate;
import org.hotline.triage.Triage;
import org.hotline.triage.TriageRules;
import org.hotline.workorder.Channel;
import org.hotline.workorder.EmergencyService;
import org.hotline.workorder.IntakeTriage;
import org.hotline.workorder.InvalidReason;
import org.hotline.workorder.ProperRoute;
import org.hotline.workorder.TriageOutcome;

/** A triage decision as intake shows it ({@link IntakeTriage.Advice}): the same shape everywhere it is shown. */
final class Advices {

    private Advices() {
    }

    static IntakeTriage.Advice of(Triage t) {
        String targetLabel = switch (t.outcome()) {
            case EMERGENCY -> t.service().number() + " " + t.service().label();
            case OTHER_CHANNEL -> t.route().label() + "（" + t.route().body() + "）";
            case INVALID -> t.invalidReason().label();
            case KNOWLEDGE -> t.knowledge().isEmpty() ? null : t.knowledge().get(0).title();
            case DISPATCH -> null;
        };
        return new IntakeTriage.Advice(t.outcome(), t.outcome().label(), t.service(),
                t.service() == null ? null : t.service().number(), t.route(), t.invalidReason(), targetLabel,
                t.confidence(), t.flagged(), t.note(), t.instruction(), t.explanation(), t.warning(),
                evidence(t.evidence()), knowledge(t.knowledge()), t.rulesVersion());
    }

    static List<IntakeTriage.Evidence> evidence(List<Evidence> evidence) {
        return evidence.stream().map(e -> new IntakeTriage.Evidence(e.rule(), e.label(), e.effect().name(), e.words(),
                e.against())).toList();
    }

    static List<IntakeTriage.KnowledgeHit> knowledge(List<KnowledgeCandidate> candidates) {
        return candidates.stream().map(c -> new IntakeTriage.KnowledgeHit(c.entry(), c.title(), c.answer(), c.score()))
                .toList();
    }

    /**
     * A stored record's advice as shown: the facts from the record, the texts for people from the rules in service
     * (they are not stored).
     */
    static IntakeTriage.Advice stored(TriageRecords.Stored s, TriageRules rules) {
        EmergencyService service = null;
        ProperRoute route = null;
        InvalidReason reason = null;
        String targetLabel = null;
        String key = s.suggested().name();
        switch (s.suggested()) {
            case EMERGENCY -> {
                service = EmergencyService.valueOf(s.suggestedRoute());
                targetLabel = service.number() + " " + service.label();
                key = service.name();
            }
            case OTHER_CHANNEL -> {
                route = ProperRoute.valueOf(s.suggestedRoute());
                targetLabel = route.label() + "（" + route.body() + "）";
                key = route.name();
            }
            case INVALID -> {
                reason = InvalidReason.valueOf(s.suggestedRoute());
                targetLabel = reason.label();
            }
            case KNOWLEDGE -> targetLabel = s.knowledge().isEmpty() ? null : s.knowledge().get(0).title();
            case DISPATCH -> {
            }
        }
        TriageRules.Texts texts = rules.textsFor(key);
        if (texts.instruction() == null) {
            texts = rules.textsFor(s.suggested().name());
        }
        boolean alone = s.channel() != Channel.PHONE;
        return new IntakeTriage.Advice(s.suggested(), s.suggested().label(), service,
                service == null ? null : service.number(), route, reason, targetLabel, s.confidence(), s.flagged(),
                s.note(), s.suggested() == TriageOutcome.DISPATCH ? null : texts.instruction(), texts.explanation(),
                alone && service != null ? texts.warning() : null, s.evidence(), s.knowledge(), s.rulesVersion());
    }
}
