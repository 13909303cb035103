package org.hotline.dispatch.internal.routing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.hotline.dispatch.DirectoryEntry;
import org.hotline.dispatch.DispatchDirectory;
import org.hotline.organization.UnitId;
import org.hotline.platform.ChangeSignals;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Table {@code dispatch_directory}: the dispatch directory as the administrator edits it. Every decision reads
 * it, so it is held in memory as a {@link DispatchDirectory} and read again after a change commits on any
 * instance (see {@link ChangeSignals}).
 */
@Component
public class DirectoryStore {

    /** The topic of {@link ChangeSignals} a change raises. */
    static final String CHANGES = "dispatch.directory";

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final ChangeSignals signals;
    private final ChangeSignals.Snapshot<DispatchDirectory> cached;

    DirectoryStore(JdbcClient jdbc, ObjectMapper json, Clock clock, ChangeSignals signals) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.signals = signals;
        this.cached = signals.snapshot(() -> new DispatchDirectory(all()), CHANGES);
    }

    /** The active entries as dispatch reads them. */
    public DispatchDirectory current() {
        return cached.get();
    }

    List<DirectoryEntry> all() {
        return jdbc.sql("SELECT * FROM dispatch_directory ORDER BY category_code").query(this::map).list();
    }

    Optional<DirectoryEntry> find(long id) {
        return jdbc.sql("SELECT * FROM dispatch_directory WHERE id = :id").param("id", id).query(this::map).optional();
    }

    Optional<DirectoryEntry> findByCategory(String code) {
        return jdbc.sql("SELECT * FROM dispatch_directory WHERE category_code = :c").param("c", code).query(this::map)
                .optional();
    }

    /** Whether the shipped directory was ever loaded (an emptied directory is not loaded again). */
    boolean loaded() {
        return jdbc.sql("SELECT COUNT(*) FROM dispatch_directory_loaded").query(Long.class).single() > 0;
    }

    void markLoaded() {
        jdbc.sql("INSERT INTO dispatch_directory_loaded (id, loaded_at) VALUES (1, :at)")
                .param("at", clock.instant().atOffset(ZoneOffset.UTC)).update();
    }

    long add(DirectoryEntry e, String actor) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO dispatch_directory (category_code, unit_id, duty, phrases, active, updated_at, updated_by)
                VALUES (:code, :unit, :duty, :phrases, :active, :at, :by)""")
                .params(values(e, actor)).update(key, "id");
        signals.changed(CHANGES);
        Number id = key.getKeyAs(Number.class);
        return id != null ? id.longValue() : ((Number) key.getKeys().get("id")).longValue();
    }

    boolean replace(long id, DirectoryEntry e, String actor) {
        var values = values(e, actor);
        values.put("id", id);
        int n = jdbc.sql("""
                UPDATE dispatch_directory SET category_code = :code, unit_id = :unit, duty = :duty,
                       phrases = :phrases, active = :active, updated_at = :at, updated_by = :by
                 WHERE id = :id""").params(values).update();
        signals.changed(CHANGES);
        return n == 1;
    }

    boolean delete(long id) {
        int n = jdbc.sql("DELETE FROM dispatch_directory WHERE id = :id").param("id", id).update();
        signals.changed(CHANGES);
        return n == 1;
    }

    private java.util.Map<String, Object> values(DirectoryEntry e, String actor) {
        java.util.Map<String, Object> values = new java.util.HashMap<>();
        values.put("code", e.categoryCode());
        values.put("unit", e.unit() == null ? null : e.unit().value());
        values.put("duty", e.duty());
        values.put("phrases", write(e.phrases()));
        values.put("active", e.active());
        values.put("at", clock.instant().atOffset(ZoneOffset.UTC));
        values.put("by", actor);
        return values;
    }

    private DirectoryEntry map(ResultSet rs, int row) throws SQLException {
        String unit = rs.getString("unit_id");
        return new DirectoryEntry(rs.getLong("id"), rs.getString("category_code"), unit == null ? null : new UnitId(unit),
                rs.getString("duty"), read(rs.getString("phrases")), rs.getBoolean("active"));
    }

    private String write(List<String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a list of strings as JSON", e);
        }
    }

    private List<String> read(String value) {
        try {
            return value == null || value.isBlank() ? List.of() : json.readValue(value, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dispatch_directory holds a malformed list: " + value, e);
        }
    }
}
