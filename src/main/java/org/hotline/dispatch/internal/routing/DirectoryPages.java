package org.hotline.dispatch.internal.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.hotline.console.ConsoleController;
import org.hotline.console.PageErrors;
import org.hotline.dispatch.internal.routing.DirectoryEditing.EntryView;
import org.hotline.organization.Actor;
import org.hotline.organization.Categories;
import org.hotline.organization.Category;
import org.hotline.organization.Unit;
import org.hotline.organization.Units;
import org.hotline.platform.NotFoundException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The dispatch directory for the administrator (派单目录): every entry with its category, owner, duty and the
 * phrases citizens use, a search over them, a form to add one and to edit or remove one. Every change goes
 * through {@link DirectoryEditing}, as the admin API's does: the same checks, the same Chinese reasons, shown
 * next to the field; a second entry for a category is refused with its reason.
 */
@ConsoleController
@RequestMapping("/console/admin/directory")
class DirectoryPages {

    /** The owner choice that means "the town or street office of the place". */
    static final String TERRITORIAL = "territorial";

    /** Phrases one per line, or separated by commas or 、 as people type lists. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\n\\r,，、;；]+");

    private final DirectoryEditing editing;
    private final Units units;
    private final Categories categories;

    DirectoryPages(DirectoryEditing editing, Units units, Categories categories) {
        this.editing = editing;
        this.units = units;
        this.categories = categories;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, Model model) {
        String text = q == null || q.isBlank() ? null : q.strip().toLowerCase(Locale.ROOT);
        List<EntryView> all = editing.list();
        // the directory is a few hundred lines at most: filtered here rather than in SQL
        List<EntryView> shown = text == null ? all : all.stream().filter(e -> matches(e, text)).toList();
        model.addAttribute("entries", shown);
        model.addAttribute("total", all.size());
        model.addAttribute("q", q == null ? "" : q.strip());
        if (!model.containsAttribute("entry")) {
            model.addAttribute("entry", Map.of("owner", TERRITORIAL, "active", "true"));
            model.addAttribute("openForm", "");
        }
        choices(model);
        return "dispatch/directory";
    }

    @GetMapping("/{id}")
    String edit(@PathVariable String id, Model model) {
        EntryView e = editing.get(id(id));
        model.addAttribute("id", e.id());
        model.addAttribute("current", e);
        if (!model.containsAttribute("entry")) {
            model.addAttribute("entry", Map.of("categoryCode", e.categoryCode(),
                    "owner", Boolean.TRUE.equals(e.territorial()) ? TERRITORIAL : e.unitId(),
                    "duty", e.duty(), "phrases", String.join("\n", e.phrases()),
                    "active", String.valueOf(!Boolean.FALSE.equals(e.active()))));
        }
        choices(model);
        return "dispatch/directory-entry";
    }

    @PostMapping
    String add(@RequestParam Map<String, String> form, Actor actor, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        try {
            EntryView added = editing.add(view(form), actor);
            flash.addFlashAttribute("notice", "admin.done.directory-added");
            flash.addFlashAttribute("highlight", added.id());
            return "redirect:/console/admin/directory";
        } catch (RuntimeException e) {
            refused(e, form, model, response);
            model.addAttribute("openForm", "DIRECTORY");
            return list(null, model);
        }
    }

    @PostMapping("/{id}")
    String save(@PathVariable String id, @RequestParam Map<String, String> form, Actor actor, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        long n = id(id);
        try {
            editing.replace(n, view(form), actor);
            flash.addFlashAttribute("notice", "admin.done.directory-saved");
            flash.addFlashAttribute("highlight", n);
            return "redirect:/console/admin/directory";
        } catch (RuntimeException e) {
            refused(e, form, model, response);
            return edit(id, model);
        }
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable String id, Actor actor, RedirectAttributes flash) {
        editing.delete(id(id), actor);
        flash.addFlashAttribute("notice", "admin.done.directory-deleted");
        return "redirect:/console/admin/directory";
    }

    private void refused(RuntimeException e, Map<String, String> form, Model model, HttpServletResponse response) {
        PageErrors errors = PageErrors.of(e).orElseThrow(() -> e);
        // "phrases[3]" is a line of the one phrases box
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        errors.fields().forEach((f, problem) -> fields.putIfAbsent(f.startsWith("phrases[") ? "phrases"
                : f.equals("unitId") ? "owner" : f, problem));
        PageErrors shown = fields.isEmpty() ? errors : PageErrors.fields(fields);
        response.setStatus(errors.status().value());
        model.addAttribute(PageErrors.ATTRIBUTE, shown);
        model.addAttribute("entry", form);
    }

    private static EntryView view(Map<String, String> form) {
        String owner = form.getOrDefault("owner", "").strip();
        boolean territorial = TERRITORIAL.equals(owner);
        List<String> phrases = new ArrayList<>(Arrays.stream(SEPARATORS.split(form.getOrDefault("phrases", "")))
                .map(String::strip).filter(p -> !p.isEmpty()).toList());
        return new EntryView(null, form.get("categoryCode"), null, territorial || owner.isEmpty() ? null : owner,
                null, territorial, form.get("duty"), phrases, "true".equals(form.get("active")));
    }

    private static boolean matches(EntryView e, String text) {
        return contains(e.categoryCode(), text) || contains(e.categoryName(), text) || contains(e.unitName(), text)
                || contains(e.duty(), text) || e.phrases().stream().anyMatch(p -> contains(p, text));
    }

    private static boolean contains(String s, String text) {
        return s != null && s.toLowerCase(Locale.ROOT).contains(text);
    }

    private void choices(Model model) {
        model.addAttribute("activeUnits", units.all().stream().filter(Unit::active)
                .sorted(Comparator.comparing(u -> u.id().value())).toList());
        model.addAttribute("categoryList", categories.all().stream().sorted(Comparator.comparing(Category::code))
                .toList());
        model.addAttribute("territorial", TERRITORIAL);
    }

    private static long id(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFoundException("派单目录条目 " + id + " 不存在");
        }
    }
}
