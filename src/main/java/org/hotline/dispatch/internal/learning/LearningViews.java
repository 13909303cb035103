package org.hotline.dispatch.internal.learning;

import java.time.Instant;
import java.util.List;

/** What the learning pages show ({@link ModelPages}, {@link ImportPages}): public, for the template engine. */
public final class LearningViews {

    private LearningViews() {
    }

    /** A model version with its measured figures; {@code served} when this instance answers with it. */
    public record VersionRow(int version, Instant createdAt, String createdBy, String labelKind, int examples,
            int labels, String method, Double macroF1, Double accuracy, long trainingMillis, String note,
            boolean active, boolean served) {

        static VersionRow of(ModelVersions.Version v, boolean served) {
            return new VersionRow(v.version(), v.createdAt(), v.createdBy(), v.labelKind().name(), v.examples(),
                    v.labels(), v.metricMethod().name(), v.macroF1(), v.accuracy(), v.trainingMillis(), v.note(),
                    v.active(), served);
        }
    }

    /** A training job and how far it is: fits done of all, the phase, the time left at the pace so far. */
    public record TrainingRow(long id, String labelKind, String status, String startedBy, String note,
            Integer examples, int stepsDone, Integer stepsTotal, Integer percent, String phase, Long secondsLeft,
            Integer version, String failure, Instant startedAt, Instant finishedAt) {

        static TrainingRow of(TrainingRuns.Run r) {
            return new TrainingRow(r.id(), r.labelKind().name(), r.status(), r.startedBy(), r.note(), r.examples(),
                    r.stepsDone(), r.stepsTotal(), r.percent(), r.phase(), r.secondsLeft(), r.version(), r.failure(),
                    r.startedAt(), r.finishedAt());
        }

        public boolean running() {
            return TrainingRuns.RUNNING.equals(status);
        }
    }

    /** An activation or a rollback, from the administrators' audit. */
    public record AuditRow(Instant at, String actor, String action, String version, String detail) {

        static AuditRow of(org.hotline.platform.AdminAudit.Entry e) {
            return new AuditRow(e.at(), e.actor(), e.action(), e.target(), e.detail());
        }

        public boolean rollback() {
            return "ROLLBACK".equals(action);
        }
    }

    /** An import job and how far it is. */
    public record ImportRow(long id, String fileName, String status, String startedBy, int rowsRead, int accepted,
            int rejected, Integer percent, Double rowsPerSecond, Long secondsLeft, String failure, Instant startedAt,
            Instant finishedAt, int rejectsKept) {

        static ImportRow of(HistoryImports.Progress p) {
            return new ImportRow(p.id(), p.fileName(), p.status(), p.startedBy(), p.rowsRead(), p.accepted(),
                    p.rejected(), p.percent(), p.rowsPerSecond(), p.secondsLeft(), p.failure(), p.startedAt(),
                    p.finishedAt(), p.rejects().size());
        }

        public boolean running() {
            return "RUNNING".equals(status);
        }
    }

    /** A rejected row: its number in the file (the header is row 1) and why. */
    public record RejectRow(long row, String reason) {
    }

    /** One page of the rejected rows kept. */
    public record RejectPage(List<RejectRow> rows, int page, int pages) {
    }

    /** An uploaded file waiting for its column mapping: its columns and its first rows. */
    public record Preview(String token, String fileName, String charset, List<String> header, List<List<String>> rows) {
    }
}
