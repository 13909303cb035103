package org.hotline.dispatch.internal.learning;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.hotline.dispatch.LabelKind;
import org.hotline.dispatch.internal.learning.HistoryImports.Progress;
import org.hotline.dispatch.internal.learning.HistoryImports.Reject;
import org.hotline.dispatch.internal.learning.ModelVersions.Version;
import org.hotline.organization.Actor;
import org.hotline.platform.InvalidInputException;
import org.hotline.platform.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The admin's side of AI dispatch learning: import histories, train, list and switch model versions.
 * ADMIN only, by the security configuration for {@code /api/v1/admin/**}. Imports and trainings are jobs in
 * the background (minutes for a large city's year): the call answers 202 with the job, whose progress any
 * instance can report.
 */
@RestController
@RequestMapping("/api/v1/admin/dispatch")
class LearningAdminController {

    private final HistoryImports imports;
    private final ModelTraining training;
    private final ModelVersions versions;
    private final ModelRegistry registry;
    private final TrainingRuns runs;
    private final ObjectMapper json;

    LearningAdminController(HistoryImports imports, ModelTraining training, ModelVersions versions,
            ModelRegistry registry, TrainingRuns runs, ObjectMapper json) {
        this.imports = imports;
        this.training = training;
        this.runs = runs;
        this.versions = versions;
        this.registry = registry;
        this.json = json;
    }

    // ---------------------------------------------------------------- imports

    record RejectView(long row, String reason) {
        static RejectView of(Reject r) {
            return new RejectView(r.row(), r.reason());
        }
    }

    record ImportView(long id, String fileName, String status, String startedBy, int rowsRead, int accepted,
            int rejected, List<RejectView> rejects, Integer percent, Double rowsPerSecond, Long secondsLeft,
            String failure, Instant startedAt, Instant updatedAt, Instant finishedAt) {

        static ImportView of(Progress p) {
            Double rate = p.rowsPerSecond();
            return new ImportView(p.id(), p.fileName(), p.status(), p.startedBy(), p.rowsRead(), p.accepted(),
                    p.rejected(), p.rejects().stream().map(RejectView::of).toList(), p.percent(),
                    rate == null ? null : Math.round(rate * 10) / 10.0, p.secondsLeft(), p.failure(), p.startedAt(),
                    p.updatedAt(), p.finishedAt());
        }
    }

    /**
     * Starts an import of a CSV or .xlsx history. The optional parameters name the columns (defaults: the
     * shared data's label, subject, text, detail, tokens, time) and the CSV's charset (default UTF-8, e.g.
     * GBK for exports of older systems). Answers 202 with the job; poll its Location for progress.
     */
    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportView> startImport(@RequestPart("file") MultipartFile file,
            @RequestParam(required = false) String labelColumn,
            @RequestParam(required = false) String subjectColumn,
            @RequestParam(required = false) String bodyColumn,
            @RequestParam(required = false) String detailColumn,
            @RequestParam(required = false) String tokensColumn,
            @RequestParam(required = false) String timeColumn,
            @RequestParam(required = false) String charset,
            Actor actor) throws IOException {
        if (file.isEmpty()) {
            throw new InvalidInputException("file", "文件为空");
        }
        ColumnMapping mapping = ColumnMapping.defaults().with(labelColumn, subjectColumn, bodyColumn, detailColumn,
                tokensColumn, timeColumn, charset(charset));
        // the request's upload disappears when the request ends: the job reads its own copy
        Path copy = Files.createTempFile("dispatch-import", ".upload");
        file.transferTo(copy);
        long id = imports.start(file.getOriginalFilename(), copy, mapping, actor.username(), true);
        Progress started = imports.find(id).orElseThrow();
        return ResponseEntity.accepted().location(URI.create("/api/v1/admin/dispatch/imports/" + id))
                .body(ImportView.of(started));
    }

    @GetMapping("/imports/{id}")
    ImportView importProgress(@PathVariable long id) {
        return imports.find(id).map(ImportView::of)
                .orElseThrow(() -> new NotFoundException("导入任务 " + id + " 不存在"));
    }

    @GetMapping("/imports")
    List<ImportView> recentImports() {
        return imports.recent(50).stream().map(ImportView::of).toList();
    }

    private static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new InvalidInputException("charset", "不支持的字符集「" + name + "」");
        }
    }

    // ---------------------------------------------------------------- models

    record Metrics(String method, Double macroF1, Double accuracy) {
    }

    record ModelView(int version, Instant createdAt, String createdBy, LabelKind labelKind, int examples,
            int labels, String note, Metrics metrics, long trainingMillis, JsonNode settings, boolean active,
            Boolean served) {
    }

    /** {@code activate} null follows {@code hotline.dispatch.activate-new-models}. */
    record TrainRequest(LabelKind labelKind, String note, Boolean activate) {
    }

    record TrainingView(long id, LabelKind labelKind, String status, String startedBy, String note,
            Integer examples, int stepsDone, Integer stepsTotal, Integer percent, String phase, Long secondsLeft,
            Integer version, String failure, Instant startedAt, Instant updatedAt, Instant finishedAt) {

        static TrainingView of(TrainingRuns.Run r) {
            return new TrainingView(r.id(), r.labelKind(), r.status(), r.startedBy(), r.note(), r.examples(),
                    r.stepsDone(), r.stepsTotal(), r.percent(), r.phase(), r.secondsLeft(), r.version(), r.failure(),
                    r.startedAt(), r.updatedAt(), r.finishedAt());
        }
    }

    /**
     * Retrains from the training history (imports, corrections, the demo history) as a job in the background:
     * answers 202 with the job; poll its Location for progress (fits done, phase, time left) and, once done,
     * the new model version.
     */
    @PostMapping("/models")
    ResponseEntity<TrainingView> train(@RequestBody(required = false) TrainRequest request, Actor actor) {
        TrainRequest r = request == null ? new TrainRequest(null, null, null) : request;
        if (r.note() != null && r.note().length() > 500) {
            throw new InvalidInputException("note", "最长 500 个字符");
        }
        long id = training.start(r.labelKind(), actor.username(), r.note(), r.activate());
        return ResponseEntity.accepted().location(URI.create("/api/v1/admin/dispatch/trainings/" + id))
                .body(TrainingView.of(runs.find(id).orElseThrow()));
    }

    @GetMapping("/trainings/{id}")
    TrainingView trainingProgress(@PathVariable long id) {
        return runs.find(id).map(TrainingView::of)
                .orElseThrow(() -> new NotFoundException("训练任务 " + id + " 不存在"));
    }

    @GetMapping("/trainings")
    List<TrainingView> recentTrainings() {
        return runs.recent(50).stream().map(TrainingView::of).toList();
    }

    @GetMapping("/models")
    List<ModelView> models() {
        return versions.all().stream().map(this::view).toList();
    }

    /** Rollback or roll forward: the version becomes the one all instances serve. */
    @PostMapping("/models/{version}/activate")
    ModelView activate(@PathVariable int version, Actor actor) {
        registry.activate(version, actor.username());
        return view(versions.find(version).orElseThrow());
    }

    private ModelView view(Version v) {
        JsonNode settings;
        try {
            settings = json.readTree(v.settings());
        } catch (IOException e) {
            settings = json.getNodeFactory().textNode(v.settings());
        }
        Boolean served = registry.active().map(a -> a.version() == v.version()).orElse(false);
        return new ModelView(v.version(), v.createdAt(), v.createdBy(), v.labelKind(), v.examples(), v.labels(),
                v.note(), new Metrics(v.metricMethod().name(), v.macroF1(), v.accuracy()), v.trainingMillis(),
                settings, v.active(), served);
    }
}
