package org.hotline.dispatch.internal.learning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.hotline.dispatch.LabelKind;
import org.hotline.dispatch.internal.model.Evaluation;
import org.hotline.dispatch.internal.model.FeatureSettings;
import org.hotline.dispatch.internal.model.Folds;
import org.hotline.dispatch.internal.model.LinearTextModel;
import org.hotline.dispatch.internal.model.ModelFiles;
import org.hotline.dispatch.internal.model.Trainer;
import org.hotline.dispatch.internal.model.TrainingExample;
import org.hotline.dispatch.internal.learning.ModelVersions.MetricMethod;
import org.hotline.dispatch.internal.learning.ModelVersions.NewVersion;
import org.hotline.dispatch.internal.learning.ModelVersions.Version;
import org.hotline.platform.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Trains a new model version from the training history: all examples of one label kind, measured before it
 * is stored (5-fold cross-validation up to {@code hotline.dispatch.cross-validate-up-to} examples, one
 * stratified 80/20 holdout above, so the admin sees how good a version is before trusting it), then stored
 * and, with {@code hotline.dispatch.activate-new-models} (default), activated on all instances.
 *
 * <p>Each training is a job in {@code dispatch_training} ({@link TrainingRuns}) with its progress: the fits
 * done of all it will make, the phase in words, the time left. One training at a time across instances, held
 * by a database lock: a second request while one runs is refused, not queued, since it would train on the same
 * examples. The scheduled retrain runs on one instance (ShedLock) and only when examples arrived since the
 * active version.
 */
@Component
class ModelTraining {

    private static final Logger log = LoggerFactory.getLogger(ModelTraining.class);
    private static final int MIN_EXAMPLES = 10;
    private static final int MIN_PER_LABEL_FOR_METRICS = 2;

    /** A training that has not reported for this long was left behind by an instance that stopped. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);

    /**
     * The database lock (ShedLock) that makes a training the only one across all instances. It is held for
     * {@link #ABANDONED_AFTER} and extended as the training reports progress, so that it lapses soon after an
     * instance stops mid-way rather than blocking training for hours.
     */
    private static final String LOCK = "dispatch-training";
    private static final Duration EXTEND_EVERY = Duration.ofMinutes(1);

    private final TrainingHistory history;
    private final ModelVersions versions;
    private final ModelRegistry registry;
    private final LearningProperties properties;
    private final TrainingRuns runs;
    private final LearningJobs jobs;
    private final LockProvider locks;
    private final Clock clock;

    ModelTraining(TrainingHistory history, ModelVersions versions, ModelRegistry registry,
            LearningProperties properties, TrainingRuns runs, LearningJobs jobs, LockProvider locks, Clock clock) {
        this.history = history;
        this.versions = versions;
        this.registry = registry;
        this.properties = properties;
        this.runs = runs;
        this.jobs = jobs;
        this.locks = locks;
        this.clock = clock;
    }

    /** What a training produced: the stored version, and whether it is now the one served. */
    record Trained(Version version, boolean activated) {
    }

    /**
     * Starts a training in the background and returns its job at once; its progress is read with
     * {@link TrainingRuns#find}. Trains from every example of {@code kind}, or of the kind with the most
     * examples when null.
     *
     * @param activate null follows {@code hotline.dispatch.activate-new-models}
     * @throws ConflictException when a training runs already (here or on another instance), or there are too
     *         few examples
     */
    long start(LabelKind kind, String actor, String note, Boolean activate) {
        LabelKind k = kind == null ? busiestKind() : kind;
        boolean activates = activate == null ? properties.activates() : activate;
        Held lock = claim(k);
        long id;
        try {
            id = runs.create(k, actor, note, activates);
        } catch (RuntimeException | Error e) {
            lock.release();
            throw e;
        }
        try {
            jobs.submitTraining("training " + id, () -> {
                try {
                    run(id, k, actor, note, activates, lock);
                } catch (ConflictException e) {
                    // recorded in the run's row, where the admin reads it
                } finally {
                    lock.release();
                }
            });
        } catch (RuntimeException | Error e) {
            lock.release();
            failQuietly(id, "无法启动训练：" + e.getMessage());
            throw e;
        }
        return id;
    }

    /**
     * Trains on the calling thread (the first model and the weekly retrain, already in the background; tests),
     * recorded as a run like any other.
     *
     * @param activate null follows {@code hotline.dispatch.activate-new-models}
     * @throws ConflictException when another training runs, or there are too few examples or labels
     */
    Trained train(LabelKind kind, String actor, String note, Boolean activate) {
        LabelKind k = kind == null ? busiestKind() : kind;
        Held lock = claim(k);
        try {
            boolean activates = activate == null ? properties.activates() : activate;
            long id = runs.create(k, actor, note, activates);
            return run(id, k, actor, note, activates, lock);
        } finally {
            lock.release();
        }
    }

    /** Takes the one training lock across all instances, or says why not. */
    private Held claim(LabelKind kind) {
        long examples = history.countByKind().getOrDefault(kind, 0L);
        if (examples < MIN_EXAMPLES) {
            throw tooFew(kind, examples, null);
        }
        Optional<SimpleLock> lock = locks.lock(new LockConfiguration(clock.instant(), LOCK, ABANDONED_AFTER,
                Duration.ZERO));
        if (lock.isEmpty()) {
            Optional<TrainingRuns.Run> running = Optional.empty();
            try {
                running = runs.runningSince(ABANDONED_AFTER);
            } catch (RuntimeException e) {
                // the job's number is a courtesy; the refusal stands without it
            }
            throw new ConflictException("training-running", running
                    .map(r -> "已有模型正在训练（训练任务 " + r.id() + "，" + r.phase() + "），请稍后再试")
                    .orElse("已有模型正在训练，请稍后再试"));
        }
        return new Held(lock.get());
    }

    /** The training lock while a training holds it: extended as the training goes on, released once. */
    private final class Held {
        private SimpleLock lock;
        private Instant extendedAt = clock.instant();
        private boolean released;

        Held(SimpleLock lock) {
            this.lock = lock;
        }

        /** Keeps the lock from lapsing while the training is alive; cheap to call often. */
        synchronized void keepAlive() {
            Instant now = clock.instant();
            if (released || Duration.between(extendedAt, now).compareTo(EXTEND_EVERY) < 0) {
                return;
            }
            extendedAt = now;
            try {
                Optional<SimpleLock> extended = lock.extend(ABANDONED_AFTER, Duration.ZERO);
                if (extended.isPresent()) {
                    lock = extended.get();
                } else {
                    log.warn("The dispatch training lock lapsed: another training may start while this one runs");
                }
            } catch (RuntimeException e) {
                log.warn("Could not extend the dispatch training lock: {}", e.getMessage());
            }
        }

        synchronized void release() {
            if (released) {
                return;
            }
            released = true;
            try {
                lock.unlock();
            } catch (RuntimeException e) {
                // it lapses by itself after ABANDONED_AFTER
                log.warn("Could not release the dispatch training lock: {}", e.getMessage());
            }
        }
    }

    private static ConflictException tooFew(LabelKind kind, long examples, Long labels) {
        return new ConflictException("too-few-examples", "训练样本不足：" + labelName(kind) + "标签的样本 " + examples
                + " 条" + (labels == null ? "" : "、标签 " + labels + " 个") + "，至少需要 " + MIN_EXAMPLES
                + " 条样本和 2 个标签");
    }

    /** Marks trainings left running by an instance that stopped as failed, so that none says "running" forever. */
    void failAbandoned() {
        int failed = runs.failAbandoned(ABANDONED_AFTER);
        if (failed > 0) {
            log.warn("{} dispatch training(s) left running by a stopped instance marked as failed", failed);
        }
    }

    /** The kind with the most examples; CATEGORY when tied, as most histories name categories. */
    LabelKind busiestKind() {
        Map<LabelKind, Long> counts = history.countByKind();
        return counts.get(LabelKind.UNIT) > counts.get(LabelKind.CATEGORY) ? LabelKind.UNIT : LabelKind.CATEGORY;
    }

    private Trained run(long id, LabelKind kind, String actor, String note, boolean activate, Held lock) {
        try {
            return runRecorded(id, kind, actor, note, activate, lock);
        } catch (RuntimeException | Error e) {
            String why = e instanceof ConflictException c ? c.getMessage()
                    : "训练出错（" + e.getClass().getSimpleName() + "）：" + e.getMessage();
            failQuietly(id, why);
            log.warn("Training {} failed: {}", id, why, e instanceof ConflictException ? null : e);
            throw e;
        }
    }

    /** Records a failure; when even that fails (the database is away), the start-up sweep marks it later. */
    private void failQuietly(long id, String why) {
        try {
            runs.failed(id, why);
        } catch (RuntimeException e) {
            log.warn("Could not record that training {} failed ({}): {}", id, why, e.getMessage());
        }
    }

    private Trained runRecorded(long id, LabelKind kind, String actor, String note, boolean activate, Held lock) {
        long newest = history.newestId(kind);
        List<TrainingExample> examples = history.examples(kind);
        long labels = examples.stream().map(TrainingExample::label).distinct().count();
        if (examples.size() < MIN_EXAMPLES || labels < 2) {
            throw tooFew(kind, examples.size(), labels);
        }
        FeatureSettings settings = FeatureSettings.defaults();
        Progress progress = new Progress(runs.reporter(id), lock);
        Trainer trainer = new Trainer(settings);
        List<Part> parts = measuredParts(examples);
        int fits = trainer.fits(examples);
        for (Part part : parts) {
            fits += new Trainer(settings, 0).fits(part.train());
        }
        runs.sized(id, examples.size(), fits);
        log.info("Training {}: a {} dispatch model from {} examples with {} labels", id, kind, examples.size(), labels);
        long started = System.nanoTime();
        Measured measured = measure(parts, examples, settings, progress);
        long measuredAt = System.nanoTime();
        progress.phase("训练模型");
        LinearTextModel model = trainer.reportingTo(progress.during("训练模型", "校准置信度")).train(examples);
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.info("Trained in {} ms ({} ms of it measuring: {} macro-F1 {}, accuracy {})", millis,
                (measuredAt - started) / 1_000_000, measured.method(), measured.macroF1(), measured.accuracy());
        progress.phase("保存模型");
        byte[] data = ModelFiles.write(model);
        int version = versions.add(new NewVersion(actor, kind, examples.size(), (int) labels, newest, note,
                measured.method(), measured.macroF1(), measured.accuracy(), millis,
                ModelFiles.settingsJson(settings), data), clock.instant());
        log.info("Stored dispatch model version {} ({} KB)", version, data.length / 1024);
        if (activate) {
            versions.activate(version, actor, "训练完成后自动启用");
            registry.install(version, kind, model);
        }
        runs.done(id, version, progress.done);
        return new Trained(versions.find(version).orElseThrow(), activate);
    }

    /** Counts the fits of one run and writes where it is, at most about once a second. */
    private static final class Progress {
        private final TrainingRuns.Reporter reporter;
        private final Held lock;
        private int done;
        private String phase = "";

        Progress(TrainingRuns.Reporter reporter, Held lock) {
            this.reporter = reporter;
            this.lock = lock;
        }

        void phase(String now) {
            phase = now;
            reporter.report(done, phase, true);
            lock.keepAlive();
        }

        /** A listener for a trainer: its fits count as {@code fitting}, its calibration fits as {@code calibrating}. */
        Trainer.FitListener during(String fitting, String calibrating) {
            return isCalibration -> {
                done++;
                phase = isCalibration ? calibrating : fitting;
                reporter.report(done, phase, false);
                lock.keepAlive();
            };
        }
    }

    private record Measured(MetricMethod method, Double macroF1, Double accuracy) {
    }

    /** One measurement: a model trained on {@code train} is scored on {@code test}. */
    private record Part(MetricMethod method, String phase, List<TrainingExample> train, List<TrainingExample> test) {
    }

    /**
     * How a version is measured before it is stored: five parts of a cross-validation up to
     * {@code hotline.dispatch.cross-validate-up-to} examples, one 80/20 holdout above, none when fewer than two
     * labels have two examples (no label could be held out and still be learned). Parts whose training side
     * has a single label are left out: no model can be trained on them.
     */
    private List<Part> measuredParts(List<TrainingExample> examples) {
        Map<String, Long> perLabel = examples.stream().collect(
                java.util.stream.Collectors.groupingBy(TrainingExample::label, java.util.stream.Collectors.counting()));
        if (perLabel.values().stream().filter(n -> n >= MIN_PER_LABEL_FOR_METRICS).count() < 2) {
            return List.of();
        }
        boolean crossValidate = examples.size() <= properties.crossValidationLimit();
        List<List<TrainingExample>> folds = Folds.stratified(examples, 5, 17);
        int measured = crossValidate ? folds.size() : 1;
        List<Part> parts = new ArrayList<>(measured);
        for (int f = 0; f < measured; f++) {
            List<TrainingExample> train = Folds.allBut(folds, f);
            if (train.stream().map(TrainingExample::label).distinct().count() >= 2) {
                parts.add(crossValidate
                        ? new Part(MetricMethod.CV5, "交叉验证：第 " + (f + 1) + "/" + measured + " 折", train, folds.get(f))
                        : new Part(MetricMethod.HOLDOUT, "留出验证", train, folds.get(f)));
            }
        }
        return parts;
    }

    /**
     * Trains on part of the examples and scores the rest, without calibration (which changes probabilities,
     * not the ranking the figures count). Labels with a single example cannot be held out and are measured
     * only when they land in a training part.
     */
    private Measured measure(List<Part> parts, List<TrainingExample> examples, FeatureSettings settings,
            Progress progress) {
        if (parts.isEmpty()) {
            return new Measured(MetricMethod.NONE, null, null);
        }
        Evaluation total = new Evaluation(examples.stream().map(TrainingExample::label).distinct().toList());
        for (Part part : parts) {
            progress.phase(part.phase());
            LinearTextModel m = new Trainer(settings, 0).reportingTo(progress.during(part.phase(), part.phase()))
                    .train(part.train());
            LinearTextModel.Scratch scratch = m.newScratch();
            for (TrainingExample e : part.test()) {
                total.add(e.label(), m.classify(e.subject(), e.body(), 1, scratch).get(0).label());
            }
        }
        return new Measured(parts.get(0).method(), round(total.macroF1()), round(total.accuracy()));
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    /**
     * The weekly retrain ({@code hotline.dispatch.retrain-cron}, Sunday 02:00 by default): once across all
     * instances, and only when examples of the active version's kind arrived since it was trained.
     */
    @Scheduled(cron = "${hotline.dispatch.retrain-cron:0 0 2 * * SUN}", zone = "${hotline.zone:Asia/Shanghai}")
    @SchedulerLock(name = "dispatch-retrain", lockAtMostFor = "PT3H")
    public void retrainIfNewExamples() {
        Optional<Version> current = versions.active();
        LabelKind kind = current.map(Version::labelKind).orElseGet(this::busiestKind);
        long newest = history.newestId(kind);
        if (current.isPresent() && FirstModel.SHIPPED_NOTE.equals(current.get().note())
                && history.countFromHistories() == 0) {
            // The shipped model learned from messages this database does not hold: a model trained from the
            // corrections alone would forget all of them. An admin trains from an imported history instead.
            log.info("Scheduled retrain skipped: the shipped model is served and no history was imported; "
                    + "corrections wait until one is (POST /api/v1/admin/dispatch/imports)");
            return;
        }
        if (current.isPresent() && newest <= current.get().lastExampleId()) {
            log.info("Scheduled retrain skipped: no new {} examples since version {}", kind, current.get().version());
            return;
        }
        try {
            Trained t = train(kind, "system", "定期重新训练", null);
            log.info("Scheduled retrain produced version {}", t.version().version());
        } catch (ConflictException e) {
            log.info("Scheduled retrain skipped: {}", e.getMessage());
        }
    }

    private static String labelName(LabelKind kind) {
        return kind == LabelKind.CATEGORY ? "分类" : "承办单位";
    }
}
