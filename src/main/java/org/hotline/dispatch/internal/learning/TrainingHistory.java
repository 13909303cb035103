package org.hotline.dispatch.internal.learning;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.hotline.dispatch.LabelKind;
import org.hotline.dispatch.internal.model.TrainingExample;
import org.hotline.platform.DbTime;
import org.hotline.platform.JdbcBatches;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Table {@code dispatch_example}: everything the models learn from, append-only. */
@Component
class TrainingHistory {

    /** One example to store; {@code orderNumber} for corrections, {@code importId} for imported rows. */
    record NewExample(ExampleSource source, String subject, String body, String label, LabelKind kind,
            String orderNumber, Instant occurredAt, Long importId) {
    }

    private static final String INSERT = """
            INSERT INTO dispatch_example (source, subject, body, label, label_kind, order_number, occurred_at,
                created_at, import_id)
            VALUES (:source, :subject, :body, :label, :kind, :order, :occurred, :created, :import)""";

    private final JdbcClient jdbc;
    private final JdbcBatches batches;

    TrainingHistory(JdbcClient jdbc, JdbcBatches batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    void add(List<NewExample> examples, Instant now) {
        batches.update(INSERT, examples, e -> new MapSqlParameterSource()
                .addValue("source", e.source().name())
                .addValue("subject", e.subject() == null ? "" : e.subject())
                .addValue("body", e.body())
                .addValue("label", e.label())
                .addValue("kind", e.kind().name())
                .addValue("order", e.orderNumber())
                .addValue("occurred", DbTime.param(e.occurredAt()))
                .addValue("created", DbTime.param(now))
                .addValue("import", e.importId()));
    }

    /** Every example of one label kind, oldest first. */
    List<TrainingExample> examples(LabelKind kind) {
        return jdbc.sql("SELECT subject, body, label FROM dispatch_example WHERE label_kind = :kind ORDER BY id")
                .param("kind", kind.name())
                .query((rs, i) -> new TrainingExample(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** The newest example's id of the kind, 0 when there is none: what "new since the model" is measured by. */
    long newestId(LabelKind kind) {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM dispatch_example WHERE label_kind = :kind")
                .param("kind", kind.name()).query(Long.class).single();
    }

    /** How many examples came from a history (an import or the demo history), as opposed to corrections. */
    long countFromHistories() {
        return jdbc.sql("SELECT COUNT(*) FROM dispatch_example WHERE source IN ('IMPORT', 'DEMO')")
                .query(Long.class).single();
    }

    Map<LabelKind, Long> countByKind() {
        Map<LabelKind, Long> counts = new EnumMap<>(LabelKind.class);
        for (LabelKind kind : LabelKind.values()) {
            counts.put(kind, 0L);
        }
        jdbc.sql("SELECT label_kind, COUNT(*) FROM dispatch_example GROUP BY label_kind")
                .query((rs, i) -> Map.entry(LabelKind.valueOf(rs.getString(1)), rs.getLong(2)))
                .list().forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    List<NewExample> ofOrder(String orderNumber) {
        return jdbc.sql("""
                SELECT source, subject, body, label, label_kind, order_number, occurred_at, import_id
                  FROM dispatch_example WHERE order_number = :n ORDER BY id""")
                .param("n", orderNumber)
                .query((rs, i) -> new NewExample(ExampleSource.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getString(3), rs.getString(4), LabelKind.valueOf(rs.getString(5)), rs.getString(6),
                        DbTime.instant(rs, 7),
                        (Long) rs.getObject(8)))
                .list();
    }
}
