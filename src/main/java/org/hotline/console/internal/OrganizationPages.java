package org.hotline.console.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import org.hotline.console.ConsoleController;
import org.hotline.console.PageErrors;
import org.hotline.organization.Actor;
import org.hotline.organization.OrganizationAdministration;
import org.hotline.organization.OrganizationAdministration.CategoryDetails;
import org.hotline.organization.OrganizationAdministration.UnitDetails;
import org.hotline.organization.OrganizationAdministration.UserDetails;
import org.hotline.organization.Role;
import org.hotline.organization.UnitKind;
import org.hotline.platform.InvalidInputException;
import org.hotline.platform.NotFoundException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's pages for the organisation (系统管理): users and their roles (create, change role and unit,
 * disable or enable, set a new password), units (create, edit), and the three-level categories with their default
 * units (add, edit). ADMIN only, by the console's security chain, as {@code /api/v1/admin} is.
 *
 * <p>An adapter like the admin API: every change goes through {@link OrganizationAdministration}, the service
 * behind {@code OrganizationAdminController}, which checks it against the API's own request (sizes, the
 * password's limits) and the organisation's rules (reserved usernames, a unit still in use), and refuses with the
 * same words; the page shows them next to the field, or as the rule's reason. These pages live in the console
 * module rather than in the organisation's: the console already depends on the organisation (who is signed in,
 * their role), so a page there that the organisation owned would make the two modules depend on each other.
 */
@ConsoleController
@RequestMapping("/console/admin")
class OrganizationPages {

    static final int PAGE_SIZE = 50;

    private final OrganizationAdministration admin;

    OrganizationPages(OrganizationAdministration admin) {
        this.admin = admin;
    }

    @GetMapping
    String admin() {
        return "redirect:/console/admin/users";
    }

    // ---------------------------------------------------------------- users

    @GetMapping("/users")
    String users(@RequestParam(required = false) String q, @RequestParam(required = false) String role,
            @RequestParam(defaultValue = "0") String page, Model model) {
        Role r = role == null || role.isBlank() ? null : choice(Role.class, role, "role");
        String text = q == null || q.isBlank() ? null : q.strip();
        if (text != null && text.length() > 64) {
            text = text.substring(0, 64);
        }
        int p = Math.max(0, number(page));
        var found = admin.users(text, r, p, PAGE_SIZE);
        model.addAttribute("found", found);
        model.addAttribute("pages", (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("q", text);
        model.addAttribute("role", r);
        addChoices(model);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("role", "UNIT_HANDLER", "enabled", "true"));
            model.addAttribute("openForm", "");
        }
        return "console/admin/users";
    }

    @PostMapping("/users")
    String createUser(@RequestParam Map<String, String> form, Actor actor, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        return act("CREATE_USER", form, model, flash, response, () -> {
            UserDetails u = admin.createUser(text(form, "username"), text(form, "displayName"), form.get("password"),
                    choice(Role.class, form.get("role"), "role"), text(form, "unitId"), true, actor);
            flash.addFlashAttribute("highlight", u.username());
            return new Done("admin.done.user-created", "/console/admin/users?q=" + u.username());
        }, () -> users(null, null, "0", model));
    }

    @GetMapping("/users/{username}")
    String user(@PathVariable String username, Model model) {
        UserDetails u = admin.user(username).orElseThrow(() -> new NotFoundException("用户「" + username + "」不存在"));
        model.addAttribute("user", u);
        addChoices(model);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("displayName", u.displayName(), "role", u.role().name(), "unitId",
                    u.unit() == null ? "" : u.unit().value()));
            model.addAttribute("openForm", "");
        }
        return "console/admin/user";
    }

    @PostMapping("/users/{username}")
    String updateUser(@PathVariable String username, @RequestParam Map<String, String> form, Actor actor,
            Model model, RedirectAttributes flash, HttpServletResponse response) {
        UserDetails before = admin.user(username)
                .orElseThrow(() -> new NotFoundException("用户「" + username + "」不存在"));
        return act("UPDATE_USER", form, model, flash, response, () -> {
            admin.updateUser(username, text(form, "displayName"), choice(Role.class, form.get("role"), "role"),
                    text(form, "unitId"), before.enabled(), actor);
            return new Done("admin.done.user-updated", "/console/admin/users/" + username);
        }, () -> user(username, model));
    }

    /** Disable (the user's sessions and tokens end at their next request) or enable again. */
    @PostMapping("/users/{username}/enabled")
    String enable(@PathVariable String username, @RequestParam(required = false) String enabled,
            @RequestParam(required = false) String back, Actor actor, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        UserDetails u = admin.user(username).orElseThrow(() -> new NotFoundException("用户「" + username + "」不存在"));
        boolean on = "true".equals(enabled);
        return act("ENABLE", Map.of(), model, flash, response, () -> {
            admin.updateUser(username, u.displayName(), u.role(), u.unit() == null ? null : u.unit().value(), on,
                    actor);
            flash.addFlashAttribute("highlight", username);
            return new Done(on ? "admin.done.user-enabled" : "admin.done.user-disabled",
                    "/users".equals(back) ? "/console/admin/users?q=" + username : "/console/admin/users/" + username);
        }, () -> user(username, model));
    }

    @PostMapping("/users/{username}/password")
    String password(@PathVariable String username, @RequestParam Map<String, String> form, Actor actor,
            Model model, RedirectAttributes flash, HttpServletResponse response) {
        admin.user(username).orElseThrow(() -> new NotFoundException("用户「" + username + "」不存在"));
        return act("PASSWORD", form, model, flash, response, () -> {
            String password = form.get("password");
            if (password != null && !password.equals(form.get("repeat"))) {
                throw new InvalidInputException("repeat", "两次输入的密码不一致");
            }
            admin.changePassword(username, password, actor);
            return new Done("admin.done.password", "/console/admin/users/" + username);
        }, () -> user(username, model));
    }

    // ---------------------------------------------------------------- units

    @GetMapping("/units")
    String units(Model model) {
        model.addAttribute("unitList", admin.units());
        model.addAttribute("unitNames", unitNames());
        model.addAttribute("kinds", UnitKind.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("kind", "TERRITORIAL"));
            model.addAttribute("openForm", "");
        }
        return "console/admin/units";
    }

    @PostMapping("/units")
    String createUnit(@RequestParam Map<String, String> form, Actor actor, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        return act("CREATE_UNIT", form, model, flash, response, () -> {
            UnitDetails u = admin.createUnit(text(form, "id"), text(form, "name"),
                    choice(UnitKind.class, form.get("kind"), "kind"), text(form, "contactPhone"),
                    text(form, "parentId"), true, actor);
            flash.addFlashAttribute("highlight", u.unit().id().value());
            return new Done("admin.done.unit-created", "/console/admin/units");
        }, () -> units(model));
    }

    @GetMapping("/units/{id}")
    String unit(@PathVariable String id, Model model) {
        UnitDetails u = unitOf(id);
        model.addAttribute("unit", u);
        model.addAttribute("kinds", UnitKind.values());
        model.addAttribute("parents", admin.units().stream().filter(p -> !p.unit().id().equals(u.unit().id()))
                .toList());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("name", u.unit().name(), "kind", u.unit().kind().name(),
                    "contactPhone", u.contactPhone() == null ? "" : u.contactPhone(), "parentId",
                    u.parent() == null ? "" : u.parent().value(), "active", String.valueOf(u.unit().active())));
            model.addAttribute("openForm", "");
        }
        return "console/admin/unit";
    }

    @PostMapping("/units/{id}")
    String updateUnit(@PathVariable String id, @RequestParam Map<String, String> form, Actor actor, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        unitOf(id);
        return act("UPDATE_UNIT", form, model, flash, response, () -> {
            admin.updateUnit(id, text(form, "name"), choice(UnitKind.class, form.get("kind"), "kind"),
                    text(form, "contactPhone"), text(form, "parentId"), "true".equals(form.get("active")), actor);
            flash.addFlashAttribute("highlight", id);
            return new Done("admin.done.unit-updated", "/console/admin/units");
        }, () -> unit(id, model));
    }

    // ---------------------------------------------------------------- categories

    @GetMapping("/categories")
    String categories(Model model) {
        List<CategoryDetails> all = admin.categories();
        model.addAttribute("tree", CategoryTree.of(all));
        model.addAttribute("unitNames", unitNames());
        model.addAttribute("activeUnits", activeUnits());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
            model.addAttribute("openForm", "");
        }
        return "console/admin/categories";
    }

    @PostMapping("/categories")
    String createCategory(@RequestParam Map<String, String> form, Actor actor, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        return act("CREATE_CATEGORY", form, model, flash, response, () -> {
            CategoryDetails c = admin.createCategory(text(form, "code"), text(form, "name"),
                    text(form, "defaultUnitId"), true, actor);
            flash.addFlashAttribute("highlight", c.category().code());
            return new Done("admin.done.category-created", "/console/admin/categories#cat-" + c.category().code());
        }, () -> categories(model));
    }

    @GetMapping("/categories/{code}")
    String category(@PathVariable String code, Model model) {
        CategoryDetails c = categoryOf(code);
        model.addAttribute("category", c);
        model.addAttribute("unitNames", unitNames());
        model.addAttribute("activeUnits", activeUnits());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("name", c.category().name(), "defaultUnitId",
                    c.category().defaultUnit() == null ? "" : c.category().defaultUnit().value(), "active",
                    String.valueOf(c.active())));
            model.addAttribute("openForm", "");
        }
        return "console/admin/category";
    }

    @PostMapping("/categories/{code}")
    String updateCategory(@PathVariable String code, @RequestParam Map<String, String> form, Actor actor,
            Model model, RedirectAttributes flash, HttpServletResponse response) {
        categoryOf(code);
        return act("UPDATE_CATEGORY", form, model, flash, response, () -> {
            admin.updateCategory(code, text(form, "name"), text(form, "defaultUnitId"),
                    "true".equals(form.get("active")), actor);
            flash.addFlashAttribute("highlight", code);
            return new Done("admin.done.category-updated", "/console/admin/categories#cat-" + code);
        }, () -> category(code, model));
    }

    // ---------------------------------------------------------------- how every change runs

    /** What a change did: the notice to show and where to go next. */
    private record Done(String notice, String next) {
    }

    /**
     * Runs a change; success redirects with a notice (post, redirect, get); bad input or a rule's refusal shows
     * the page again as it is now, with the form as typed (passwords excepted) and why.
     */
    private String act(String action, Map<String, String> form, Model model, RedirectAttributes flash,
            HttpServletResponse response, Supplier<Done> change, Supplier<String> page) {
        try {
            Done done = change.get();
            flash.addFlashAttribute("notice", done.notice());
            return "redirect:" + done.next();
        } catch (RuntimeException e) {
            PageErrors errors = PageErrors.of(e).orElseThrow(() -> e);
            response.setStatus(errors.status().value());
            model.addAttribute(PageErrors.ATTRIBUTE, errors);
            model.addAttribute("openForm", action);
            Map<String, String> typed = new java.util.HashMap<>(form);
            typed.remove("password");
            typed.remove("repeat");
            typed.remove("_csrf");
            model.addAttribute("form", typed);
            return page.get();
        }
    }

    private void addChoices(Model model) {
        model.addAttribute("roles", Role.values());
        model.addAttribute("activeUnits", activeUnits());
        model.addAttribute("unitNames", unitNames());
    }

    private List<UnitDetails> activeUnits() {
        return admin.units().stream().filter(u -> u.unit().active())
                .sorted(Comparator.comparing(u -> u.unit().id().value())).toList();
    }

    private Map<String, String> unitNames() {
        return admin.units().stream().collect(java.util.stream.Collectors.toMap(u -> u.unit().id().value(),
                u -> u.unit().name(), (a, b) -> a));
    }

    private UnitDetails unitOf(String id) {
        return admin.units().stream().filter(u -> u.unit().id().value().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("承办单位「" + id + "」不存在"));
    }

    private CategoryDetails categoryOf(String code) {
        return admin.categories().stream().filter(c -> c.category().code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFoundException("分类「" + code + "」不存在"));
    }

    private static String text(Map<String, String> form, String field) {
        String v = form.get(field);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static int number(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null; // the request's own @NotNull says "不能为空" next to the field
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "请从列表中选择");
        }
    }
}
