package org.hotline.assessment.internal;

import static org.hotline.platform.DbTime.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.hotline.assessment.AccountabilityCase;
import org.hotline.assessment.CaseKind;
import org.hotline.assessment.CaseScore;
import org.hotline.assessment.CaseStatus;
import org.hotline.assessment.EvidenceOrder;
import org.hotline.assessment.Indicator;
import org.hotline.assessment.RankingGroup;
import org.hotline.organization.UnitId;
import org.hotline.platform.DbTime;
import org.hotline.platform.JdbcBatches;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Stored accountability cases. A case is inserted once with its evidence (scores and orders), which never
 * changes; afterwards only its status and the explanation and conclusion are updated, optimistically.
 */
@Repository
class AccountabilityCases {

    private final JdbcClient jdbc;
    private final JdbcBatches batches;
    private final MultiRowInsert multiRowInsert;

    AccountabilityCases(JdbcClient jdbc, JdbcBatches batches, MultiRowInsert multiRowInsert) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.multiRowInsert = multiRowInsert;
    }

    /** The kinds of case already opened for each unit for the month. */
    Map<UnitId, Set<CaseKind>> openedFor(YearMonth month) {
        Map<UnitId, Set<CaseKind>> opened = new HashMap<>();
        jdbc.sql("SELECT unit_id, kind FROM accountability_case WHERE case_month = :month")
                .param("month", month.atDay(1)).query(rs -> {
                    opened.computeIfAbsent(new UnitId(rs.getString(1)), k -> EnumSet.noneOf(CaseKind.class))
                            .add(CaseKind.valueOf(rs.getString(2)));
                });
        return opened;
    }

    boolean exists(CaseKind kind, UnitId unit, YearMonth month) {
        return jdbc.sql("SELECT COUNT(*) FROM accountability_case"
                + " WHERE kind = :kind AND unit_id = :unit AND case_month = :month")
                .param("kind", kind.name()).param("unit", unit.value()).param("month", month.atDay(1))
                .query(Integer.class).single() > 0;
    }

    /**
     * Inserts a new case with its evidence and returns its id; empty when the unit already has a case of this
     * kind for the month (opened by another instance at the same moment), which is left as it is.
     */
    OptionalLong add(AccountabilityCase c) {
        AccountabilityCase.Snapshot s = c.snapshot();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO accountability_case (version, kind, unit_id, unit_name, ranking_group, case_month,
                  opened_at, reason, addressed_to, status)
                VALUES (0, :kind, :unit, :unitName, :group, :month, :openedAt, :reason, :addressedTo, :status)
                ON CONFLICT DO NOTHING
                """)
                .param("kind", s.kind().name()).param("unit", s.unit().value())
                .param("unitName", s.unitName()).param("group", s.group().name())
                .param("month", s.month().atDay(1)).param("openedAt", DbTime.param(s.openedAt()))
                .param("reason", s.reason()).param("addressedTo", s.addressedTo())
                .param("status", s.status().name())
                .update(key, "id");
        if (key.getKey() == null) {
            return OptionalLong.empty();
        }
        long id = key.getKey().longValue();
        batches.update("""
                INSERT INTO accountability_case_score (case_id, score_month, ranking_group, unit_rank, group_size,
                  score, response_rate, resolution_rate, satisfaction_rate, replied, overdue, redone, unsatisfied,
                  non_cooperation)
                VALUES (:id, :month, :group, :rank, :groupSize, :score, :response, :resolution, :satisfaction,
                  :replied, :overdue, :redone, :unsatisfied, :nonCooperation)
                """, s.scores(), cs -> new MapSqlParameterSource().addValue("id", id)
                .addValue("month", cs.month().atDay(1))
                .addValue("group", cs.group().name()).addValue("rank", cs.rank(), Types.INTEGER)
                .addValue("groupSize", cs.groupSize()).addValue("score", cs.score(), Types.NUMERIC)
                .addValue("response", cs.responseRate(), Types.DOUBLE)
                .addValue("resolution", cs.resolutionRate(), Types.DOUBLE)
                .addValue("satisfaction", cs.satisfactionRate(), Types.DOUBLE)
                .addValue("replied", cs.replied()).addValue("overdue", cs.overdue())
                .addValue("redone", cs.redone()).addValue("unsatisfied", cs.unsatisfied())
                .addValue("nonCooperation", cs.nonCooperation()));
        List<EvidenceOrder> evidence = s.orders();
        multiRowInsert.insert(
                "accountability_case_order (case_id, seq, order_number, indicator, occurred_at)", 5, evidence,
                (ps, first, o, index) -> {
                    ps.setLong(first, id);
                    ps.setInt(first + 1, index + 1);
                    ps.setString(first + 2, o.orderNumber());
                    ps.setString(first + 3, o.indicator().name());
                    ps.setObject(first + 4, DbTime.param(o.at()));
                });
        return OptionalLong.of(id);
    }

    /** Writes the case's status, explanation and conclusion, if nobody changed it since it was read. */
    void update(AccountabilityCase c) {
        AccountabilityCase.Snapshot s = c.snapshot();
        int updated = jdbc.sql("""
                UPDATE accountability_case SET version = version + 1, status = :status, explanation = :explanation,
                  explained_by = :explainedBy, explained_at = :explainedAt, conclusion = :conclusion,
                  concluded_by = :concludedBy, concluded_at = :concludedAt
                WHERE id = :id AND version = :version
                """).param("id", s.id()).param("version", s.version())
                .param("status", s.status().name()).param("explanation", s.explanation())
                .param("explainedBy", s.explainedBy()).param("explainedAt", DbTime.param(s.explainedAt()))
                .param("conclusion", s.conclusion()).param("concludedBy", s.concludedBy())
                .param("concludedAt", DbTime.param(s.concludedAt()))
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("accountability case " + s.id() + " changed meanwhile");
        }
        c.stored(s.version() + 1);
    }

    Optional<AccountabilityCase> find(long id) {
        return load("WHERE id = :id", new MapSqlParameterSource("id", id)).stream().findFirst();
    }

    /** Cases filtered by unit (null: all), month and status (null: any), newest first. */
    List<AccountabilityCase> list(UnitId unit, YearMonth month, CaseStatus status) {
        StringBuilder where = new StringBuilder("WHERE 1 = 1");
        MapSqlParameterSource p = new MapSqlParameterSource();
        if (unit != null) {
            where.append(" AND unit_id = :unit");
            p.addValue("unit", unit.value());
        }
        if (month != null) {
            where.append(" AND case_month = :month");
            p.addValue("month", month.atDay(1));
        }
        if (status != null) {
            where.append(" AND status = :status");
            p.addValue("status", status.name());
        }
        return load(where + " ORDER BY case_month DESC, id DESC", p);
    }

    private List<AccountabilityCase> load(String where, MapSqlParameterSource params) {
        List<AccountabilityCase.Snapshot> heads = jdbc.sql("SELECT * FROM accountability_case " + where)
                .paramSource(params).query((rs, n) -> head(rs)).list();
        if (heads.isEmpty()) {
            return List.of();
        }
        List<Long> ids = heads.stream().map(AccountabilityCase.Snapshot::id).toList();
        Map<Long, List<CaseScore>> scores = new HashMap<>();
        jdbc.sql("SELECT * FROM accountability_case_score WHERE case_id IN (:ids) ORDER BY score_month")
                .param("ids", ids).query(rs -> {
                    scores.computeIfAbsent(rs.getLong("case_id"), k -> new ArrayList<>()).add(score(rs));
                });
        Map<Long, List<EvidenceOrder>> orders = new HashMap<>();
        jdbc.sql("SELECT * FROM accountability_case_order WHERE case_id IN (:ids) ORDER BY seq")
                .param("ids", ids).query(rs -> {
                    orders.computeIfAbsent(rs.getLong("case_id"), k -> new ArrayList<>()).add(new EvidenceOrder(
                            rs.getString("order_number"), Indicator.valueOf(rs.getString("indicator")),
                            instant(rs, "occurred_at")));
                });
        return heads.stream().map(h -> AccountabilityCase.restore(new AccountabilityCase.Snapshot(h.id(),
                h.version(), h.kind(), h.unit(), h.unitName(), h.group(), h.month(), h.openedAt(), h.reason(),
                h.addressedTo(), scores.getOrDefault(h.id(), List.of()), orders.getOrDefault(h.id(), List.of()),
                h.status(), h.explanation(), h.explainedBy(), h.explainedAt(), h.conclusion(), h.concludedBy(),
                h.concludedAt()))).toList();
    }

    private static AccountabilityCase.Snapshot head(ResultSet rs) throws SQLException {
        return new AccountabilityCase.Snapshot(rs.getLong("id"), rs.getLong("version"),
                CaseKind.valueOf(rs.getString("kind")), new UnitId(rs.getString("unit_id")),
                rs.getString("unit_name"), RankingGroup.valueOf(rs.getString("ranking_group")),
                YearMonth.from(DbTime.date(rs, "case_month")), instant(rs, "opened_at"),
                rs.getString("reason"), rs.getString("addressed_to"), List.of(), List.of(),
                CaseStatus.valueOf(rs.getString("status")), rs.getString("explanation"),
                rs.getString("explained_by"), instant(rs, "explained_at"), rs.getString("conclusion"),
                rs.getString("concluded_by"), instant(rs, "concluded_at"));
    }

    private static CaseScore score(ResultSet rs) throws SQLException {
        int rank = rs.getInt("unit_rank");
        Integer rankOrNull = rs.wasNull() ? null : rank;
        return new CaseScore(YearMonth.from(DbTime.date(rs, "score_month")),
                RankingGroup.valueOf(rs.getString("ranking_group")), rankOrNull, rs.getInt("group_size"),
                rs.getBigDecimal("score"), nullableDouble(rs, "response_rate"), nullableDouble(rs, "resolution_rate"),
                nullableDouble(rs, "satisfaction_rate"), rs.getInt("replied"), rs.getInt("overdue"),
                rs.getInt("redone"), rs.getInt("unsatisfied"), rs.getInt("non_cooperation"));
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}
