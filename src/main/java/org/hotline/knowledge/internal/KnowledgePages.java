package org.hotline.knowledge.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.hotline.console.ConsoleController;
import org.hotline.console.PageErrors;
import org.hotline.knowledge.EntryId;
import org.hotline.knowledge.EntryStatus;
import org.hotline.knowledge.HistoryLine;
import org.hotline.knowledge.KnowledgeEntry;
import org.hotline.knowledge.KnowledgeRules;
import org.hotline.organization.Actor;
import org.hotline.organization.Unit;
import org.hotline.organization.UnitId;
import org.hotline.organization.Units;
import org.hotline.platform.InvalidInputException;
import org.hotline.platform.NotFoundException;
import org.hotline.workorder.Decision;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The knowledge base for its editors (知识库): the entries in every status with a search, a new draft, one entry
 * with its history and the actions its rules allow the viewer now (edit and submit a draft, publish or send back
 * an entry in review, retire, start a revision). Publication is four-eyes as {@link KnowledgeRules} says: the
 * page offers "publish" only to a publisher who did not write, change or submit the entry, and the service
 * refuses it anyway. Every action is the API's own {@link KnowledgeBase} method.
 */
@ConsoleController
@RequestMapping("/console/knowledge")
class KnowledgePages {

    static final int PAGE_SIZE = 20;
    private static final Pattern SEPARATORS = Pattern.compile("[\\n\\r,，、;；]+");

    private final KnowledgeBase knowledge;
    private final Units units;

    KnowledgePages(KnowledgeBase knowledge, Units units) {
        this.knowledge = knowledge;
        this.units = units;
    }

    /** A line of the list. */
    public record Row(long id, String title, String status, String statusLabel, String unitName, LocalDate validTo,
            java.time.Instant updatedAt, String updatedBy, Long revises) {
    }

    /** What the viewer may do with the entry now, as the rules say. */
    public record Actions(boolean edit, boolean submit, boolean publish, boolean sendBack, boolean retire,
            boolean revise, String publishRefusal) {
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") String page, Actor actor, Model model) {
        String text = q == null || q.isBlank() ? null : q.strip();
        if (text != null && text.length() > 200) {
            text = text.substring(0, 200);
        }
        EntryStatus s = status(status);
        int p = page(page);
        KnowledgeBase.Page found = knowledge.list(text, true, s == null ? Set.of() : EnumSet.of(s), null, p,
                PAGE_SIZE, actor);
        model.addAttribute("rows", found.entries().stream().map(f -> row(f.entry())).toList());
        model.addAttribute("total", found.total());
        model.addAttribute("page", p);
        model.addAttribute("pages", (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("q", text == null ? "" : text);
        model.addAttribute("status", s == null ? "" : s.name());
        model.addAttribute("statuses", EntryStatus.values());
        model.addAttribute("mayPropose", KnowledgeRules.mayPropose(actor).isAllowed());
        return "knowledge/entries";
    }

    @GetMapping("/new")
    String create(Actor actor, Model model) {
        if (!model.containsAttribute("entry")) {
            model.addAttribute("entry", Map.of());
        }
        model.addAttribute("activeUnits", activeUnits());
        return "knowledge/new";
    }

    @PostMapping("/new")
    String create(@RequestParam Map<String, String> form, Actor actor, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        try {
            KnowledgeEntry e = knowledge.create(content(form), actor);
            flash.addFlashAttribute("notice", "knowledge.done.created");
            return "redirect:/console/knowledge/" + e.id().value();
        } catch (RuntimeException e) {
            refused(e, model, response);
            model.addAttribute("entry", form);
            return create(actor, model);
        }
    }

    @GetMapping("/{id}")
    String entry(@PathVariable String id, Actor actor, Model model) {
        KnowledgeEntry e = knowledge.find(id(id), actor);
        List<HistoryLine> history = knowledge.history(e.id(), actor);
        model.addAttribute("e", e);
        model.addAttribute("row", row(e));
        model.addAttribute("history", history);
        model.addAttribute("actions", actions(e, history, actor));
        model.addAttribute("activeUnits", activeUnits());
        if (!model.containsAttribute("entry")) {
            Map<String, String> form = new HashMap<>();
            form.put("title", e.title());
            form.put("answer", e.answer());
            form.put("policyBasis", e.policyBasis());
            form.put("unit", e.unit() == null ? "" : e.unit().value());
            form.put("validFrom", e.validFrom() == null ? "" : e.validFrom().toString());
            form.put("validTo", e.validTo() == null ? "" : e.validTo().toString());
            form.put("keywords", String.join("、", e.keywords()));
            model.addAttribute("entry", form);
        }
        if (!model.containsAttribute("openForm")) {
            model.addAttribute("openForm", "");
        }
        return "knowledge/entry";
    }

    @PostMapping("/{id}")
    String edit(@PathVariable String id, @RequestParam Map<String, String> form, Actor actor, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        return act(id, "EDIT", form, actor, model, flash, response, "knowledge.done.saved",
                n -> knowledge.edit(n, content(form), version(form), actor));
    }

    @PostMapping("/{id}/submit")
    String submit(@PathVariable String id, @RequestParam Map<String, String> form, Actor actor, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        return act(id, "SUBMIT", form, actor, model, flash, response, "knowledge.done.submitted",
                n -> knowledge.submit(n, form.get("note"), version(form), actor));
    }

    @PostMapping("/{id}/review")
    String review(@PathVariable String id, @RequestParam Map<String, String> form, Actor actor, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        boolean approve = "true".equals(form.get("approve"));
        return act(id, approve ? "PUBLISH" : "SEND_BACK", form, actor, model, flash, response,
                approve ? "knowledge.done.published" : "knowledge.done.sent-back",
                n -> knowledge.review(n, approve, form.get("reason"), version(form), actor));
    }

    @PostMapping("/{id}/retire")
    String retire(@PathVariable String id, @RequestParam Map<String, String> form, Actor actor, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        return act(id, "RETIRE", form, actor, model, flash, response, "knowledge.done.retired",
                n -> knowledge.retire(n, form.get("reason"), version(form), actor));
    }

    @PostMapping("/{id}/revision")
    String revise(@PathVariable String id, Actor actor, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        try {
            KnowledgeEntry draft = knowledge.revise(id(id), actor);
            flash.addFlashAttribute("notice", "knowledge.done.revision");
            return "redirect:/console/knowledge/" + draft.id().value();
        } catch (RuntimeException e) {
            refused(e, model, response);
            return entry(id, actor, model);
        }
    }

    private interface Action {
        KnowledgeEntry run(EntryId id);
    }

    private String act(String id, String action, Map<String, String> form, Actor actor, Model model,
            RedirectAttributes flash, HttpServletResponse response, String notice, Action run) {
        EntryId n = id(id);
        try {
            run.run(n);
            flash.addFlashAttribute("notice", notice);
            return "redirect:/console/knowledge/" + n.value();
        } catch (RuntimeException e) {
            refused(e, model, response);
            model.addAttribute("openForm", action);
            if ("EDIT".equals(action)) {
                model.addAttribute("entry", form);
            }
            return entry(id, actor, model);
        }
    }

    private static void refused(RuntimeException e, Model model, HttpServletResponse response) {
        PageErrors errors = PageErrors.of(e).orElseThrow(() -> e);
        // "keywords[2]" is a word of the one keywords box
        Map<String, String> fields = new LinkedHashMap<>();
        errors.fields().forEach((f, problem) -> fields.putIfAbsent(f.startsWith("keywords[") ? "keywords" : f, problem));
        response.setStatus(errors.status().value());
        model.addAttribute(PageErrors.ATTRIBUTE, fields.isEmpty() ? errors : PageErrors.fields(fields));
    }

    private static Actions actions(KnowledgeEntry e, List<HistoryLine> history, Actor actor) {
        boolean proposer = history.stream().anyMatch(l -> l.proposes() && l.actor().equals(actor.username()));
        var publish = KnowledgeRules.mayPublish(e, actor, proposer);
        boolean inReview = e.status() == EntryStatus.IN_REVIEW;
        return new Actions(KnowledgeRules.mayEdit(e, actor).isAllowed(), KnowledgeRules.maySubmit(e, actor).isAllowed(),
                publish.isAllowed(), KnowledgeRules.maySendBack(e, actor).isAllowed(),
                KnowledgeRules.mayRetire(e, actor).isAllowed(),
                e.status() == EntryStatus.PUBLISHED && KnowledgeRules.mayPropose(actor).isAllowed(),
                // a reviewer sees why the entry waits for someone else, rather than a missing button
                inReview && publish instanceof Decision.Rejected r ? r.reason() : null);
    }

    private Row row(KnowledgeEntry e) {
        return new Row(e.id().value(), e.title(), e.status().name(), e.status().label(),
                e.unit() == null ? null : units.find(e.unit()).map(Unit::name).orElse(e.unit().value()), e.validTo(),
                e.updatedAt(), e.updatedBy(), e.revises() == null ? null : e.revises().value());
    }

    private List<Unit> activeUnits() {
        return units.all().stream().filter(Unit::active).sorted(Comparator.comparing(u -> u.id().value())).toList();
    }

    private static KnowledgeBase.Content content(Map<String, String> form) {
        String unit = form.getOrDefault("unit", "").strip();
        List<String> keywords = new ArrayList<>(Arrays.stream(SEPARATORS.split(form.getOrDefault("keywords", "")))
                .map(String::strip).filter(k -> !k.isEmpty()).toList());
        return new KnowledgeBase.Content(form.get("title"), form.get("answer"), form.get("policyBasis"),
                unit.isEmpty() ? null : new UnitId(unit), date(form, "validFrom"), date(form, "validTo"), keywords);
    }

    private static LocalDate date(Map<String, String> form, String field) {
        String v = form.get(field);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "日期格式应为 2026-01-31");
        }
    }

    private static Long version(Map<String, String> form) {
        try {
            return form.get("version") == null ? null : Long.valueOf(form.get("version").strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static EntryStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return EntryStatus.valueOf(status.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "请从列表中选择");
        }
    }

    private static int page(String page) {
        try {
            return Math.max(0, Math.min(10_000, Integer.parseInt(page)));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static EntryId id(String id) {
        try {
            return KnowledgeController.id(id);
        } catch (RuntimeException e) {
            throw new NotFoundException("知识条目 " + id + " 不存在");
        }
    }
}
