package org.hotline.organization.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline.organization.Categories;
import org.hotline.organization.Category;
import org.hotline.organization.OrganizationChanges;
import org.hotline.organization.UnitId;
import org.hotline.platform.ChangeSignals;
import org.hotline.platform.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The categories table, read from an in-memory snapshot because every intake reads it, read again after a
 * change on any instance (see {@link ChangeSignals}); writes signal the change. {@link Category#defaultUnit()} is the
 * category's own setting; {@link #defaultUnitOf} resolves inheritance from the parents.
 */
@Component
class JdbcCategories implements Categories {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ChangeSignals signals;
    private final ChangeSignals.Snapshot<Map<String, CategoryEntry>> snapshot;

    JdbcCategories(JdbcClient jdbc, Clock clock, ChangeSignals signals) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.signals = signals;
        this.snapshot = signals.snapshot(this::loadAll, OrganizationChanges.CATEGORIES);
    }

    @Override
    public Optional<Category> find(String code) {
        return code == null ? Optional.empty()
                : Optional.ofNullable(snapshot.get().get(code)).map(CategoryEntry::category);
    }

    @Override
    public List<Category> all() {
        return entries().stream().filter(CategoryEntry::active).map(CategoryEntry::category).toList();
    }

    @Override
    public Optional<UnitId> defaultUnitOf(String code) {
        // walk one consistent snapshot rather than calling find() per level, which might straddle a reload
        Map<String, CategoryEntry> categories = snapshot.get();
        CategoryEntry current = code == null ? null : categories.get(code);
        while (current != null) {
            if (current.category().defaultUnit() != null) {
                return Optional.of(current.category().defaultUnit());
            }
            String parent = current.category().parentCode();
            current = parent == null ? null : categories.get(parent);
        }
        return Optional.empty();
    }

    /** Every category, active or not, ordered by code (so parents come before their children). */
    List<CategoryEntry> entries() {
        return List.copyOf(snapshot.get().values());
    }

    /** The category as committed now, bypassing the snapshot: for checks before a write. */
    Optional<CategoryEntry> current(String code) {
        return jdbc.sql("SELECT * FROM categories WHERE code = :code").param("code", code)
                .query(JdbcCategories::map).optional();
    }

    /** Codes of the active categories directly under a parent, as committed now. */
    List<String> activeChildrenOf(String code) {
        return jdbc.sql("SELECT code FROM categories WHERE parent_code = :code AND active = TRUE ORDER BY code")
                .param("code", code).query(String.class).list();
    }

    /** Codes of the active categories whose own default unit is this one, as committed now. */
    List<String> activeDefaultingTo(UnitId unit) {
        return jdbc.sql("SELECT code FROM categories WHERE default_unit_id = :unit AND active = TRUE ORDER BY code")
                .param("unit", unit.value()).query(String.class).list();
    }

    void insert(CategoryEntry entry) {
        jdbc.sql("""
                INSERT INTO categories (code, name, level, parent_code, default_unit_id, active, updated_at)
                VALUES (:code, :name, :level, :parent, :unit, :active, :now)""")
                .params(params(entry))
                .update();
        signals.changed(OrganizationChanges.CATEGORIES);
    }

    void update(CategoryEntry entry) {
        jdbc.sql("""
                UPDATE categories SET name = :name, default_unit_id = :unit, active = :active, updated_at = :now
                WHERE code = :code""")
                .params(params(entry))
                .update();
        signals.changed(OrganizationChanges.CATEGORIES);
    }

    private Map<String, Object> params(CategoryEntry entry) {
        Category c = entry.category();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("code", c.code());
        params.put("name", c.name());
        params.put("level", c.level());
        params.put("parent", c.parentCode());
        params.put("unit", c.defaultUnit() == null ? null : c.defaultUnit().value());
        params.put("active", entry.active());
        params.put("now", DbTime.param(clock.instant()));
        return params;
    }

    private Map<String, CategoryEntry> loadAll() {
        Map<String, CategoryEntry> categories = new LinkedHashMap<>();
        // sorted here, not by the database, whose collation may ignore the dots
        jdbc.sql("SELECT * FROM categories").query(JdbcCategories::map).list().stream()
                .sorted(Comparator.comparing(CategoryEntry::code))
                .forEach(c -> categories.put(c.code(), c));
        return Collections.unmodifiableMap(categories);
    }

    private static CategoryEntry map(ResultSet rs, int row) throws SQLException {
        String unit = rs.getString("default_unit_id");
        return new CategoryEntry(
                new Category(rs.getString("code"), rs.getString("name"), rs.getInt("level"),
                        rs.getString("parent_code"), unit == null ? null : new UnitId(unit)),
                rs.getBoolean("active"));
    }
}
