package org.hotline.dispatch.internal.learning;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.ResourceLoader;
import org.hotline.dispatch.LabelKind;
import org.hotline.dispatch.internal.model.LinearTextModel;
import org.hotline.dispatch.internal.model.ModelFiles;
import org.springframework.stereotype.Component;

/**
 * A fresh install gets its first model without anyone doing anything: when {@code dispatch_model} is empty at
 * start, the history named by {@code hotline.dispatch.training-file} (a real export, CSV or xlsx in the
 * shared data's columns unless mapped otherwise) is imported and version 1 trained and activated from it; without
 * one, the model that ships with the project ({@code hotline.dispatch.shipped-model}, {@code
 * dispatch/model-v1.bin}: trained from real citizen messages by {@code dispatch-train}, see the README) is stored
 * as version 1 and activated, which takes a second; with that set blank, the demo history shipped with the
 * project ({@code dispatch/demo-history.csv}) is imported and trained from.
 *
 * <p>Startup stays fast: this runs in the background after the application is ready, and until it is done
 * the classifier answers with an empty ranking, so orders wait for a human dispatcher. One instance does it
 * (a ShedLock lock, and the emptiness is checked again under the lock); the others pick the version up by
 * polling. When examples already exist (a first attempt stopped after importing), they are trained from
 * rather than imported twice.
 */
@Component
class FirstModel {

    static final String DEMO_HISTORY = "dispatch/demo-history.csv";
    /** The note of a version that was shipped, not trained here: the weekly retrain leaves it alone (see ModelTraining). */
    static final String SHIPPED_NOTE = "首次启动：随项目发布的模型（由真实市民留言训练，见 README）";
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final Logger log = LoggerFactory.getLogger(FirstModel.class);

    private final ModelVersions versions;
    private final ModelRegistry registry;
    private final ModelTraining training;
    private final HistoryImports imports;
    private final TrainingHistory history;
    private final LearningJobs jobs;
    private final LockProvider locks;
    private final LearningProperties properties;
    private final Clock clock;
    private final ResourceLoader resources;
    private final CompletableFuture<Optional<Integer>> done = new CompletableFuture<>();

    FirstModel(ModelVersions versions, ModelRegistry registry, ModelTraining training, HistoryImports imports,
            TrainingHistory history, LearningJobs jobs, LockProvider locks, LearningProperties properties,
            Clock clock, ResourceLoader resources) {
        this.resources = resources;
        this.versions = versions;
        this.registry = registry;
        this.training = training;
        this.imports = imports;
        this.history = history;
        this.jobs = jobs;
        this.locks = locks;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        imports.failAbandoned(Duration.ofMinutes(10));
        training.failAbandoned();
        registry.refresh();
        if (!properties.trainsAtFirstStart() || !versions.isEmpty()) {
            if (properties.trainingFile() != null && !properties.trainingFile().isBlank() && !versions.isEmpty()) {
                // the option is for a fresh install; later histories are imported and trained through the API
                log.warn("hotline.dispatch.training-file={} is ignored: this database has dispatch models already. "
                        + "Import it at /api/v1/admin/dispatch/imports and train at /api/v1/admin/dispatch/models",
                        properties.trainingFile());
            }
            done.complete(Optional.empty());
            return;
        }
        jobs.submit("first model", () -> {
            try {
                done.complete(trainOnce());
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
                throw e;
            }
        });
    }

    /** Completes with the version trained at this start, empty when none was (a model existed, or no data). */
    CompletableFuture<Optional<Integer>> done() {
        return done;
    }

    /** Trains the first version once across instances; package-visible so a test can run it on demand. */
    Optional<Integer> trainOnce() {
        var result = new Object() {
            Optional<Integer> version = Optional.empty();
        };
        new DefaultLockingTaskExecutor(locks).executeWithLock((Runnable) () -> result.version = trainIfEmpty(),
                new LockConfiguration(clock.instant(), "dispatch-first-model", Duration.ofHours(2), Duration.ZERO));
        return result.version;
    }

    private Optional<Integer> trainIfEmpty() {
        if (!versions.isEmpty()) {
            return Optional.empty();
        }
        boolean trainingFile = properties.trainingFile() != null && !properties.trainingFile().isBlank();
        if (!trainingFile && !properties.shippedModelLocation().isEmpty() && history.countFromHistories() == 0) {
            Optional<Integer> shipped = storeShippedModel();
            if (shipped.isPresent()) {
                return shipped;
            }
        }
        // A few corrections may already exist (people dispatched the first orders while this ran, or the demo
        // orders were seeded): they do not make a history, so the history is imported unless one was.
        if (history.countFromHistories() == 0 && !importHistory()) {
            return Optional.empty();
        }
        String note = properties.trainingFile() == null || properties.trainingFile().isBlank()
                ? "首次启动：由随项目发布的演示历史训练" : "首次启动：由 " + properties.trainingFile() + " 训练";
        ModelTraining.Trained trained = training.train(null, "system", note, true);
        log.info("First dispatch model trained: version {}", trained.version().version());
        return Optional.of(trained.version().version());
    }

    /** The shipped model as version 1, served at once; empty when it cannot be read (then the demo history trains). */
    private Optional<Integer> storeShippedModel() {
        String location = properties.shippedModelLocation();
        byte[] data;
        LinearTextModel model;
        try (InputStream in = resources.getResource(location).getInputStream()) {
            data = in.readAllBytes();
            model = ModelFiles.read(data);
        } catch (IOException | IllegalArgumentException e) {
            log.error("The shipped dispatch model {} cannot be read ({}): version 1 is trained from the demo history",
                    location, e.getMessage());
            return Optional.empty();
        }
        int examples = 0;
        String notePath = location.replaceFirst("\\.bin$", "") + ".json";
        try (InputStream in = resources.getResource(notePath).getInputStream()) {
            examples = JSON.readTree(in).path("examples").asInt(0);
        } catch (IOException e) {
            log.debug("No note beside the shipped model at {}", notePath);
        }
        int version = versions.add(new ModelVersions.NewVersion("system", LabelKind.CATEGORY, examples,
                model.labels().length, 0, SHIPPED_NOTE, ModelVersions.MetricMethod.NONE, null, null, 0,
                ModelFiles.settingsJson(model.settings()), data), clock.instant());
        versions.activate(version, "system", "首次启动使用随项目提供的模型");
        registry.install(version, LabelKind.CATEGORY, model);
        log.info("First dispatch model: version {} is the model shipped with the project ({}, {} labels)", version,
                location, model.labels().length);
        return Optional.of(version);
    }

    private boolean importHistory() {
        String file = properties.trainingFile();
        if (file != null && !file.isBlank()) {
            Path path = Path.of(file);
            if (!Files.isReadable(path)) {
                log.error("hotline.dispatch.training-file={} cannot be read: no model is trained, orders are "
                        + "dispatched by hand until one is", file);
                return false;
            }
            HistoryImports.Progress p = imports.runNow(path.getFileName().toString(), path, ColumnMapping.defaults(),
                    "system", ExampleSource.IMPORT);
            log.info("Imported {}: {} accepted, {} rejected{}", file, p.accepted(), p.rejected(),
                    p.failure() == null ? "" : " (" + p.failure() + ")");
            return p.accepted() > 0;
        }
        Path copy = null;
        try (InputStream in = new ClassPathResource(DEMO_HISTORY).getInputStream()) {
            copy = Files.createTempFile("demo-history", ".csv");
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            HistoryImports.Progress p = imports.runNow("demo-history.csv", copy, ColumnMapping.defaults(), "system",
                    ExampleSource.DEMO);
            log.info("Imported the demo history: {} accepted, {} rejected", p.accepted(), p.rejected());
            return p.accepted() > 0;
        } catch (IOException e) {
            log.error("The shipped demo history {} cannot be read", DEMO_HISTORY, e);
            return false;
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException e) {
                    log.debug("Could not delete {}", copy, e);
                }
            }
        }
    }
}
