package org.hotline.organization.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline.organization.Gazetteer;
import org.hotline.organization.OrganizationChanges;
import org.hotline.organization.Place;
import org.hotline.organization.PlaceKind;
import org.hotline.organization.UnitId;
import org.hotline.platform.ChangeSignals;
import org.hotline.platform.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The places table, read from an in-memory snapshot, read again after a change on any instance (see
 * {@link ChangeSignals}): address matching at intake scans it, and the whole district is a few thousand rows
 * at most.
 */
@Component
class JdbcGazetteer implements Gazetteer {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ChangeSignals signals;
    private final ChangeSignals.Snapshot<Map<String, PlaceEntry>> snapshot;

    JdbcGazetteer(JdbcClient jdbc, Clock clock, ChangeSignals signals) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.signals = signals;
        this.snapshot = signals.snapshot(this::loadAll, OrganizationChanges.PLACES);
    }

    @Override
    public List<Place> all() {
        return entries().stream().filter(PlaceEntry::active).map(PlaceEntry::place).toList();
    }

    @Override
    public Optional<Place> find(String id) {
        return id == null ? Optional.empty()
                : Optional.ofNullable(snapshot.get().get(id)).map(PlaceEntry::place);
    }

    @Override
    public List<Place> placesOf(UnitId unit) {
        return all().stream().filter(p -> p.unit().equals(unit)).toList();
    }

    List<PlaceEntry> entries() {
        return List.copyOf(snapshot.get().values());
    }

    Optional<PlaceEntry> entry(String id) {
        return Optional.ofNullable(snapshot.get().get(id));
    }

    /** The place as committed now, bypassing the snapshot: for checks before a write. */
    Optional<PlaceEntry> current(String id) {
        return jdbc.sql("SELECT * FROM places WHERE id = :id").param("id", id)
                .query(JdbcGazetteer::map).optional();
    }

    /** How many active places a unit is responsible for, as committed now. */
    long activeCountOf(UnitId unit) {
        return jdbc.sql("SELECT COUNT(*) FROM places WHERE unit_id = :unit AND active = TRUE")
                .param("unit", unit.value()).query(Long.class).single();
    }

    void insert(PlaceEntry entry) {
        jdbc.sql("""
                INSERT INTO places (id, name, kind, parent_id, unit_id, aliases, active, updated_at)
                VALUES (:id, :name, :kind, :parent, :unit, :aliases, :active, :now)""")
                .params(params(entry))
                .update();
        signals.changed(OrganizationChanges.PLACES);
    }

    void update(PlaceEntry entry) {
        jdbc.sql("""
                UPDATE places SET name = :name, kind = :kind, parent_id = :parent, unit_id = :unit,
                                  aliases = :aliases, active = :active, updated_at = :now
                WHERE id = :id""")
                .params(params(entry))
                .update();
        signals.changed(OrganizationChanges.PLACES);
    }

    private Map<String, Object> params(PlaceEntry entry) {
        Place p = entry.place();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("id", p.id());
        params.put("name", p.name());
        params.put("kind", p.kind().name());
        params.put("parent", p.parentId());
        params.put("unit", p.unit().value());
        params.put("aliases", String.join(OrganizationRules.ALIAS_SEPARATOR, p.aliases()));
        params.put("active", entry.active());
        params.put("now", DbTime.param(clock.instant()));
        return params;
    }

    private Map<String, PlaceEntry> loadAll() {
        Map<String, PlaceEntry> places = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM places ORDER BY id").query(JdbcGazetteer::map).list()
                .forEach(p -> places.put(p.id(), p));
        return Collections.unmodifiableMap(places);
    }

    private static PlaceEntry map(ResultSet rs, int row) throws SQLException {
        List<String> aliases = Arrays.stream(rs.getString("aliases").split("\\|"))
                .filter(a -> !a.isBlank()).toList();
        return new PlaceEntry(
                new Place(rs.getString("id"), rs.getString("name"), PlaceKind.valueOf(rs.getString("kind")),
                        rs.getString("parent_id"), new UnitId(rs.getString("unit_id")), aliases),
                rs.getBoolean("active"));
    }
}
