package org.hotline.assessment.internal;

import static org.hotline.platform.DbTime.instant;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.hotline.assessment.AccountabilityCase;
import org.hotline.assessment.RankedUnit;
import org.hotline.assessment.Ranking;
import org.hotline.assessment.RankingGroup;
import org.hotline.assessment.ScoringRules;
import org.hotline.organization.Categories;
import org.hotline.organization.Category;
import org.hotline.organization.Unit;
import org.hotline.organization.UnitId;
import org.hotline.organization.Units;
import org.hotline.platform.DbTime;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The monthly bulletin (通报): per group the best and the worst units (红榜, 末位), the orders that went
 * overdue and the orders sent back for redo that month, and the accountability cases opened for it. It names
 * units, orders and categories only: no citizen's name, phone or words ever go into it, since it is
 * circulated beyond the people who handle the orders.
 */
@Component
class Bulletins {

    private final Assessments assessments;
    private final JdbcClient jdbc;
    private final Units units;
    private final Categories categories;
    private final Clock clock;

    Bulletins(Assessments assessments, JdbcClient jdbc, Units units, Categories categories,
            Clock clock) {
        this.assessments = assessments;
        this.jdbc = jdbc;
        this.units = units;
        this.categories = categories;
        this.clock = clock;
    }

    record Bulletin(YearMonth month, Instant generatedAt, ZoneId zone, ScoringRules rules, List<GroupLists> groups,
            OrderList overdue, OrderList redone, List<AccountabilityCase> cases) {
    }

    /** 红榜 and 末位 of one group. */
    record GroupLists(RankingGroup group, int ranked, List<RankedUnit> top, List<RankedUnit> bottom) {
    }

    /** Up to the configured number of orders, and how many there were in all. */
    record OrderList(long total, List<BulletinOrder> orders) {
    }

    /**
     * An order as the bulletin shows it. {@code at} is the deadline for an overdue order and the last redo for
     * a redone one; {@code repliedAt} is null for an order still unanswered.
     */
    record BulletinOrder(String number, String unitName, String category, Instant at, Instant repliedAt,
            int redos) {
    }

    Bulletin of(YearMonth month) {
        AssessmentProperties p = assessments.properties();
        Ranking ranking = assessments.ranking(month);
        List<GroupLists> groups = new ArrayList<>();
        for (RankingGroup g : RankingGroup.values()) {
            groups.add(new GroupLists(g, ranking.group(g).size(), ranking.top(g, p.bulletinTop()),
                    ranking.bottom(g, p.bulletinTop())));
        }
        Instant now = clock.instant();
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("from", DbTime.startOfDay(month.atDay(1), clock.getZone()))
                .addValue("to", DbTime.startOfDay(month.plusMonths(1).atDay(1), clock.getZone()))
                .addValue("now", DbTime.param(now))
                .addValue("limit", p.bulletinMaxOrders());
        // the same definition as the OVERDUE indicator (FactQueries)
        String overdueWhere = """
                FROM work_order o
                WHERE o.handle_deadline >= :from AND o.handle_deadline < :to AND o.handle_deadline < :now
                  AND (o.status IN ('DISPATCHED', 'IN_PROGRESS')
                       OR (o.status IN ('REPLIED', 'CLOSED') AND o.replied_at > o.handle_deadline))
                """;
        long overdueTotal = count("SELECT COUNT(*) " + overdueWhere, params);
        List<BulletinOrder> overdue = jdbc.sql("""
                SELECT o.number, o.lead_unit_id, o.category_code, o.handle_deadline,
                  CASE WHEN o.status IN ('REPLIED', 'CLOSED') THEN o.replied_at END AS answered_at, o.redo_count
                """ + overdueWhere + " ORDER BY o.handle_deadline, o.number LIMIT :limit").paramSource(params)
                .query((rs, n) -> new BulletinOrder(rs.getString("number"), unitName(rs.getString("lead_unit_id")),
                        categoryName(rs.getString("category_code")), instant(rs, "handle_deadline"),
                        instant(rs, "answered_at"), rs.getInt("redo_count")))
                .list();
        String redoneFrom = """
                FROM work_order_history h JOIN work_order o ON o.number = h.order_number
                WHERE h.action = 'REDO' AND h.occurred_at >= :from AND h.occurred_at < :to
                """;
        long redoneTotal = count("SELECT COUNT(DISTINCT h.order_number) " + redoneFrom, params);
        List<BulletinOrder> redone = jdbc.sql("""
                SELECT h.order_number, MAX(o.lead_unit_id) AS lead_unit_id, MAX(o.category_code) AS category_code,
                  MAX(h.occurred_at) AS last_redo, COUNT(*) AS redos
                """ + redoneFrom + " GROUP BY h.order_number ORDER BY MAX(h.occurred_at), h.order_number LIMIT :limit")
                .paramSource(params).query((rs, n) -> new BulletinOrder(rs.getString("order_number"),
                        unitName(rs.getString("lead_unit_id")), categoryName(rs.getString("category_code")),
                        instant(rs, "last_redo"), null, rs.getInt("redos")))
                .list();
        List<AccountabilityCase> cases = assessments.casesOfMonth(month);
        return new Bulletin(month, now, clock.getZone(), assessments.compositeScore().rules(), groups,
                new OrderList(overdueTotal, overdue), new OrderList(redoneTotal, redone), cases);
    }

    private long count(String sql, MapSqlParameterSource params) {
        return jdbc.sql(sql).paramSource(params).query(Long.class).single();
    }

    private String unitName(String id) {
        return id == null ? "" : units.find(new UnitId(id)).map(Unit::name).orElse(id);
    }

    private String categoryName(String code) {
        return code == null ? "" : categories.find(code).map(Category::name).orElse(code);
    }
}
