package org.hotline.dispatch.internal.learning;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.hotline.dispatch.Classification;
import org.hotline.dispatch.Classifier;
import org.hotline.dispatch.LabelKind;
import org.hotline.dispatch.internal.model.LinearTextModel;
import org.hotline.dispatch.internal.model.ModelFiles;
import org.hotline.dispatch.internal.model.TrainedClassifier;
import org.hotline.organization.Actor;
import org.hotline.platform.ChangeSignals;
import org.hotline.platform.ConflictException;
import org.hotline.platform.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The {@link Classifier} the rest of dispatch uses: the active model version, held in memory and swapped
 * without a restart. Classifying reads one {@link AtomicReference} and uses per-thread scratch memory (see
 * {@link TrainedClassifier}), so it takes no lock however many threads classify while a new version is swapped
 * in.
 *
 * <p>Which version is active is decided in the database ({@code dispatch_model.active}), so that all instances
 * serve the same one: {@link #activate} sets it and swaps at once on this instance; every other instance hears
 * of the activation through {@link ChangeSignals} and loads the version within about a second. Rollback is
 * activating an earlier version.
 *
 * <p>Until a model exists (a fresh install while version 1 trains) every answer is an empty ranking, which
 * sends the order to a human dispatcher; the same for text with nothing to go on (empty, emoji only).
 *
 * <p>Whenever this instance starts serving a version (trained here, activated here or elsewhere), it publishes
 * {@link ModelServed}: the orders waiting in the manual queue get that version's advice.
 */
@Component
public class ModelRegistry implements Classifier {

    private static final Logger log = LoggerFactory.getLogger(ModelRegistry.class);

    /** The model being served, with the version and the kind of label it names. */
    public record ActiveModel(int version, LabelKind labelKind, LinearTextModel model, TrainedClassifier classifier) {

        ActiveModel(int version, LabelKind labelKind, LinearTextModel model) {
            // every label with its probability: the decision adds up the labels that route to the same unit
            this(version, labelKind, model, new TrainedClassifier(String.valueOf(version), labelKind, model,
                    model.labels().length));
        }
    }

    private final ModelVersions versions;
    private final ApplicationEventPublisher events;
    private final AtomicReference<ActiveModel> active = new AtomicReference<>();

    ModelRegistry(ModelVersions versions, ChangeSignals signals, ApplicationEventPublisher events) {
        this.versions = versions;
        this.events = events;
        if (signals != null) { // null in the tests of classifying alone
            // throws when it fails, so that the signals try again rather than leave the old version served
            signals.subscribe(ModelVersions.ACTIVE_CHANGES, this::serveTheActiveVersion);
        }
    }

    @Override
    public Classification classify(String subject, String text) {
        ActiveModel current = active.get();
        if (current == null) {
            return new Classification(null, null, List.of());
        }
        try {
            return current.classifier().classify(subject, text);
        } catch (RuntimeException e) {
            // a bug in the model must not stop intake: the order goes to a human instead
            log.error("Model version {} failed on a message of {} characters", current.version(),
                    text == null ? 0 : text.length(), e);
            return new Classification(String.valueOf(current.version()), current.labelKind(), List.of());
        }
    }

    /** Evidence from the model that classified, while it is still the one served; else as classified. */
    @Override
    public Classification explain(String subject, String text, Classification classification) {
        ActiveModel current = active.get();
        if (current == null) {
            return classification;
        }
        try {
            return current.classifier().explain(subject, text, classification);
        } catch (RuntimeException e) {
            // the words are a help for the dispatcher, not a reason to lose the suggestions
            log.error("Model version {} failed to explain a message of {} characters", current.version(),
                    text == null ? 0 : text.length(), e);
            return classification;
        }
    }

    /** The version being served on this instance, if any. */
    public Optional<ActiveModel> active() {
        return Optional.ofNullable(active.get());
    }

    /** {@link #activate(int, String)} by the platform itself. */
    public ActiveModel activate(int version) {
        return activate(version, Actor.SYSTEM);
    }

    /**
     * Makes {@code version} the active one for all instances and serves it here at once, recorded in the
     * administrators' audit under {@code actor} (an earlier version than the one served is a rollback). Loads the
     * model before switching, so a damaged version is refused and the old one keeps serving.
     *
     * @throws NotFoundException when there is no such version
     */
    public ActiveModel activate(int version, String actor) {
        ModelVersions.Version v = versions.find(version)
                .orElseThrow(() -> new NotFoundException("模型版本 " + version + " 不存在"));
        LinearTextModel model;
        try {
            model = load(version);
        } catch (IllegalArgumentException e) {
            throw new ConflictException("model-unreadable", "模型版本 " + version + " 无法读取，未切换：" + e.getMessage());
        }
        versions.activate(version, actor, null);
        return install(version, v.labelKind(), model);
    }

    /** Serves a model this instance already has in memory (just trained), after it was activated in the DB. */
    ActiveModel install(int version, LabelKind kind, LinearTextModel model) {
        ActiveModel m = new ActiveModel(version, kind, model);
        ActiveModel before = active.getAndSet(m);
        log.info("Serving dispatch model version {} ({}, {} labels){}", version, kind, model.labels().length,
                before == null ? "" : ", replacing version " + before.version());
        events.publishEvent(new ModelServed(version));
        return m;
    }

    /**
     * Checks which version the database says is active and swaps if it is another: how this instance learns of
     * an activation on another instance (after its signal), and what it serves at start. One cheap query when
     * nothing changed.
     */
    public void refresh() {
        try {
            serveTheActiveVersion();
        } catch (RuntimeException e) {
            // the database may be briefly away: keep serving what we have
            log.warn("Could not check the active dispatch model: {}", e.getMessage());
        }
    }

    private void serveTheActiveVersion() {
        Optional<Integer> wanted = versions.activeVersion();
        ActiveModel current = active.get();
        if (wanted.isEmpty()) {
            if (current != null) {
                log.warn("No dispatch model is active any more; orders go to the manual queue");
                active.compareAndSet(current, null);
            }
            return;
        }
        if (current != null && current.version() == wanted.get()) {
            return;
        }
        int version = wanted.get();
        ModelVersions.Version v = versions.find(version).orElseThrow();
        LinearTextModel model = load(version);
        // another refresh or an activation may have swapped meanwhile: only replace what we read
        if (active.compareAndSet(current, new ActiveModel(version, v.labelKind(), model))) {
            log.info("Serving dispatch model version {} ({}), activated elsewhere", version, v.labelKind());
            events.publishEvent(new ModelServed(version));
        }
    }

    private LinearTextModel load(int version) {
        byte[] data = versions.data(version).orElseThrow(() -> new NotFoundException("模型版本 " + version + " 不存在"));
        return ModelFiles.read(data);
    }
}
