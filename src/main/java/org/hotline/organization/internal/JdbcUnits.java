package org.hotline.organization.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline.organization.OrganizationChanges;
import org.hotline.organization.Unit;
import org.hotline.organization.UnitId;
import org.hotline.organization.UnitKind;
import org.hotline.organization.Units;
import org.hotline.platform.ChangeSignals;
import org.hotline.platform.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The units table. Reads come from an in-memory snapshot, read again after a change on any instance (see
 * {@link ChangeSignals}); writes go straight to the database and signal the change. Lists include inactive
 * units: callers that send new work check {@link Unit#active()}.
 */
@Component
class JdbcUnits implements Units {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ChangeSignals signals;
    private final ChangeSignals.Snapshot<Map<UnitId, UnitEntry>> snapshot;

    JdbcUnits(JdbcClient jdbc, Clock clock, ChangeSignals signals) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.signals = signals;
        this.snapshot = signals.snapshot(this::loadAll, OrganizationChanges.UNITS);
    }

    @Override
    public Optional<Unit> find(UnitId id) {
        return entry(id).map(UnitEntry::unit);
    }

    @Override
    public List<Unit> all() {
        return entries().stream().map(UnitEntry::unit).toList();
    }

    Optional<UnitEntry> entry(UnitId id) {
        return Optional.ofNullable(snapshot.get().get(id));
    }

    List<UnitEntry> entries() {
        return List.copyOf(snapshot.get().values());
    }

    /** The unit as committed now, bypassing the snapshot: for checks before a write. */
    Optional<UnitEntry> current(UnitId id) {
        return jdbc.sql("SELECT * FROM units WHERE id = :id").param("id", id.value())
                .query(JdbcUnits::map).optional();
    }

    boolean isEmpty() {
        return jdbc.sql("SELECT COUNT(*) FROM units").query(Long.class).single() == 0;
    }

    void insert(UnitEntry entry) {
        jdbc.sql("""
                INSERT INTO units (id, name, kind, parent_id, contact_phone, active, updated_at)
                VALUES (:id, :name, :kind, :parent, :phone, :active, :now)""")
                .params(params(entry))
                .update();
        signals.changed(OrganizationChanges.UNITS);
    }

    void update(UnitEntry entry) {
        jdbc.sql("""
                UPDATE units SET name = :name, kind = :kind, parent_id = :parent, contact_phone = :phone,
                                 active = :active, updated_at = :now
                WHERE id = :id""")
                .params(params(entry))
                .update();
        signals.changed(OrganizationChanges.UNITS);
    }

    private Map<String, Object> params(UnitEntry entry) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("id", entry.id().value());
        params.put("name", entry.unit().name());
        params.put("kind", entry.unit().kind().name());
        params.put("parent", entry.parent() == null ? null : entry.parent().value());
        params.put("phone", entry.contactPhone());
        params.put("active", entry.unit().active());
        params.put("now", DbTime.param(clock.instant()));
        return params;
    }

    private Map<UnitId, UnitEntry> loadAll() {
        Map<UnitId, UnitEntry> units = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM units ORDER BY kind, id").query(JdbcUnits::map).list()
                .forEach(u -> units.put(u.id(), u));
        return Collections.unmodifiableMap(units);
    }

    private static UnitEntry map(ResultSet rs, int row) throws SQLException {
        String parent = rs.getString("parent_id");
        return new UnitEntry(
                new Unit(new UnitId(rs.getString("id")), rs.getString("name"),
                        UnitKind.valueOf(rs.getString("kind")), rs.getBoolean("active")),
                rs.getString("contact_phone"),
                parent == null ? null : new UnitId(parent));
    }
}
