package org.hotline.quality.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.hotline.quality.CallResult;
import org.hotline.quality.CallbackAttempt;
import org.hotline.quality.ReplyCheck;
import org.hotline.quality.ReviewDecision;
import org.hotline.quality.Satisfaction;
import org.hotline.workorder.Citizen;

/** What the quality API answers with: its own records, never the domain objects. */
final class QualityViews {

    private QualityViews() {
    }

    record PageView<T>(List<T> items, int page, int size, long total) {
    }

    /** A reply waiting for a review level. The phone is masked: reviewers read, they do not call. */
    record ReviewItem(String number, int replySeq, String unit, String unitName, String level, String levelLabel,
            List<String> levels, String categoryCode, String urgency, String channel, String appealType,
            String content, String citizenName, String citizenPhone, Instant repliedAt, String repliedBy,
            String outcome, String publicReply, String actionsTaken, String internalNote, boolean citizenContacted,
            int redoCount, List<DecisionView> decisions, ReplyQualityScores.View quality) {
    }

    /** The citizen's name as a reviewer reads it: not named when they asked for confidentiality. */
    static String nameForReviewer(Citizen citizen) {
        return citizen.confidential() ? citizen.maskedName() : citizen.name();
    }

    /** The citizen's phone as a reviewer reads it: masked, for reviewers read and do not call. */
    static String phoneForReviewer(Citizen citizen) {
        return citizen.maskedPhone();
    }

    record DecisionView(int seq, String level, String levelLabel, boolean approved, String reviewer,
            String reviewerName, String reviewerRole, Instant at, String reason) {
    }

    /**
     * A citizen to call back now. The agent sees the full number. For a citizen who asked for confidentiality the
     * unit's internal note is left out (see {@link QualityQueues#callbacksDue}).
     */
    record CallbackItem(String number, int replySeq, String unit, String unitName, String categoryCode,
            String urgency, String content, String address, String citizenName, String citizenPhone,
            boolean confidential, Instant repliedAt, String publicReply, String actionsTaken, String internalNote,
            int attemptsMade, int maxAttempts, Instant due, int redoCount) {
    }

    record EscalationItem(String number, int replySeq, String unit, String unitName, int redoCount,
            Instant escalatedAt, String escalatedBy, String reason, String categoryCode, String content) {
    }

    record AttemptView(int attempt, Instant at, String agent, boolean reached, Boolean resolved, String satisfaction,
            String comment) {
    }

    /**
     * One reply's checks as the order's page shows them. {@code callbackPlan} is shown to the center only: a unit
     * that knew its reply would not be called back could say anything in it.
     */
    record CheckView(int replySeq, String unit, Instant repliedAt, int redoCount, List<String> levels, String stage,
            String stageLabel, String currentLevel, String currentLevelLabel, String callbackPlan,
            int callbackAttempts, Instant callbackDue, String outcome, String outcomeLabel, Instant finishedAt,
            List<DecisionView> decisions, List<AttemptView> attempts) {
    }

    static DecisionView decision(ReviewDecision d) {
        return new DecisionView(d.seq(), d.level().name(), d.level().label(), d.approved(), d.reviewer(),
                d.reviewerName(), d.reviewerRole().name(), d.at(), d.reason());
    }

    static AttemptView attempt(CallbackAttempt a) {
        CallResult r = a.result();
        return new AttemptView(a.attempt(), a.at(), a.agent(), r.reached(), r.resolved(),
                r.satisfaction() == null ? null : r.satisfaction().name(), r.comment());
    }

    static CheckView check(ReplyCheck c, List<CallbackAttempt> attempts, boolean showPlan) {
        return new CheckView(c.replySeq(), c.unit().value(), c.repliedAt(), c.redoCount(),
                c.levels().stream().map(Enum::name).toList(), c.stage().name(), c.stage().label(),
                c.currentLevel() == null ? null : c.currentLevel().name(),
                c.currentLevel() == null ? null : c.currentLevel().label(),
                showPlan ? c.plan().name() : null, c.attempts(), c.callbackDue(),
                c.outcome() == null ? null : c.outcome().name(), c.outcome() == null ? null : c.outcome().label(),
                c.finishedAt(), c.decisions().stream().map(QualityViews::decision).toList(),
                attempts.stream().map(QualityViews::attempt).toList());
    }

    static CallResult callResult(ResultSet rs) throws SQLException {
        String satisfaction = rs.getString("satisfaction");
        return new CallResult(rs.getBoolean("reached"), Sql.nullableBoolean(rs, "resolved"),
                satisfaction == null ? null : Satisfaction.valueOf(satisfaction), rs.getString("comment"));
    }
}
