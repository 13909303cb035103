package org.hotline.quality.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hotline.organization.Actor;
import org.hotline.quality.ReplyCheck;
import org.hotline.quality.ReviewDecision;
import org.hotline.quality.ReviewLevel;
import org.hotline.workorder.Attachment;
import org.hotline.workorder.CoUnit;
import org.hotline.workorder.Decision;
import org.hotline.workorder.Reply;
import org.hotline.workorder.WorkOrder;

/**
 * The review page's view of one order's reply (审核详情): the appeal beside the reply, the co-units' parts, the
 * attachments, the levels passed and to come, the earlier replies and what became of them, and whether the
 * viewer may decide now, with the reason when not. The citizen as a reviewer reads them (named unless
 * confidential, the phone masked); another unit's internal note is left out for a unit's leader, as on the
 * order page.
 */
record ReviewView(String number, String status, boolean urgent, String appealType, String channel, String category,
        Instant registeredAt, String content, String address, String citizenName, String citizenPhone,
        boolean confidential, String leadUnit, int redoCount, ReplyView reply, List<CoUnitView> coUnits,
        List<Attachment> attachments, List<LevelView> levels, List<EarlierReply> earlier, String level,
        String levelLabel, boolean mayDecide, String refusal) {

    record ReplyView(int seq, String unit, String repliedBy, Instant at, String outcome, String publicReply,
            String actionsTaken, String internalNote, boolean citizenContacted) {
    }

    record CoUnitView(String unit, String state, String text, Instant at) {
    }

    /** One review level of the current reply: passed (by whom, when), rejected, waiting now, or still to come. */
    record LevelView(String label, String state, String reviewer, Instant at, String reason) {
    }

    /** A reply before the current one, with how its check ended and why. */
    record EarlierReply(ReplyView reply, String outcome, List<QualityViews.DecisionView> decisions,
            List<QualityPages.AttemptRow> attempts) {
    }

    static ReviewView of(QualityLoop.ReviewCase c, List<Attachment> attachments, Actor viewer, QualityPages names) {
        WorkOrder o = c.order();
        ReplyCheck check = c.check();
        Function<Reply, ReplyView> reply = r -> new ReplyView(r.seq(), names.unitName(r.unit()), r.repliedBy(), r.at(),
                r.outcome().label(), r.publicReply(), r.actionsTaken(),
                !viewer.isCenter() && !viewer.belongsTo(r.unit()) ? null : r.internalNote(), r.citizenContacted());
        List<Reply> replies = o.replies();
        // the reply under review: the check's own; without an open check, the last one
        int currentSeq = check != null ? check.replySeq() : replies.isEmpty() ? -1 : replies.get(replies.size() - 1).seq();
        ReplyView current = replies.stream().filter(r -> r.seq() == currentSeq).findFirst().map(reply).orElse(null);
        Map<Integer, QualityViews.CheckView> checks = c.record().stream()
                .collect(Collectors.toMap(QualityViews.CheckView::replySeq, v -> v, (a, b) -> b));
        List<EarlierReply> earlier = new ArrayList<>();
        for (Reply r : replies) {
            if (r.seq() == currentSeq) {
                continue;
            }
            QualityViews.CheckView v = checks.get(r.seq());
            earlier.add(new EarlierReply(reply.apply(r), v == null ? null : v.outcomeLabel() != null ? v.outcomeLabel()
                    : v.stageLabel(), v == null ? List.of() : v.decisions(),
                    v == null ? List.of() : QualityPages.attempts(v.attempts())));
        }
        String rejected = c.decision() instanceof Decision.Rejected r ? r.reason() : null;
        ReviewLevel level = check == null ? null : check.currentLevel();
        return new ReviewView(o.number().value(), o.status().label(), o.urgency().isUrgent(), o.appealType().label(),
                o.channel().label(), names.category(o.categoryCode()), o.registeredAt(), o.content(),
                o.location().address(), QualityViews.nameForReviewer(o.citizen()),
                QualityViews.phoneForReviewer(o.citizen()), o.citizen().confidential(), names.unitName(o.leadUnit()),
                o.redoCount(), current, o.coUnits().stream().map(u -> coUnit(u, names)).toList(), attachments,
                check == null ? List.of() : levels(check), earlier, level == null ? null : level.name(),
                level == null ? null : level.label(), rejected == null, rejected);
    }

    private static CoUnitView coUnit(CoUnit u, QualityPages names) {
        String name = names.unitName(u.unit());
        if (u.hasSubmitted()) {
            return new CoUnitView(name, "submitted", u.contribution(), u.submittedAt());
        }
        if (u.isNonCooperating()) {
            return new CoUnitView(name, "non-cooperating", u.nonCooperationReason(), u.nonCooperationAt());
        }
        return new CoUnitView(name, "pending", null, u.deadline());
    }

    private static List<LevelView> levels(ReplyCheck check) {
        List<LevelView> views = new ArrayList<>();
        for (ReviewLevel level : check.levels()) {
            ReviewDecision d = check.decisions().stream().filter(x -> x.level() == level).reduce((a, b) -> b)
                    .orElse(null);
            if (d != null) {
                views.add(new LevelView(level.label(), d.approved() ? "approved" : "rejected",
                        d.reviewerName() == null ? d.reviewer() : d.reviewerName(), d.at(), d.reason()));
            } else if (level == check.currentLevel()) {
                views.add(new LevelView(level.label(), "current", null, null, null));
            } else {
                views.add(new LevelView(level.label(), check.stage() == ReplyCheck.Stage.REVIEW ? "waiting" : "skipped",
                        null, null, null));
            }
        }
        return views;
    }
}
