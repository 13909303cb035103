package org.hotline.patrol.internal;

import static org.hotline.platform.DbTime.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hotline.organization.UnitId;
import org.hotline.patrol.PatrolKind;
import org.hotline.patrol.PatrolReport;
import org.hotline.platform.DbTime;
import org.hotline.workorder.Evidence;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Patrol reports and their counts. */
@Component
public class PatrolReports {

    private final JdbcClient jdbc;

    PatrolReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(PatrolReport r, LocalDate day, List<Evidence> photos) {
        jdbc.sql("""
                INSERT INTO patrol_report (id, reporter, reporter_name, unit_id, kind, text, address, latitude,
                  longitude, needs_action, order_number, reported_at, reported_day, photo_count)
                VALUES (:id, :reporter, :name, :unit, :kind, :text, :address, :lat, :lon, :needsAction, :order, :at,
                  :day, :photos)""")
                .param("id", r.id()).param("reporter", r.reporter()).param("name", r.reporterName())
                .param("unit", r.unit().value()).param("kind", r.kind().name()).param("text", r.text())
                .param("address", r.address()).param("lat", r.latitude()).param("lon", r.longitude())
                .param("needsAction", r.needsAction()).param("order", r.orderNumber())
                .param("at", DbTime.param(r.reportedAt())).param("day", day).param("photos", r.photoCount())
                .update();
        for (int i = 0; i < photos.size(); i++) {
            Evidence p = photos.get(i);
            jdbc.sql("""
                    INSERT INTO patrol_photo (report_id, seq, file_name, content_type, size_bytes, data)
                    VALUES (:id, :seq, :name, :type, :size, :data)""")
                    .param("id", r.id()).param("seq", i + 1).param("name", p.fileName()).param("type", p.contentType())
                    .param("size", p.data().length).param("data", p.data()).update();
        }
    }

    /** A reporter's latest reports, newest first. */
    public List<PatrolReport> recent(String reporter, int limit) {
        return jdbc.sql("SELECT * FROM patrol_report WHERE reporter = :r ORDER BY reported_at DESC, id"
                + " FETCH FIRST " + limit + " ROWS ONLY").param("r", reporter).query(PatrolReports::map).list();
    }

    /** Reports per reporter of a unit between two days (inclusive). */
    public Map<String, Integer> countsByReporter(UnitId unit, LocalDate from, LocalDate to) {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql("""
                SELECT reporter, COUNT(*) FROM patrol_report
                WHERE unit_id = :unit AND reported_day BETWEEN :from AND :to GROUP BY reporter""")
                .param("unit", unit.value()).param("from", from).param("to", to)
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        return counts;
    }

    /** Reports per town, reporter and day between two days (inclusive): one range query for every town. */
    public Map<UnitId, Map<String, Map<LocalDate, Integer>>> countsByTownReporterAndDay(LocalDate from,
            LocalDate to) {
        Map<UnitId, Map<String, Map<LocalDate, Integer>>> counts = new HashMap<>();
        jdbc.sql("""
                SELECT unit_id, reporter, reported_day, COUNT(*) FROM patrol_report
                WHERE reported_day BETWEEN :from AND :to GROUP BY unit_id, reporter, reported_day""")
                .param("from", from).param("to", to)
                .query(rs -> {
                    counts.computeIfAbsent(new UnitId(rs.getString(1)), u -> new HashMap<>())
                            .computeIfAbsent(rs.getString(2), r -> new HashMap<>())
                            .put(DbTime.date(rs, 3), rs.getInt(4));
                });
        return counts;
    }

    /** One reporter's reports between two days (inclusive). */
    public int count(String reporter, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT COUNT(*) FROM patrol_report WHERE reporter = :r AND reported_day BETWEEN :from AND :to")
                .param("r", reporter).param("from", from).param("to", to).query(Integer.class).single();
    }

    /** A unit's reports that needed action between two days (inclusive). */
    public int needingAction(UnitId unit, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM patrol_report
                WHERE unit_id = :unit AND reported_day BETWEEN :from AND :to AND needs_action""")
                .param("unit", unit.value()).param("from", from).param("to", to).query(Integer.class).single();
    }

    private static PatrolReport map(ResultSet rs, int row) throws SQLException {
        Object lat = rs.getObject("latitude");
        Object lon = rs.getObject("longitude");
        Instant at = instant(rs, "reported_at");
        return new PatrolReport(rs.getString("id"), rs.getString("reporter"), rs.getString("reporter_name"),
                new UnitId(rs.getString("unit_id")), PatrolKind.valueOf(rs.getString("kind")), rs.getString("text"),
                rs.getString("address"), lat == null ? null : ((Number) lat).doubleValue(),
                lon == null ? null : ((Number) lon).doubleValue(), rs.getBoolean("needs_action"),
                rs.getString("order_number"), at, rs.getInt("photo_count"));
    }
}
