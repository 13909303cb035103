package org.hotline.assessment;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.organization.UnitId;

/**
 * An accountability case (问责): opened by the monthly assessment, never by hand, against one unit for one
 * month, with the unit's scores and the orders behind them frozen as evidence. It is addressed to the
 * center's supervisors and to the discipline commission's contact (纪委监委).
 *
 * <p>The unit's leader answers with an explanation (情况说明); a supervisor or the director then concludes
 * the case with a written conclusion (认定意见). The case only moves forward,
 * {@code OPENED → EXPLANATION_SUBMITTED → CONCLUDED}; any other step is refused with a reason and changes
 * nothing. The conclusion waits for the explanation: the unit is always heard first.
 */
public final class AccountabilityCase {

    private final Long id;
    private long version;
    private final CaseKind kind;
    private final UnitId unit;
    private final String unitName;
    private final RankingGroup group;
    private final YearMonth month;
    private final Instant openedAt;
    private final String reason;
    private final String addressedTo;
    private final List<CaseScore> scores;
    private final List<EvidenceOrder> orders;
    private CaseStatus status;
    private String explanation;
    private String explainedBy;
    private Instant explainedAt;
    private String conclusion;
    private String concludedBy;
    private Instant concludedAt;

    private AccountabilityCase(Snapshot s) {
        this.id = s.id();
        this.version = s.version();
        this.kind = Objects.requireNonNull(s.kind(), "kind");
        this.unit = Objects.requireNonNull(s.unit(), "unit");
        this.unitName = s.unitName();
        this.group = s.group();
        this.month = Objects.requireNonNull(s.month(), "month");
        this.openedAt = Objects.requireNonNull(s.openedAt(), "openedAt");
        this.reason = s.reason();
        this.addressedTo = s.addressedTo();
        this.scores = List.copyOf(s.scores());
        this.orders = List.copyOf(s.orders());
        this.status = Objects.requireNonNull(s.status(), "status");
        this.explanation = s.explanation();
        this.explainedBy = s.explainedBy();
        this.explainedAt = s.explainedAt();
        this.conclusion = s.conclusion();
        this.concludedBy = s.concludedBy();
        this.concludedAt = s.concludedAt();
    }

    /** Opens a case; the id comes when it is stored. */
    public static AccountabilityCase open(CaseKind kind, UnitPeriod unit, YearMonth month, String reason,
            String addressedTo, List<CaseScore> scores, List<EvidenceOrder> orders, Instant now) {
        return new AccountabilityCase(new Snapshot(null, 0, kind, unit.unit(), unit.unitName(), unit.group(), month,
                now, reason, addressedTo, scores, orders, CaseStatus.OPENED, null, null, null, null, null, null));
    }

    public static AccountabilityCase restore(Snapshot s) {
        return new AccountabilityCase(s);
    }

    /** 提交情况说明: the unit's own leader, once, while the case is open. */
    public CaseDecision submitExplanation(String text, Actor actor, Instant now) {
        CaseDecision d;
        if (actor.role() != Role.UNIT_LEADER || !actor.belongsTo(unit)) {
            d = CaseDecision.forbidden("not-the-units-leader", "只有被问责单位的负责人可以提交情况说明");
        } else if (status != CaseStatus.OPENED) {
            d = CaseDecision.rejected("case-not-awaiting-explanation",
                    "问责事项处于「" + status.label() + "」状态，不能再提交情况说明");
        } else if (text == null || text.isBlank()) {
            d = CaseDecision.rejected("explanation-required", "情况说明不能为空");
        } else {
            d = CaseDecision.allowed();
        }
        if (d.isAllowed()) {
            explanation = text.strip();
            explainedBy = actor.username();
            explainedAt = now;
            status = CaseStatus.EXPLANATION_SUBMITTED;
        }
        return d;
    }

    /** 认定办结: a supervisor or the director, after the unit has explained. */
    public CaseDecision conclude(String text, Actor actor, Instant now) {
        CaseDecision d;
        if (actor.role() != Role.SUPERVISOR && actor.role() != Role.DIRECTOR) {
            d = CaseDecision.forbidden("not-a-supervisor", "只有督办员或中心主任可以认定办结问责事项");
        } else if (status == CaseStatus.OPENED) {
            d = CaseDecision.rejected("explanation-missing", "被问责单位尚未提交情况说明，须先听取单位说明再认定");
        } else if (status != CaseStatus.EXPLANATION_SUBMITTED) {
            d = CaseDecision.rejected("case-concluded", "问责事项已办结，不能再次认定");
        } else if (text == null || text.isBlank()) {
            d = CaseDecision.rejected("conclusion-required", "认定意见不能为空");
        } else {
            d = CaseDecision.allowed();
        }
        if (d.isAllowed()) {
            conclusion = text.strip();
            concludedBy = actor.username();
            concludedAt = now;
            status = CaseStatus.CONCLUDED;
        }
        return d;
    }

    /** The center sees every case; a unit sees its own. */
    public boolean isVisibleTo(Actor actor) {
        return actor.isCenter() || actor.belongsTo(unit);
    }

    public Long id() { return id; }
    public long version() { return version; }
    public CaseKind kind() { return kind; }
    public UnitId unit() { return unit; }
    public String unitName() { return unitName; }
    public RankingGroup group() { return group; }
    public YearMonth month() { return month; }
    public Instant openedAt() { return openedAt; }
    public String reason() { return reason; }
    public String addressedTo() { return addressedTo; }
    public List<CaseScore> scores() { return scores; }
    public List<EvidenceOrder> orders() { return orders; }
    public CaseStatus status() { return status; }
    public String explanation() { return explanation; }
    public String explainedBy() { return explainedBy; }
    public Instant explainedAt() { return explainedAt; }
    public String conclusion() { return conclusion; }
    public String concludedBy() { return concludedBy; }
    public Instant concludedAt() { return concludedAt; }

    /** Called by the repository once the case is written at {@code storedVersion}. */
    public void stored(long storedVersion) {
        version = storedVersion;
    }

    public Snapshot snapshot() {
        return new Snapshot(id, version, kind, unit, unitName, group, month, openedAt, reason, addressedTo, scores,
                orders, status, explanation, explainedBy, explainedAt, conclusion, concludedBy, concludedAt);
    }

    /** The stored form of a case. */
    public record Snapshot(Long id, long version, CaseKind kind, UnitId unit, String unitName, RankingGroup group,
            YearMonth month, Instant openedAt, String reason, String addressedTo, List<CaseScore> scores,
            List<EvidenceOrder> orders, CaseStatus status, String explanation, String explainedBy,
            Instant explainedAt, String conclusion, String concludedBy, Instant concludedAt) {
    }
}
