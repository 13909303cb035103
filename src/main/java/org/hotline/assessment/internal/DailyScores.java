package org.hotline.assessment.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.hotline.assessment.Facts;
import org.hotline.assessment.Indicator;
import org.hotline.assessment.ScoreCard;
import org.hotline.organization.UnitId;
import org.hotline.platform.DbTime;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored daily assessment ({@code unit_daily_score}): written a range at a time, read by day or summed by month. */
@Repository
class DailyScores {

    private static final List<Indicator> INDICATORS = List.of(Indicator.values());
    private static final String COLUMNS = INDICATORS.stream().map(FactQueries::column).collect(Collectors.joining(", "));
    private static final String SUMS = INDICATORS.stream()
            .map(i -> "SUM(" + FactQueries.column(i) + ") AS " + FactQueries.column(i))
            .collect(Collectors.joining(", "));

    private final JdbcClient jdbc;
    private final MultiRowInsert multiRowInsert;

    DailyScores(JdbcClient jdbc, MultiRowInsert multiRowInsert) {
        this.jdbc = jdbc;
        this.multiRowInsert = multiRowInsert;
    }

    /** One stored row: a unit's day. */
    record DailyScore(UnitId unit, LocalDate day, ScoreCard card, Instant computedAt) {
    }

    /** Replaces everything stored for the days {@code [from, to)} with {@code scores}. */
    int replace(LocalDate from, LocalDate to, List<DailyScore> scores) {
        jdbc.sql("DELETE FROM unit_daily_score WHERE score_day >= :from AND score_day < :to")
                .param("from", from).param("to", to).update();
        if (scores.isEmpty()) {
            return 0;
        }
        multiRowInsert.insert("unit_daily_score (score_day, unit_id, " + COLUMNS
                + ", response_rate, resolution_rate, satisfaction_rate, score, computed_at)", INDICATORS.size() + 7,
                scores, (ps, first, s, index) -> {
                    int c = first;
                    ps.setObject(c++, s.day());
                    ps.setString(c++, s.unit().value());
                    for (Indicator i : INDICATORS) {
                        ps.setInt(c++, s.card().facts().count(i));
                    }
                    setDouble(ps, c++, s.card().responseRate());
                    setDouble(ps, c++, s.card().resolutionRate());
                    setDouble(ps, c++, s.card().satisfactionRate());
                    ps.setBigDecimal(c++, s.card().publishedScore());
                    ps.setObject(c, DbTime.param(s.computedAt()));
                });
        return scores.size();
    }

    /** Each unit's facts summed over the days {@code [from, to)}. */
    Map<UnitId, Facts> summed(LocalDate from, LocalDate to) {
        Map<UnitId, Facts> sums = new HashMap<>();
        jdbc.sql("SELECT unit_id, " + SUMS + " FROM unit_daily_score WHERE score_day >= :from AND score_day < :to"
                + " GROUP BY unit_id").param("from", from).param("to", to)
                .query(rs -> {
                    sums.put(new UnitId(rs.getString("unit_id")), facts(rs));
                });
        return sums;
    }

    /** A filtered, paged list of days, newest first. */
    record Query(List<UnitId> units, LocalDate from, LocalDate to, int page, int size) {
    }

    record Page(List<Row> rows, long total) {
    }

    /** A stored day as it was computed: the facts and the figures under the rules of that moment. */
    record Row(UnitId unit, LocalDate day, Facts facts, Double responseRate, Double resolutionRate,
            Double satisfactionRate, BigDecimal score, Instant computedAt) {
    }

    Page find(Query q) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("from", q.from()).addValue("to", q.to())
                .addValue("limit", q.size()).addValue("offset", (long) q.page() * q.size());
        String where = " WHERE score_day >= :from AND score_day < :to";
        if (q.units() != null) {
            if (q.units().isEmpty()) {
                return new Page(List.of(), 0);
            }
            where += " AND unit_id IN (:units)";
            p.addValue("units", q.units().stream().map(UnitId::value).toList());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM unit_daily_score" + where).paramSource(p).query(Long.class)
                .single();
        List<Row> rows = jdbc.sql("SELECT * FROM unit_daily_score" + where
                + " ORDER BY score_day DESC, unit_id LIMIT :limit OFFSET :offset").paramSource(p)
                .query((rs, n) -> row(rs)).list();
        return new Page(rows, total);
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(new UnitId(rs.getString("unit_id")), DbTime.date(rs, "score_day"), facts(rs),
                nullableDouble(rs, "response_rate"), nullableDouble(rs, "resolution_rate"),
                nullableDouble(rs, "satisfaction_rate"), rs.getBigDecimal("score"),
                DbTime.instant(rs, "computed_at"));
    }

    private static Facts facts(ResultSet rs) throws SQLException {
        Map<Indicator, Integer> counts = new EnumMap<>(Indicator.class);
        for (Indicator i : INDICATORS) {
            counts.put(i, rs.getInt(FactQueries.column(i)));
        }
        return Facts.of(counts);
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static void setDouble(java.sql.PreparedStatement ps, int column, Double value) throws SQLException {
        if (value == null) {
            ps.setNull(column, Types.DOUBLE);
        } else {
            ps.setDouble(column, value);
        }
    }
}
