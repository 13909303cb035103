package org.hotline.dispatch.internal.learning;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.hotline.dispatch.DispatchDirectory;
import org.hotline.dispatch.LabelKind;
import org.hotline.dispatch.internal.learning.LabelMapping.Mapped;
import org.hotline.dispatch.internal.model.Narrowing;
import org.hotline.dispatch.internal.model.UnitLabels;
import org.hotline.dispatch.internal.routing.DirectoryStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ResourceLoader;
import org.hotline.dispatch.internal.learning.LabelMapping.Rejected;
import org.hotline.dispatch.internal.learning.TrainingHistory.NewExample;
import org.hotline.organization.Categories;
import org.hotline.organization.Units;
import org.hotline.platform.AdminAudit;
import org.hotline.platform.DbTime;
import org.hotline.platform.TextChecks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Imports a history file into {@code dispatch_example} as a job recorded in {@code dispatch_import}. A bad
 * row never stops the import: it is counted, its reason kept (the first {@value #KEPT_REJECTS}), and the
 * next row read. Progress is written to the job's row at least every second while it runs, so that any
 * instance can answer "how far, how many rejected, how long still". Only a file that cannot be read at all
 * (not CSV or xlsx, no label column) fails the job; rows accepted before a late failure stay imported. Its start
 * (the file and the columns chosen) and its end (the counts, or why it failed) are lines of the administrators'
 * audit, each written with the job's row.
 */
@Component
class HistoryImports {

    private static final Logger log = LoggerFactory.getLogger(HistoryImports.class);

    static final int KEPT_REJECTS = 100;
    private static final int BATCH = 500;
    private static final int SUBJECT_LIMIT = 500;
    private static final TypeReference<List<Reject>> REJECTS = new TypeReference<>() {
    };

    /** A rejected row: its number in the file (the header is row 1) and why. */
    record Reject(long row, String reason) {
    }

    /** The state of one import as stored; the rate and time left are derived from it and the clock. */
    record Progress(long id, String fileName, String status, String startedBy, int rowsRead, int accepted,
            int rejected, List<Reject> rejects, Long bytesTotal, Long bytesRead, Integer rowsTotal, String failure,
            Instant startedAt, Instant updatedAt, Instant finishedAt) {

        boolean running() {
            return "RUNNING".equals(status);
        }

        /** Share of the file done, 0–100, when known. */
        Integer percent() {
            if (!running()) {
                return "DONE".equals(status) ? 100 : null;
            }
            Double done = doneShare();
            return done == null ? null : (int) Math.floor(done * 100);
        }

        Double rowsPerSecond() {
            Instant end = finishedAt != null ? finishedAt : updatedAt;
            double seconds = Duration.between(startedAt, end).toMillis() / 1000.0;
            return seconds <= 0 ? null : rowsRead / seconds;
        }

        /** Seconds still to go at the pace so far, from the row count (xlsx) or the bytes read (CSV). */
        Long secondsLeft() {
            if (!running()) {
                return null;
            }
            Double done = doneShare();
            long elapsed = Duration.between(startedAt, updatedAt).toMillis();
            if (done == null || done <= 0 || elapsed <= 0) {
                return null;
            }
            return Math.max(0, Math.round(elapsed / 1000.0 * (1 - done) / done));
        }

        private Double doneShare() {
            if (rowsTotal != null && rowsTotal > 1) {
                return Math.min(1.0, (rowsRead + 1.0) / rowsTotal);
            }
            if (bytesTotal != null && bytesTotal > 0 && bytesRead != null) {
                return Math.min(1.0, (double) bytesRead / bytesTotal);
            }
            return null;
        }
    }

    private final JdbcClient jdbc;
    private final TrainingHistory history;
    private final Categories categories;
    private final Units units;
    private final LearningJobs jobs;
    private final ObjectMapper json;
    private final Clock clock;
    private final LearningProperties properties;
    private final DirectoryStore directory;
    private final ResourceLoader resources;
    private final String historyCategories;
    private final AdminAudit audit;
    private final TransactionTemplate inTransaction;

    HistoryImports(JdbcClient jdbc, TrainingHistory history, Categories categories, Units units, LearningJobs jobs,
            ObjectMapper json, Clock clock, LearningProperties properties, DirectoryStore directory,
            ResourceLoader resources,
            @Value("${hotline.dispatch.history-categories:classpath:dispatch/history-categories.yaml}")
            String historyCategories, AdminAudit audit, PlatformTransactionManager transactions) {
        this.audit = audit;
        this.inTransaction = new TransactionTemplate(transactions);
        this.directory = directory;
        this.resources = resources;
        this.historyCategories = historyCategories;
        this.jdbc = jdbc;
        this.history = history;
        this.categories = categories;
        this.units = units;
        this.jobs = jobs;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * How this import narrows coarse categories: the history-categories file over the current directory; none
     * when the file is not set or cannot be read (the history is then imported as it names its categories).
     */
    private Narrowing narrowing() {
        if (historyCategories == null || historyCategories.isBlank()) {
            return Narrowing.NONE;
        }
        try (java.io.InputStream in = resources.getResource(historyCategories).getInputStream()) {
            DispatchDirectory current = directory.current();
            return new Narrowing(current, new UnitLabels(current, categories), Narrowing.read(in));
        } catch (java.io.IOException | RuntimeException e) {
            log.warn("History categories {} not used: {}", historyCategories, e.getMessage());
            return Narrowing.NONE;
        }
    }

    /** Records the job and runs it in the background; the file is deleted afterwards when {@code temporary}. */
    long start(String fileName, Path file, ColumnMapping mapping, String actor, boolean temporary) {
        long id = create(fileName, file, mapping, actor);
        jobs.submit("import " + id + " " + fileName, () -> {
            try {
                run(id, fileName, file, mapping, ExampleSource.IMPORT);
            } finally {
                if (temporary) {
                    deleteQuietly(file);
                }
            }
        });
        return id;
    }

    /** Runs an import on the calling thread (the first-start bootstrap, which is already in the background). */
    Progress runNow(String fileName, Path file, ColumnMapping mapping, String actor, ExampleSource source) {
        long id = create(fileName, file, mapping, actor);
        run(id, fileName, file, mapping, source);
        return find(id).orElseThrow();
    }

    Optional<Progress> find(long id) {
        return jdbc.sql("SELECT * FROM dispatch_import WHERE id = :id").param("id", id).query(this::map).optional();
    }

    List<Progress> recent(int howMany) {
        return jdbc.sql("SELECT * FROM dispatch_import ORDER BY id DESC LIMIT :n").param("n", howMany)
                .query(this::map).list();
    }

    /** Imports left RUNNING by an instance that stopped mid-way would otherwise say "running" forever. */
    int failAbandoned(Duration silentFor) {
        Instant now = clock.instant();
        return jdbc.sql("""
                UPDATE dispatch_import SET status = 'FAILED', failure = :why, finished_at = :now
                 WHERE status = 'RUNNING' AND updated_at < :before""")
                .param("why", "导入中断：处理该导入的服务已停止，请重新导入")
                .param("now", DbTime.param(now))
                .param("before", DbTime.param(now.minus(silentFor)))
                .update();
    }

    /** The job's row and its line of the audit, committed together before the job may start. */
    private long create(String fileName, Path file, ColumnMapping mapping, String actor) {
        Instant now = clock.instant();
        Long size = null;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            // the job itself reports the unreadable file
        }
        Long bytes = size;
        String name = truncate(fileName == null || fileName.isBlank() ? "history.csv" : fileName, 255);
        return inTransaction.execute(tx -> {
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("""
                    INSERT INTO dispatch_import (file_name, status, started_by, rows_read, accepted, rejected, rejects,
                        bytes_total, bytes_read, started_at, updated_at)
                    VALUES (:name, 'RUNNING', :by, 0, 0, 0, '[]', :size, 0, :now, :now)""")
                    .param("name", name)
                    .param("by", truncate(actor, 64))
                    .param("size", bytes)
                    .param("now", DbTime.param(now))
                    .update(key, "id");
            long id = generatedId(key);
            audit.record(actor, AdminAudit.HISTORY_IMPORT, Long.toString(id), "START", AdminAudit.changes()
                    .fact("标签列", mapping.label()).fact("标题列", mapping.subject()).fact("正文列", mapping.body())
                    .fact("详情列", mapping.detail()).fact("分词列", mapping.tokens()).fact("时间列", mapping.time())
                    .fact("字符集", mapping.charset().name())
                    .summary("开始导入历史工单「" + name + "」（导入任务 " + id + "）"));
            return id;
        });
    }

    /** The id the database generated for a row just inserted (H2 and PostgreSQL hand it back differently). */
    static long generatedId(GeneratedKeyHolder key) {
        return key.getKeyAs(Number.class) != null ? key.getKeyAs(Number.class).longValue()
                : ((Number) key.getKeys().get("id")).longValue();
    }

    private void run(long id, String fileName, Path file, ColumnMapping mapping, ExampleSource source) {
        Run run = new Run(id, mapping, source, LabelMapping.of(categories, units), narrowing());
        long started = System.nanoTime();
        try {
            HistoryFiles.read(file, fileName, mapping.charset(), run);
            run.flush();
            finish(run, "DONE", null);
            log.info("Import {} ({}) done: {} rows, {} accepted, {} rejected in {} ms", id, fileName, run.rowsRead,
                    run.accepted, run.rejected, (System.nanoTime() - started) / 1_000_000);
        } catch (HistoryFiles.UnreadableFile | MissingColumn e) {
            run.flushQuietly();
            finish(run, "FAILED", e.getMessage());
            log.warn("Import {} ({}) failed: {}", id, fileName, e.getMessage());
        } catch (IOException | RuntimeException e) {
            // a broken quote in a CSV swallows the rest of the file: nothing after it can be read as rows
            run.flushQuietly();
            finish(run, "FAILED", "读取到第 " + (run.lastRow + 1) + " 行附近时无法继续：" + e.getMessage());
            log.warn("Import {} ({}) failed after {} rows", id, fileName, run.rowsRead, e);
        }
    }

    private void finish(Run run, String status, String failure) {
        inTransaction.executeWithoutResult(tx -> finishRecorded(run, status, failure));
    }

    private void finishRecorded(Run run, String status, String failure) {
        Instant now = clock.instant();
        jdbc.sql("""
                UPDATE dispatch_import SET status = :status, failure = :failure, rows_read = :read,
                    accepted = :accepted, rejected = :rejected, rejects = :rejects, bytes_read = :bytes,
                    rows_total = :rowsTotal, updated_at = :now, finished_at = :now
                 WHERE id = :id""")
                .param("status", status).param("failure", truncate(failure, 1000))
                .param("read", run.rowsRead).param("accepted", run.accepted).param("rejected", run.rejected)
                .param("rejects", write(run.rejects)).param("bytes", run.bytesRead)
                .param("rowsTotal", run.rowsTotal).param("now", DbTime.param(now)).param("id", run.id)
                .update();
        find(run.id).ifPresent(p -> {
            String counts = "读取 " + run.rowsRead + " 行，导入 " + run.accepted + " 行，拒绝 " + run.rejected + " 行";
            audit.record(p.startedBy(), AdminAudit.HISTORY_IMPORT, Long.toString(run.id), "DONE".equals(status)
                    ? "DONE" : "FAILED", "DONE".equals(status) ? "导入「" + p.fileName() + "」完成：" + counts
                            : "导入「" + p.fileName() + "」失败（" + counts + "）：" + failure);
        });
    }

    private void report(Run run) {
        jdbc.sql("""
                UPDATE dispatch_import SET rows_read = :read, accepted = :accepted, rejected = :rejected,
                    rejects = :rejects, bytes_read = :bytes, rows_total = :rowsTotal, updated_at = :now
                 WHERE id = :id""")
                .param("read", run.rowsRead).param("accepted", run.accepted).param("rejected", run.rejected)
                .param("rejects", write(run.rejects)).param("bytes", run.bytesRead)
                .param("rowsTotal", run.rowsTotal).param("now", DbTime.param(clock.instant()))
                .param("id", run.id)
                .update();
    }

    /** The header has no label column, or no column with text: no row could be imported. */
    static final class MissingColumn extends RuntimeException {
        MissingColumn(String message) {
            super(message);
        }
    }

    /** One running import: turns rows into examples or rejects, and reports progress. */
    private final class Run implements HistoryFiles.RowSink {
        final long id;
        final ColumnMapping mapping;
        final ExampleSource source;
        final LabelMapping labels;
        /** Coarse categories of another taxonomy narrowed to unit-level labels (dispatch/history-categories.yaml). */
        final Narrowing narrowing;
        final List<NewExample> pending = new ArrayList<>();
        final List<Reject> rejects = new ArrayList<>();
        int label = -1;
        int subject = -1;
        int body = -1;
        int detail = -1;
        int tokens = -1;
        int time = -1;
        int rowsRead;
        int accepted;
        int rejected;
        long bytesRead;
        Integer rowsTotal;
        long lastRow = 1;
        long lastReport = System.nanoTime();

        Run(long id, ColumnMapping mapping, ExampleSource source, LabelMapping labels, Narrowing narrowing) {
            this.narrowing = narrowing;
            this.id = id;
            this.mapping = mapping;
            this.source = source;
            this.labels = labels;
        }

        @Override
        public void header(List<String> names) {
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                index.putIfAbsent(key(names.get(i)), i);
            }
            label = index.getOrDefault(key(mapping.label()), -1);
            subject = index.getOrDefault(key(mapping.subject()), -1);
            body = index.getOrDefault(key(mapping.body()), -1);
            detail = index.getOrDefault(key(mapping.detail()), -1);
            tokens = index.getOrDefault(key(mapping.tokens()), -1);
            time = index.getOrDefault(key(mapping.time()), -1);
            if (label < 0) {
                throw new MissingColumn("表头中找不到标签列「" + mapping.label() + "」（表头：" + String.join("，", names)
                        + "）");
            }
            if (subject < 0 && body < 0 && detail < 0 && tokens < 0) {
                throw new MissingColumn("表头中找不到内容列（「" + mapping.subject() + "」「" + mapping.body() + "」「"
                        + mapping.detail() + "」「" + mapping.tokens() + "」都不存在）");
            }
        }

        @Override
        public void row(long rowNumber, List<String> cells) {
            rowsRead++;
            lastRow = rowNumber;
            try {
                accept(rowNumber, cells);
            } catch (RuntimeException e) {
                reject(rowNumber, "无法读取：" + e.getMessage());
            }
            if (pending.size() >= BATCH) {
                flush();
            }
            if (System.nanoTime() - lastReport > 1_000_000_000L) {
                flush();
                report(this);
                lastReport = System.nanoTime();
            }
        }

        private void accept(long rowNumber, List<String> cells) {
            String subjectText = cell(cells, subject).strip();
            String text = cell(cells, body).strip();
            if (text.isEmpty()) {
                text = (subjectText + " " + cell(cells, detail)).strip();
            }
            if (text.isEmpty()) {
                text = cell(cells, tokens).strip();
            }
            String raw = cell(cells, label);
            LabelMapping.Result mapped = labels.map(raw);
            if (mapped instanceof Rejected r) {
                reject(rowNumber, r.reason());
                return;
            }
            if (text.isEmpty()) {
                reject(rowNumber, "内容为空");
                return;
            }
            // NUL and lone surrogates: PostgreSQL refuses NUL in text, and one such row failed its whole batch
            String problem = TextChecks.problem(subjectText + "\n" + text);
            if (problem != null) {
                reject(rowNumber, "内容" + problem);
                return;
            }
            if (text.length() > properties.textLimit()) {
                reject(rowNumber, "内容过长（" + text.length() + " 字，上限 " + properties.textLimit() + " 字）");
                return;
            }
            Mapped m = (Mapped) mapped;
            String labelled = m.kind() == LabelKind.CATEGORY && narrowing.narrows(raw)
                    ? narrowing.narrow(raw, subjectText, text) : m.label();
            pending.add(new NewExample(source, truncate(subjectText, SUBJECT_LIMIT), text, labelled, m.kind(), null,
                    time(cell(cells, time)), id));
            accepted++;
        }

        private void reject(long rowNumber, String reason) {
            rejected++;
            if (rejects.size() < KEPT_REJECTS) {
                rejects.add(new Reject(rowNumber, reason));
            }
        }

        @Override
        public void bytesRead(long bytes) {
            bytesRead = bytes;
        }

        @Override
        public void rowsTotal(int rows) {
            rowsTotal = rows;
        }

        void flush() {
            history.add(pending, clock.instant());
            pending.clear();
        }

        void flushQuietly() {
            try {
                flush();
            } catch (RuntimeException e) {
                log.warn("Import {}: could not store the last {} rows", id, pending.size(), e);
                accepted -= pending.size();
                pending.clear();
            }
        }

        private static String cell(List<String> cells, int i) {
            return i < 0 || i >= cells.size() || cells.get(i) == null ? "" : cells.get(i);
        }
    }

    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");
    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/M/d[ H:mm[:ss]]");

    /** The order's time as the file gives it, in the hotline's zone; an unreadable time is simply left out. */
    private Instant time(String value) {
        String v = value.strip();
        if (v.isEmpty()) {
            return null;
        }
        ZoneId zone = clock.getZone();
        try {
            return LocalDateTime.parse(v, SPACED).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDate.parse(v).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            var parsed = SLASHED.parseBest(v, LocalDateTime::from, LocalDate::from);
            return parsed instanceof LocalDateTime t ? t.atZone(zone).toInstant()
                    : ((LocalDate) parsed).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private Progress map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Progress(rs.getLong("id"), rs.getString("file_name"), rs.getString("status"),
                rs.getString("started_by"), rs.getInt("rows_read"), rs.getInt("accepted"), rs.getInt("rejected"),
                read(rs.getString("rejects")), (Long) rs.getObject("bytes_total", Long.class),
                rs.getObject("bytes_read", Long.class), rs.getObject("rows_total", Integer.class),
                rs.getString("failure"), DbTime.instant(rs, "started_at"), DbTime.instant(rs, "updated_at"),
                DbTime.instant(rs, "finished_at"));
    }

    private String write(List<Reject> rejects) {
        try {
            return json.writeValueAsString(rejects);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Reject> read(String value) {
        try {
            return value == null ? List.of() : json.readValue(value, REJECTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dispatch_import holds malformed JSON", e);
        }
    }

    private static String key(String column) {
        return column == null ? "\u0000" : column.strip().toLowerCase(Locale.ROOT);
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the uploaded history {}", file, e);
        }
    }
}
