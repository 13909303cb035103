package org.hotline.dispatch.internal.learning;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.hotline.console.ConsoleController;
import org.hotline.console.PageErrors;
import org.hotline.dispatch.LabelKind;
import org.hotline.organization.Actor;
import org.hotline.platform.InvalidInputException;
import org.hotline.platform.NotFoundException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The dispatch models for the administrator (派单模型): every version with its measured figures (macro-F1 and
 * accuracy, how they were measured, the examples it learnt from), which one is served, activation and rollback,
 * and retraining with a progress bar. An adapter like {@code LearningAdminController}: the same
 * {@link ModelTraining#start} job (202 with the job on the API), the same {@link TrainingRuns} progress any
 * instance reports, the same {@link ModelRegistry#activate}.
 *
 * <p>The progress bar is the job's own progress fragment, polled by htmx every second while the job runs; when
 * it is done (or failed) the fragment says so and asks the browser to draw the page again, which lists the new
 * version. Without script, the page shows the progress as of its drawing, and a reload shows more.
 */
@ConsoleController
@RequestMapping("/console/admin/models")
class ModelPages {

    private static final int RECENT = 10;

    private final ModelVersions versions;
    private final ModelRegistry registry;
    private final ModelTraining training;
    private final TrainingRuns runs;
    private final LearningProperties properties;

    ModelPages(ModelVersions versions, ModelRegistry registry, ModelTraining training, TrainingRuns runs,
            LearningProperties properties) {
        this.versions = versions;
        this.registry = registry;
        this.training = training;
        this.runs = runs;
        this.properties = properties;
    }

    @GetMapping
    String models(@RequestParam(required = false) String training, Model model) {
        int served = registry.active().map(ModelRegistry.ActiveModel::version).orElse(-1);
        model.addAttribute("versions", versions.all().stream()
                .map(v -> LearningViews.VersionRow.of(v, v.version() == served)).toList());
        List<LearningViews.TrainingRow> recent = runs.recent(RECENT).stream().map(LearningViews.TrainingRow::of)
                .toList();
        model.addAttribute("trainings", recent);
        model.addAttribute("activeVersion", versions.activeVersion().orElse(null));
        // the job asked for, else one still running: its progress bar
        LearningViews.TrainingRow shown = null;
        if (training != null) {
            shown = recent.stream().filter(r -> String.valueOf(r.id()).equals(training)).findFirst()
                    .orElseGet(() -> find(training));
        }
        if (shown == null) {
            shown = recent.stream().filter(LearningViews.TrainingRow::running).findFirst().orElse(null);
        }
        model.addAttribute("job", shown);
        model.addAttribute("kinds", LabelKind.values());
        model.addAttribute("activations", versions.activations(RECENT).stream().map(LearningViews.AuditRow::of)
                .toList());
        model.addAttribute("activatesByDefault", properties.activates());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("activate", String.valueOf(properties.activates())));
        }
        return "dispatch/models";
    }

    /** Starts a retraining as a job in the background; the page then follows its progress. */
    @PostMapping("/train")
    String train(@RequestParam Map<String, String> form, Actor actor, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        try {
            String note = form.get("note") == null || form.get("note").isBlank() ? null : form.get("note").strip();
            if (note != null && note.length() > 500) {
                throw new InvalidInputException("note", "最长 500 个字符");
            }
            LabelKind kind = kind(form.get("labelKind"));
            long id = training.start(kind, actor.username(), note, "true".equals(form.get("activate")));
            flash.addFlashAttribute("notice", "admin.done.training-started");
            return "redirect:/console/admin/models?training=" + id;
        } catch (RuntimeException e) {
            PageErrors errors = PageErrors.of(e).orElseThrow(() -> e);
            response.setStatus(errors.status().value());
            model.addAttribute(PageErrors.ATTRIBUTE, errors);
            model.addAttribute("form", form);
            return models(null, model);
        }
    }

    /** A job's progress: the fragment htmx polls, or (without script) the page that shows it. */
    @GetMapping("/trainings/{id}")
    String progress(@PathVariable String id, @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model, HttpServletResponse response) {
        LearningViews.TrainingRow row = find(id);
        if (!"true".equals(htmx)) {
            return "redirect:/console/admin/models?training=" + row.id();
        }
        model.addAttribute("job", row);
        if (!row.running()) {
            // the job just ended while the page watched it: draw the page again, with the new version listed
            response.setHeader("HX-Refresh", "true");
        }
        return "dispatch/models :: progress";
    }

    /** Rollback or roll forward: the version every instance serves from now on. */
    @PostMapping("/{version}/activate")
    String activate(@PathVariable String version, Actor actor, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        int v;
        try {
            v = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw new NotFoundException("模型版本 " + version + " 不存在");
        }
        try {
            int before = versions.activeVersion().orElse(-1);
            registry.activate(v, actor.username());
            flash.addFlashAttribute("notice", v < before ? "admin.done.model-rolled-back" : "admin.done.model-activated");
            flash.addFlashAttribute("highlight", v);
            return "redirect:/console/admin/models";
        } catch (RuntimeException e) {
            PageErrors errors = PageErrors.of(e).orElseThrow(() -> e);
            response.setStatus(errors.status().value());
            model.addAttribute(PageErrors.ATTRIBUTE, errors);
            return models(null, model);
        }
    }

    private LearningViews.TrainingRow find(String id) {
        try {
            return runs.find(Long.parseLong(id)).map(LearningViews.TrainingRow::of)
                    .orElseThrow(() -> new NotFoundException("训练任务 " + id + " 不存在"));
        } catch (NumberFormatException e) {
            throw new NotFoundException("训练任务 " + id + " 不存在");
        }
    }

    private static LabelKind kind(String value) {
        if (value == null || value.isBlank()) {
            return null; // the kind with the most examples, as the API's default
        }
        try {
            return LabelKind.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("labelKind", "请从列表中选择");
        }
    }
}
