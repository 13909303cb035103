package org.hotline.knowledge.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline.knowledge.EntryAction;
import org.hotline.knowledge.EntryId;
import org.hotline.knowledge.EntryStatus;
import org.hotline.knowledge.HistoryLine;
import org.hotline.knowledge.KnowledgeChanges;
import org.hotline.knowledge.KnowledgeEntry;
import org.hotline.organization.Role;
import org.hotline.organization.UnitId;
import org.hotline.platform.ChangeSignals;
import org.hotline.platform.ConflictException;
import org.hotline.workorder.OrderNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * The entries and their history in the database. Every write signals {@link KnowledgeChanges#ENTRIES} in its
 * transaction, so every instance's index follows once it commits. An update names the version it read: a stale
 * one changes nothing and is a conflict.
 */
@Component
class JdbcKnowledgeEntries {

    /** Keywords are stored one a line. */
    private static final String KEYWORD_SEPARATOR = "\n";

    private final JdbcClient jdbc;
    private final ChangeSignals signals;

    JdbcKnowledgeEntries(JdbcClient jdbc, ChangeSignals signals) {
        this.jdbc = jdbc;
        this.signals = signals;
    }

    /** Stores a new entry (its id is ignored) at version 1 and returns it with the id it got. */
    KnowledgeEntry insert(KnowledgeEntry e) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO knowledge_entry (version, title, answer, policy_basis, unit_id, valid_from, valid_to,
                    keywords, status, source_order, revises, created_at, created_by, updated_at, updated_by)
                VALUES (1, :title, :answer, :basis, :unit, :from, :to, :keywords, :status, :source, :revises,
                    :createdAt, :createdBy, :updatedAt, :updatedBy)""")
                .params(params(e)).update(key, "id");
        signals.changed(KnowledgeChanges.ENTRIES);
        long id = key.getKey().longValue();
        return find(new EntryId(id)).orElseThrow();
    }

    /** Writes the entry over the stored one if that is still at {@code e.version()}; returns it at its new version. */
    KnowledgeEntry update(KnowledgeEntry e) {
        Map<String, Object> params = params(e);
        params.put("id", e.id().value());
        params.put("version", e.version());
        int rows = jdbc.sql("""
                UPDATE knowledge_entry SET version = version + 1, title = :title, answer = :answer,
                    policy_basis = :basis, unit_id = :unit, valid_from = :from, valid_to = :to, keywords = :keywords,
                    status = :status, updated_at = :updatedAt, updated_by = :updatedBy
                WHERE id = :id AND version = :version""").params(params).update();
        if (rows == 0) {
            throw new ConflictException("stale-version", "知识条目已被其他用户修改，请刷新后重试");
        }
        signals.changed(KnowledgeChanges.ENTRIES);
        return find(e.id()).orElseThrow();
    }

    Optional<KnowledgeEntry> find(EntryId id) {
        return jdbc.sql("SELECT * FROM knowledge_entry WHERE id = :id").param("id", id.value())
                .query(JdbcKnowledgeEntries::map).optional();
    }

    Optional<KnowledgeEntry> findBySourceOrder(OrderNumber order) {
        return jdbc.sql("SELECT * FROM knowledge_entry WHERE source_order = :order").param("order", order.value())
                .query(JdbcKnowledgeEntries::map).optional();
    }

    /** The draft or proposed revision of a published entry, if one is open. */
    Optional<KnowledgeEntry> openRevisionOf(EntryId id) {
        return jdbc.sql("SELECT * FROM knowledge_entry WHERE revises = :id AND status IN ('DRAFT', 'IN_REVIEW')")
                .param("id", id.value()).query(JdbcKnowledgeEntries::map).optional();
    }

    /** Every entry: the search index is built from them. */
    List<KnowledgeEntry> all() {
        return jdbc.sql("SELECT * FROM knowledge_entry ORDER BY id").query(JdbcKnowledgeEntries::map).list();
    }

    List<KnowledgeEntry> byIds(Collection<EntryId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM knowledge_entry WHERE id IN (:ids)")
                .param("ids", ids.stream().map(EntryId::value).toList()).query(JdbcKnowledgeEntries::map).list();
    }

    /** Each entry's version: what the index compares with what it holds. */
    Map<EntryId, Long> versions() {
        Map<EntryId, Long> versions = new HashMap<>();
        jdbc.sql("SELECT id, version FROM knowledge_entry").query((rs, row) -> versions.put(
                new EntryId(rs.getLong("id")), rs.getLong("version"))).list();
        return versions;
    }

    /** A page of entries, most recently changed first, with the total; statuses empty means any. */
    Page list(Collection<EntryStatus> statuses, UnitId unit, LocalDate servedOn, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (!statuses.isEmpty()) {
            where.append(" AND status IN (:statuses)");
            params.put("statuses", statuses.stream().map(Enum::name).toList());
        }
        if (unit != null) {
            where.append(" AND unit_id = :unit");
            params.put("unit", unit.value());
        }
        if (servedOn != null) {
            where.append(" AND status = 'PUBLISHED' AND (valid_from IS NULL OR valid_from <= :day)"
                    + " AND (valid_to IS NULL OR valid_to >= :day)");
            params.put("day", servedOn);
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM knowledge_entry" + where).params(params).query(Long.class)
                .single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<KnowledgeEntry> entries = jdbc.sql("SELECT * FROM knowledge_entry" + where
                + " ORDER BY updated_at DESC, id DESC LIMIT :limit OFFSET :offset").params(params)
                .query(JdbcKnowledgeEntries::map).list();
        return new Page(entries, total);
    }

    record Page(List<KnowledgeEntry> entries, long total) {
    }

    boolean isEmpty() {
        return jdbc.sql("SELECT COUNT(*) FROM knowledge_entry").query(Long.class).single() == 0;
    }

    // ---------------------------------------------------------------- history

    /** Appends a line after the entry's last one. */
    void append(EntryId entry, Instant at, String actor, Role role, EntryAction action, EntryStatus before,
            EntryStatus after, long version, String changed, String note) {
        int seq = jdbc.sql("SELECT COALESCE(MAX(seq), 0) + 1 FROM knowledge_entry_history WHERE entry_id = :id")
                .param("id", entry.value()).query(Integer.class).single();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("id", entry.value());
        params.put("seq", seq);
        params.put("at", time(at));
        params.put("actor", actor);
        params.put("role", role.name());
        params.put("action", action.name());
        params.put("before", before == null ? null : before.name());
        params.put("after", after.name());
        params.put("version", version);
        params.put("changed", changed);
        params.put("note", note);
        jdbc.sql("""
                INSERT INTO knowledge_entry_history (entry_id, seq, at, actor, actor_role, action, status_before,
                    status_after, version, changed, note)
                VALUES (:id, :seq, :at, :actor, :role, :action, :before, :after, :version, :changed, :note)""")
                .params(params).update();
    }

    List<HistoryLine> history(EntryId entry) {
        return jdbc.sql("SELECT * FROM knowledge_entry_history WHERE entry_id = :id ORDER BY seq")
                .param("id", entry.value()).query((rs, row) -> new HistoryLine(new EntryId(rs.getLong("entry_id")),
                        rs.getInt("seq"), instant(rs, "at"), rs.getString("actor"),
                        Role.valueOf(rs.getString("actor_role")), EntryAction.valueOf(rs.getString("action")),
                        status(rs.getString("status_before")), EntryStatus.valueOf(rs.getString("status_after")),
                        rs.getLong("version"), rs.getString("changed"), rs.getString("note")))
                .list();
    }

    // ---------------------------------------------------------------- mapping

    private static Map<String, Object> params(KnowledgeEntry e) {
        Map<String, Object> p = new HashMap<>();
        p.put("title", e.title());
        p.put("answer", e.answer());
        p.put("basis", e.policyBasis());
        p.put("unit", e.unit() == null ? null : e.unit().value());
        p.put("from", e.validFrom());
        p.put("to", e.validTo());
        p.put("keywords", String.join(KEYWORD_SEPARATOR, e.keywords()));
        p.put("status", e.status().name());
        p.put("source", e.sourceOrder() == null ? null : e.sourceOrder().value());
        p.put("revises", e.revises() == null ? null : e.revises().value());
        p.put("createdAt", time(e.createdAt()));
        p.put("createdBy", e.createdBy());
        p.put("updatedAt", time(e.updatedAt()));
        p.put("updatedBy", e.updatedBy());
        return p;
    }

    private static KnowledgeEntry map(ResultSet rs, int row) throws SQLException {
        String unit = rs.getString("unit_id");
        String source = rs.getString("source_order");
        long revises = rs.getLong("revises");
        boolean revisesNull = rs.wasNull();
        String keywords = rs.getString("keywords");
        return new KnowledgeEntry(new EntryId(rs.getLong("id")), rs.getLong("version"), rs.getString("title"),
                rs.getString("answer"), rs.getString("policy_basis"), unit == null ? null : new UnitId(unit),
                date(rs, "valid_from"), date(rs, "valid_to"),
                keywords == null || keywords.isEmpty() ? List.of() : Arrays.asList(keywords.split(KEYWORD_SEPARATOR)),
                EntryStatus.valueOf(rs.getString("status")), source == null ? null : new OrderNumber(source),
                revisesNull ? null : new EntryId(revises), instant(rs, "created_at"), rs.getString("created_by"),
                instant(rs, "updated_at"), rs.getString("updated_by"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static EntryStatus status(String s) {
        return s == null ? null : EntryStatus.valueOf(s);
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
