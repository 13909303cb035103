package org.hotline.dispatch.internal.learning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hotline.dispatch.LabelKind;
import org.hotline.platform.AdminAudit;
import org.hotline.platform.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Table {@code dispatch_training}: each model training as a job with its progress, so that the admin who
 * started one (or anyone, on any instance) sees how far it is and how long it still needs, and what it
 * produced or why it failed. Progress is written at most about once a second: a training makes a few hundred
 * fits, and the database has better things to do than record each. A training's start and its end (the version it
 * made, or why it failed) are lines of the administrators' audit, each written with its row.
 */
@Component
class TrainingRuns {

    static final String RUNNING = "RUNNING";
    static final String DONE = "DONE";
    static final String FAILED = "FAILED";

    private static final Duration REPORT_EVERY = Duration.ofSeconds(1);

    /** One training as stored; the share done and the time left are derived from it. */
    record Run(long id, LabelKind labelKind, String status, String startedBy, String note, Integer examples,
            int stepsDone, Integer stepsTotal, String phase, Integer version, String failure, Instant startedAt,
            Instant updatedAt, Instant finishedAt) {

        boolean running() {
            return RUNNING.equals(status);
        }

        /** Share done, 0–100, once the number of steps is known. */
        Integer percent() {
            if (DONE.equals(status)) {
                return 100;
            }
            if (!running() || stepsTotal == null || stepsTotal <= 0) {
                return null;
            }
            return (int) Math.min(99, Math.floor(100.0 * stepsDone / stepsTotal));
        }

        /** Seconds still to go at the pace so far (the fits are of about equal size). */
        Long secondsLeft() {
            if (!running() || stepsTotal == null || stepsDone <= 0) {
                return null;
            }
            long elapsed = Duration.between(startedAt, updatedAt).toMillis();
            if (elapsed <= 0) {
                return null;
            }
            double perStep = elapsed / 1000.0 / stepsDone;
            return Math.max(0, Math.round(perStep * Math.max(0, stepsTotal - stepsDone)));
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AdminAudit audit;

    TrainingRuns(JdbcClient jdbc, Clock clock, AdminAudit audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    /** Records a training about to start; {@code activates} says whether its model will be served at once. */
    @Transactional
    long create(LabelKind kind, String actor, String note, boolean activates) {
        Instant now = clock.instant();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO dispatch_training (label_kind, status, started_by, note, steps_done, phase, started_at,
                    updated_at)
                VALUES (:kind, 'RUNNING', :by, :note, 0, :phase, :now, :now)""")
                .param("kind", kind.name())
                .param("by", HistoryImports.truncate(actor, 64))
                .param("note", HistoryImports.truncate(note, 500))
                .param("phase", "等待开始")
                .param("now", DbTime.param(now))
                .update(key, "id");
        long id = HistoryImports.generatedId(key);
        audit.record(actor, AdminAudit.DISPATCH_TRAINING, Long.toString(id), "START", AdminAudit.changes()
                .fact("标签", kind == LabelKind.CATEGORY ? "分类" : "承办单位").fact("说明", note)
                .fact("训练完成后", activates ? "自动启用" : "不自动启用").summary("开始训练派单模型（训练任务 " + id + "）"));
        return id;
    }

    /** How much work there is, once the examples are read. */
    void sized(long id, int examples, int stepsTotal) {
        jdbc.sql("""
                UPDATE dispatch_training SET examples = :examples, steps_total = :total, updated_at = :now
                 WHERE id = :id""")
                .param("examples", examples).param("total", stepsTotal)
                .param("now", DbTime.param(clock.instant())).param("id", id)
                .update();
    }

    /** A reporter for one run that writes its progress at most about once a second. */
    Reporter reporter(long id) {
        return new Reporter(id);
    }

    final class Reporter {
        private final long id;
        private Instant lastWritten = Instant.MIN;

        private Reporter(long id) {
            this.id = id;
        }

        /** Records the progress; written when a second has passed since the last write or {@code now} is asked. */
        void report(int stepsDone, String phase, boolean now) {
            Instant at = clock.instant();
            if (!now && Duration.between(lastWritten, at).compareTo(REPORT_EVERY) < 0) {
                return;
            }
            lastWritten = at;
            jdbc.sql("""
                    UPDATE dispatch_training SET steps_done = :done, phase = :phase, updated_at = :now
                     WHERE id = :id AND status = 'RUNNING'""")
                    .param("done", stepsDone).param("phase", HistoryImports.truncate(phase, 200))
                    .param("now", DbTime.param(at)).param("id", id)
                    .update();
        }
    }

    @Transactional
    void done(long id, int version, int stepsDone) {
        finish(id, DONE, version, null, stepsDone, "完成");
        find(id).ifPresent(run -> audit.record(run.startedBy(), AdminAudit.DISPATCH_TRAINING, Long.toString(id), "DONE",
                "训练任务 " + id + " 完成：生成模型版本 " + version
                        + (run.examples() == null ? "" : "（样本 " + run.examples() + " 条）")));
    }

    @Transactional
    void failed(long id, String failure) {
        finish(id, FAILED, null, failure, null, "失败");
        find(id).ifPresent(run -> audit.record(run.startedBy(), AdminAudit.DISPATCH_TRAINING, Long.toString(id),
                "FAILED", "训练任务 " + id + " 失败：" + (failure == null ? "原因不明" : failure)));
    }

    private void finish(long id, String status, Integer version, String failure, Integer stepsDone, String phase) {
        Instant now = clock.instant();
        jdbc.sql("""
                UPDATE dispatch_training SET status = :status, version = :version, failure = :failure,
                    steps_done = COALESCE(:done, steps_done), phase = :phase, updated_at = :now, finished_at = :now
                 WHERE id = :id""")
                .param("status", status).param("version", version).param("failure", HistoryImports.truncate(failure, 1000))
                .param("done", stepsDone).param("phase", phase).param("now", DbTime.param(now))
                .param("id", id)
                .update();
    }

    Optional<Run> find(long id) {
        return jdbc.sql("SELECT * FROM dispatch_training WHERE id = :id").param("id", id).query(this::map).optional();
    }

    List<Run> recent(int howMany) {
        return jdbc.sql("SELECT * FROM dispatch_training ORDER BY id DESC LIMIT :n").param("n", howMany)
                .query(this::map).list();
    }

    /** A training that reported within {@code silentFor}, on any instance: a second one would learn the same. */
    Optional<Run> runningSince(Duration silentFor) {
        return jdbc.sql("""
                SELECT * FROM dispatch_training WHERE status = 'RUNNING' AND updated_at >= :after
                 ORDER BY id DESC LIMIT 1""")
                .param("after", DbTime.param(clock.instant().minus(silentFor)))
                .query(this::map).optional();
    }

    /** Trainings left RUNNING by an instance that stopped mid-way would otherwise say "running" forever. */
    int failAbandoned(Duration silentFor) {
        Instant now = clock.instant();
        return jdbc.sql("""
                UPDATE dispatch_training SET status = 'FAILED', failure = :why, phase = '失败', finished_at = :now
                 WHERE status = 'RUNNING' AND updated_at < :before""")
                .param("why", "训练中断：进行该训练的服务已停止，请重新训练")
                .param("now", DbTime.param(now))
                .param("before", DbTime.param(now.minus(silentFor)))
                .update();
    }

    private Run map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Run(rs.getLong("id"), LabelKind.valueOf(rs.getString("label_kind")), rs.getString("status"),
                rs.getString("started_by"), rs.getString("note"), rs.getObject("examples", Integer.class),
                rs.getInt("steps_done"), rs.getObject("steps_total", Integer.class), rs.getString("phase"),
                rs.getObject("version", Integer.class), rs.getString("failure"),
                DbTime.instant(rs, "started_at"), DbTime.instant(rs, "updated_at"),
                DbTime.instant(rs, "finished_at"));
    }
}
