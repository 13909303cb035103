package org.hotline.dispatch.internal.learning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hotline.dispatch.LabelKind;
import org.hotline.platform.AdminAudit;
import org.hotline.platform.ChangeSignals;
import org.hotline.platform.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Table {@code dispatch_model}: every trained version with its metrics and bytes, at most one active. */
@Component
class ModelVersions {

    /** How a version's figures were measured: 5-fold cross-validation, one 20% holdout, or not at all. */
    enum MetricMethod {
        CV5, HOLDOUT, NONE
    }

    /** A version without its bytes, as listed to admins. */
    record Version(int version, Instant createdAt, String createdBy, LabelKind labelKind, int examples, int labels,
            long lastExampleId, String note, MetricMethod metricMethod, Double macroF1, Double accuracy,
            long trainingMillis, String settings, boolean active) {
    }

    /** A new version to store. */
    record NewVersion(String createdBy, LabelKind labelKind, int examples, int labels, long lastExampleId,
            String note, MetricMethod metricMethod, Double macroF1, Double accuracy, long trainingMillis,
            String settings, byte[] data) {
    }

    private static final String COLUMNS = """
            version, created_at, created_by, label_kind, examples, labels, last_example_id, note, metric_method,
            macro_f1, accuracy, training_millis, settings, active""";

    /** The topic of {@link ChangeSignals} an activation raises: every instance then serves the version. */
    static final String ACTIVE_CHANGES = "dispatch.model";

    private final JdbcClient jdbc;
    private final ChangeSignals signals;
    private final AdminAudit audit;

    ModelVersions(JdbcClient jdbc, ChangeSignals signals, AdminAudit audit) {
        this.jdbc = jdbc;
        this.signals = signals;
        this.audit = audit;
    }

    int add(NewVersion v, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO dispatch_model (created_at, created_by, label_kind, examples, labels, last_example_id,
                    note, metric_method, macro_f1, accuracy, training_millis, settings, data, active)
                VALUES (:at, :by, :kind, :examples, :labels, :last, :note, :method, :f1, :accuracy, :millis,
                    :settings, :data, NULL)""")
                .param("at", DbTime.param(now)).param("by", HistoryImports.truncate(v.createdBy(), 64))
                .param("kind", v.labelKind().name()).param("examples", v.examples()).param("labels", v.labels())
                .param("last", v.lastExampleId()).param("note", HistoryImports.truncate(v.note(), 500))
                .param("method", v.metricMethod().name()).param("f1", v.macroF1()).param("accuracy", v.accuracy())
                .param("millis", v.trainingMillis()).param("settings", v.settings()).param("data", v.data())
                .update(key, "version");
        Number id = key.getKeyAs(Number.class);
        return id != null ? id.intValue() : ((Number) key.getKeys().get("version")).intValue();
    }

    List<Version> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dispatch_model ORDER BY version DESC").query(this::map).list();
    }

    Optional<Version> find(int version) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dispatch_model WHERE version = :v").param("v", version)
                .query(this::map).optional();
    }

    /** The cheap query every instance polls with. */
    Optional<Integer> activeVersion() {
        return jdbc.sql("SELECT version FROM dispatch_model WHERE active = TRUE").query(Integer.class).optional();
    }

    Optional<Version> active() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dispatch_model WHERE active = TRUE").query(this::map).optional();
    }

    Optional<byte[]> data(int version) {
        return jdbc.sql("SELECT data FROM dispatch_model WHERE version = :v").param("v", version)
                .query((rs, i) -> rs.getBytes(1)).optional();
    }

    boolean isEmpty() {
        return jdbc.sql("SELECT COUNT(*) FROM dispatch_model").query(Long.class).single() == 0;
    }

    /**
     * Makes {@code version} the one active version, and records who did it in the administrators' audit in the same
     * transaction: a rollback (an earlier version than the one in service) as {@code ROLLBACK}, any other switch as
     * {@code ACTIVATE}; activating the version already in service changes and records nothing. False when the
     * version does not exist (nothing changes then).
     *
     * @param why what led to it, for the audit (null: an administrator's choice)
     */
    @Transactional
    boolean activate(int version, String actor, String why) {
        if (find(version).isEmpty()) {
            return false;
        }
        Optional<Integer> before = activeVersion();
        if (before.isPresent() && before.get() == version) {
            return true;
        }
        // first clear, then set: the unique constraint on active allows one TRUE at any moment
        jdbc.sql("UPDATE dispatch_model SET active = NULL WHERE active = TRUE AND version <> :v")
                .param("v", version).update();
        jdbc.sql("UPDATE dispatch_model SET active = TRUE WHERE version = :v").param("v", version).update();
        signals.changed(ACTIVE_CHANGES);
        boolean rollback = before.isPresent() && version < before.get();
        String detail = (rollback ? "回滚：版本 " + before.get() + " → 版本 " + version
                : before.map(b -> "启用版本 " + version + "（此前使用版本 " + b + "）")
                        .orElse("启用版本 " + version + "（此前没有使用中的版本）"))
                + (why == null ? "" : "，" + why);
        audit.record(actor, AdminAudit.DISPATCH_MODEL, Integer.toString(version), rollback ? "ROLLBACK" : "ACTIVATE",
                detail);
        return true;
    }

    /** The latest activations and rollbacks, newest first. */
    List<AdminAudit.Entry> activations(int limit) {
        return audit.recent(AdminAudit.DISPATCH_MODEL, null, limit);
    }

    private Version map(ResultSet rs, int i) throws SQLException {
        return new Version(rs.getInt("version"), DbTime.instant(rs, "created_at"), rs.getString("created_by"),
                LabelKind.valueOf(rs.getString("label_kind")), rs.getInt("examples"), rs.getInt("labels"),
                rs.getLong("last_example_id"), rs.getString("note"),
                MetricMethod.valueOf(rs.getString("metric_method")), rs.getObject("macro_f1", Double.class),
                rs.getObject("accuracy", Double.class), rs.getLong("training_millis"), rs.getString("settings"),
                Boolean.TRUE.equals(rs.getObject("active", Boolean.class)));
    }
}
