package org.hotline.open311.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import org.hotline.console.ConsoleController;
import org.hotline.console.PageErrors;
import org.hotline.organization.Actor;
import org.hotline.platform.AdminAudit;
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
 * Open311 API 密钥 for the administrator ({@code /console/admin/open311-keys}): every key with its client application,
 * when it was issued and by whom, when it was last used and how many requests it filed, its rate per minute and
 * whether it is in use; a new key (its secret shown on the next page once, then only its last four characters),
 * renaming, a new rate, and revocation after a confirmation. ADMIN only, by the console's security chain and by
 * {@link ApiKeys} itself, the one place that decides about keys for this page and for
 * {@code /api/v1/admin/open311/keys} alike; each change is a line of the administrators' audit, listed here.
 */
@ConsoleController
@RequestMapping("/console/admin/open311-keys")
class Open311KeyPages {

    private static final int RECENT_CHANGES = 20;

    private final ApiKeys keys;

    Open311KeyPages(ApiKeys keys) {
        this.keys = keys;
    }

    @GetMapping
    String list(Actor actor, Model model) {
        List<Open311KeyRows.KeyRow> rows = keys.list(actor).stream().map(Open311KeyRows.KeyRow::of).toList();
        model.addAttribute("keys", rows);
        model.addAttribute("activeCount", rows.stream().filter(Open311KeyRows.KeyRow::active).count());
        model.addAttribute("changes", audit(keys.recentChanges(actor, RECENT_CHANGES)));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "open311/keys";
    }

    @PostMapping
    String issue(@RequestParam Map<String, String> form, Actor actor, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        return act("ISSUE", form, model, response, () -> {
            ApiKeys.Issued issued = keys.issue(form.get("name"), form.get("clientApplication"),
                    rate(form.get("ratePerMinute"), false), actor);
            // shown on the next page once; the flash is gone after that request
            flash.addFlashAttribute("issuedSecret", issued.secret());
            flash.addFlashAttribute("notice", "open311.keys.done.issued");
            return "/console/admin/open311-keys/" + issued.key().id();
        }, () -> list(actor, model));
    }

    @GetMapping("/{id}")
    String key(@PathVariable String id, Actor actor, Model model, HttpServletResponse response) {
        Open311KeyRows.KeyRow key = row(id, actor);
        // the secret may be on this page (once): no cache keeps a copy
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("key", key);
        model.addAttribute("history", audit(keys.history(key.id(), actor)));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("name", key.name(), "clientApplication",
                    key.clientApplication() == null ? "" : key.clientApplication(), "ratePerMinute",
                    String.valueOf(key.ratePerMinute())));
        }
        return "open311/key";
    }

    @PostMapping("/{id}/name")
    String rename(@PathVariable String id, @RequestParam Map<String, String> form, Actor actor, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        long keyId = row(id, actor).id();
        return act("RENAME", form, model, response, () -> {
            keys.rename(keyId, form.get("name"), form.get("clientApplication"), actor);
            flash.addFlashAttribute("notice", "open311.keys.done.renamed");
            return "/console/admin/open311-keys/" + keyId;
        }, () -> key(id, actor, model, response));
    }

    @PostMapping("/{id}/rate")
    String rate(@PathVariable String id, @RequestParam Map<String, String> form, Actor actor, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        long keyId = row(id, actor).id();
        return act("RATE", form, model, response, () -> {
            keys.changeRate(keyId, rate(form.get("ratePerMinute"), true), actor);
            flash.addFlashAttribute("notice", "open311.keys.done.rate");
            return "/console/admin/open311-keys/" + keyId;
        }, () -> key(id, actor, model, response));
    }

    /**
     * Revokes once confirmed ({@code confirm=true}, the page's second button); a request without it (an old page, a
     * form sent by hand) only opens the confirmation.
     */
    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable String id, @RequestParam(required = false) String confirm, Actor actor, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        long keyId = row(id, actor).id();
        if (!"true".equals(confirm)) {
            model.addAttribute("confirmRevoke", true);
            return key(id, actor, model, response);
        }
        return act("REVOKE", Map.of(), model, response, () -> {
            keys.revoke(keyId, actor);
            flash.addFlashAttribute("notice", "open311.keys.done.revoked");
            return "/console/admin/open311-keys/" + keyId;
        }, () -> key(id, actor, model, response));
    }

    // ---------------------------------------------------------------- helpers

    private Open311KeyRows.KeyRow row(String id, Actor actor) {
        long keyId;
        try {
            keyId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFoundException("密钥 " + id + " 不存在");
        }
        return keys.list(actor).stream().filter(l -> l.key().id() == keyId).findFirst().map(Open311KeyRows.KeyRow::of)
                .orElseThrow(() -> new NotFoundException("密钥 " + id + " 不存在"));
    }

    private static Integer rate(String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidInputException("ratePerMinute", "必须填写");
            }
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("ratePerMinute", "请填写整数，应在 1 到 " + ApiKeys.MAX_RATE + " 之间");
        }
    }

    private static List<Open311KeyRows.AuditRow> audit(List<AdminAudit.Entry> entries) {
        return entries.stream()
                .map(e -> new Open311KeyRows.AuditRow(e.at(), e.actor(), e.action(), e.target(), e.detail())).toList();
    }

    /** Runs a change: PRG with a notice, or the same page again with the errors beside the fields. */
    private static String act(String action, Map<String, String> form, Model model, HttpServletResponse response,
            Supplier<String> change, Supplier<String> page) {
        try {
            return "redirect:" + change.get();
        } catch (RuntimeException e) {
            PageErrors errors = PageErrors.of(e).orElseThrow(() -> e);
            response.setStatus(errors.status().value());
            model.addAttribute(PageErrors.ATTRIBUTE, errors);
            model.addAttribute("openForm", action);
            Map<String, String> typed = new HashMap<>(form);
            typed.remove("_csrf");
            model.addAttribute("form", typed);
            return page.get();
        }
    }
}
