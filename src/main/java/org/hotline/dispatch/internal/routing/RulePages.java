package org.hotline.dispatch.internal.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;

import org.hotline.console.ConsoleController;
import org.hotline.console.PageErrors;
import org.hotline.dispatch.RoutingRule;
import org.hotline.organization.Actor;
import org.hotline.organization.Categories;
import org.hotline.organization.Category;
import org.hotline.organization.Unit;
import org.hotline.organization.UnitId;
import org.hotline.organization.UnitKind;
import org.hotline.organization.Units;
import org.hotline.platform.InvalidInputException;
import org.hotline.platform.NotFoundException;
import org.hotline.workorder.Urgency;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The routing rules for the administrator (派单规则): the ordered list (first match wins), one rule's form to
 * edit or add, moves up and down, removal. Every change is an edit of the whole list through
 * {@link RuleEditing}, as the API's PUT is, with the version the page showed: the same checks, the same problem
 * messages (shown next to the field of the rule being edited), a conflict when someone else saved meanwhile.
 */
@ConsoleController
@RequestMapping("/console/admin/rules")
class RulePages {

    /** {@code rules[3].leadUnit}, {@code rules[3].keywords[0]}: which rule, which field. */
    private static final Pattern FIELD = Pattern.compile("rules\\[(\\d+)](?:\\.([A-Za-z]+))?.*");

    private final RuleEditing editing;
    private final Units units;
    private final Categories categories;

    RulePages(RuleEditing editing, Units units, Categories categories) {
        this.editing = editing;
        this.units = units;
        this.categories = categories;
    }

    /** A rule as the list shows it, with names for its ids. */
    public record RuleRow(int index, String name, boolean active, String categoryPrefix, String categoryName,
            List<String> keywords, List<String> areas, String urgency, String lead, String leadUnit,
            List<String> coUnits, boolean territorialCoUnit) {
    }

    /** A rule as its form shows it: keywords one per line. */
    public record RuleForm(String name, boolean active, String categoryPrefix, String keywords, List<String> areas,
            String urgency, String lead, String leadUnit, List<String> coUnits, boolean territorialCoUnit) {

        static RuleForm of(RuleView v) {
            return new RuleForm(v.name(), v.active() == null || v.active(), v.categoryPrefix(),
                    String.join("\n", v.keywords() == null ? List.of() : v.keywords()),
                    v.areas() == null ? List.of() : v.areas(), v.urgency() == null ? "" : v.urgency().name(),
                    v.lead() == null ? "DEFAULT" : v.lead().name(), v.leadUnit(),
                    v.coUnits() == null ? List.of() : v.coUnits(), Boolean.TRUE.equals(v.territorialCoUnit()));
        }

        static RuleForm empty() {
            return new RuleForm("", true, null, "", List.of(), "", "DEFAULT", null, List.of(), false);
        }

        public boolean hasArea(String id) {
            return areas.contains(id);
        }

        public boolean hasCoUnit(String id) {
            return coUnits.contains(id);
        }
    }

    // ---------------------------------------------------------------- the list

    @GetMapping
    String list(Model model) {
        RuleStore.RuleSet set = editing.current();
        List<RuleView> views = views(set);
        List<RuleRow> rows = new ArrayList<>();
        for (int i = 0; i < views.size(); i++) {
            rows.add(row(i, views.get(i)));
        }
        model.addAttribute("set", set);
        model.addAttribute("rows", rows);
        return "dispatch/rules";
    }

    // ---------------------------------------------------------------- one rule

    @GetMapping("/{index}")
    String edit(@PathVariable String index, Model model) {
        RuleStore.RuleSet set = editing.current();
        int i = index(index, views(set).size());
        if (!model.containsAttribute("rule")) {
            model.addAttribute("rule", RuleForm.of(views(set).get(i)));
        }
        return form(set, i, model);
    }

    @GetMapping("/new")
    String add(Model model) {
        RuleStore.RuleSet set = editing.current();
        if (!model.containsAttribute("rule")) {
            model.addAttribute("rule", RuleForm.empty());
        }
        return form(set, -1, model);
    }

    private String form(RuleStore.RuleSet set, int index, Model model) {
        model.addAttribute("set", set);
        model.addAttribute("index", index);
        model.addAttribute("count", views(set).size());
        if (!model.containsAttribute("position")) {
            model.addAttribute("position", views(set).size());
        }
        model.addAttribute("leads", RoutingRule.Lead.values());
        model.addAttribute("urgencies", Urgency.values());
        List<Unit> active = units.all().stream().filter(Unit::active)
                .sorted(Comparator.comparing(u -> u.id().value())).toList();
        model.addAttribute("activeUnits", active);
        model.addAttribute("territorialUnits", active.stream().filter(u -> u.kind() == UnitKind.TERRITORIAL).toList());
        model.addAttribute("categoryList", categories.all().stream().sorted(Comparator.comparing(Category::code))
                .toList());
        return "dispatch/rule";
    }

    @PostMapping("/{index}")
    String save(@PathVariable String index, @RequestParam MultiValueMap<String, String> form, Actor actor,
            Model model, RedirectAttributes flash, HttpServletResponse response) {
        RuleStore.RuleSet set = editing.current();
        List<RuleView> views = new ArrayList<>(views(set));
        int i = index(index, views.size());
        RuleView changed = view(form);
        views.set(i, changed);
        return change(views, form, i, actor, model, flash, response, "admin.done.rule-saved");
    }

    @PostMapping("/new")
    String create(@RequestParam MultiValueMap<String, String> form, Actor actor, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        RuleStore.RuleSet set = editing.current();
        List<RuleView> views = new ArrayList<>(views(set));
        // where the new rule goes: order is meaning, so the admin says before which rule (default: last)
        int at = position(form.getFirst("position"), views.size());
        views.add(at, view(form));
        return change(views, form, at, actor, model, flash, response, "admin.done.rule-added");
    }

    @PostMapping("/{index}/move")
    String move(@PathVariable String index, @RequestParam(required = false) String direction,
            @RequestParam(required = false) String version, Actor actor, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        List<RuleView> views = new ArrayList<>(views(editing.current()));
        int i = index(index, views.size());
        int j = "up".equals(direction) ? i - 1 : i + 1;
        if (j < 0 || j >= views.size()) {
            return "redirect:/console/admin/rules";
        }
        RuleView moved = views.remove(i);
        views.add(j, moved);
        return change(views, version, null, -1, actor, model, flash, response, "admin.done.rule-moved");
    }

    @PostMapping("/{index}/delete")
    String delete(@PathVariable String index, @RequestParam(required = false) String version, Actor actor,
            Model model, RedirectAttributes flash, HttpServletResponse response) {
        List<RuleView> views = new ArrayList<>(views(editing.current()));
        views.remove(index(index, views.size()));
        return change(views, version, null, -1, actor, model, flash, response, "admin.done.rule-deleted");
    }

    // ---------------------------------------------------------------- how every change runs

    private String change(List<RuleView> views, MultiValueMap<String, String> form, int edited, Actor actor,
            Model model, RedirectAttributes flash, HttpServletResponse response, String notice) {
        return change(views, form.getFirst("version"), form, edited, actor, model, flash, response, notice);
    }

    /**
     * Saves the list; success goes back to the list with a notice. A problem in the rule being edited is shown
     * next to its field on its form again (as typed), any other refusal on the list with its reason.
     */
    private String change(List<RuleView> views, String version, MultiValueMap<String, String> form, int edited,
            Actor actor, Model model, RedirectAttributes flash, HttpServletResponse response, String notice) {
        try {
            editing.replace(views, version(version), actor.username());
            flash.addFlashAttribute("notice", notice);
            return "redirect:/console/admin/rules";
        } catch (RuntimeException e) {
            PageErrors errors = PageErrors.of(e).orElseThrow(() -> e);
            response.setStatus(errors.status().value());
            if (e instanceof InvalidInputException invalid && form != null) {
                Matcher m = FIELD.matcher(invalid.field());
                if (m.matches() && Integer.parseInt(m.group(1)) == edited) {
                    errors = PageErrors.field(m.group(2) == null ? "name" : m.group(2), invalid.getMessage());
                } else {
                    errors = PageErrors.rejected("invalid-rules", invalid.getMessage(),
                            org.springframework.http.HttpStatus.BAD_REQUEST);
                }
            }
            model.addAttribute(PageErrors.ATTRIBUTE, errors);
            if (form == null) {
                return list(model);
            }
            model.addAttribute("rule", RuleForm.of(view(form)));
            model.addAttribute("position", position(form.getFirst("position"), Integer.MAX_VALUE));
            // a new rule is shown at the place it was to take
            return form(editing.current(), form.containsKey("position") ? -1 : edited, model);
        }
    }

    // ---------------------------------------------------------------- reading the form and the list

    private static List<RuleView> views(RuleStore.RuleSet set) {
        return set.rules().all().stream().map(RuleView::of).toList();
    }

    /** The rule the form describes; the rule check says what is wrong with it. */
    private static RuleView view(MultiValueMap<String, String> form) {
        String keywords = form.getFirst("keywords");
        List<String> words = keywords == null ? List.of()
                : Arrays.stream(keywords.split("[\\r\\n,，、;；]+")).map(String::strip).filter(k -> !k.isEmpty())
                        .toList();
        return new RuleView(form.getFirst("name"), "true".equals(form.getFirst("active")),
                blankToNull(form.getFirst("categoryPrefix")), words, ids(form.get("areas")),
                choice(Urgency.class, form.getFirst("urgency"), "urgency"),
                choice(RoutingRule.Lead.class, form.getFirst("lead"), "lead"), blankToNull(form.getFirst("leadUnit")),
                ids(form.get("coUnits")), "true".equals(form.getFirst("territorialCoUnit")));
    }

    private RuleRow row(int index, RuleView v) {
        RoutingRule rule = v.toRule();
        return new RuleRow(index, rule.name(), rule.active(), rule.when().categoryPrefix(),
                rule.when().categoryPrefix() == null ? null
                        : categories.find(rule.when().categoryPrefix()).map(Category::name)
                                .orElse(rule.when().categoryPrefix()),
                rule.when().keywords(), rule.when().areas().stream().map(this::unitName).toList(),
                rule.when().urgency() == null ? null : rule.when().urgency().label(), rule.then().lead().label(),
                rule.then().leadUnit() == null ? null : unitName(rule.then().leadUnit()),
                rule.then().coUnits().stream().map(this::unitName).toList(), rule.then().territorialCoUnit());
    }

    private String unitName(UnitId id) {
        return id == null ? "—" : units.find(id).map(Unit::name).orElse(id.value());
    }

    private static List<String> ids(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip)
                .distinct().toList();
    }

    private static int index(String index, int size) {
        try {
            int i = Integer.parseInt(index);
            if (i >= 0 && i < size) {
                return i;
            }
        } catch (NumberFormatException e) {
            // not a rule's place
        }
        throw new NotFoundException("派单规则 " + index + " 不存在（规则列表可能已被他人修改，请返回列表）");
    }

    private static int position(String value, int size) {
        try {
            int p = Integer.parseInt(value);
            return Math.max(0, Math.min(size, p));
        } catch (NumberFormatException | NullPointerException e) {
            return size;
        }
    }

    private static Long version(String version) {
        if (version == null || version.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(version.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("version", "页面版本无效，请刷新页面后重试");
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "请从列表中选择");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
