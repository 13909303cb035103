package org.hotline.audit.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.hotline.audit.AuditReaders;
import org.hotline.console.ConsoleController;
import org.hotline.console.PageErrors;
import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.platform.AdminAudit;
import org.hotline.platform.InvalidInputException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 操作审计 ({@code /console/admin/audit}, administrators and the director): the audit newest first, by period,
 * person, kind of object and action, a page at a time, each line linking an administrator to the object it is
 * about. A filter it cannot read is shown next to its field (400), with no lines, as the API refuses it.
 */
@ConsoleController
class AuditPages {

    private final AuditReading reading;

    AuditPages(AuditReading reading) {
        this.reading = reading;
    }

    @GetMapping("/console/admin/audit")
    String audit(@RequestParam Map<String, String> params, Actor actor, Model model, HttpServletResponse response) {
        AuditReaders.refuseUnlessReader(actor);
        Map<String, String> form = new LinkedHashMap<>();
        for (String field : new String[] { "from", "to", "user", "kind", "action" }) {
            String v = params.get(field);
            form.put(field, v == null ? "" : v.strip());
        }
        model.addAttribute("form", form);
        model.addAttribute("users", reading.users(actor));
        Map<String, String> kinds = new LinkedHashMap<>();
        AdminAudit.KINDS.forEach(k -> kinds.put(k, reading.kindLabel(k)));
        model.addAttribute("kinds", kinds);
        Map<String, String> actions = new LinkedHashMap<>();
        AdminAudit.ACTIONS.forEach(a -> actions.put(a, reading.actionLabel(a)));
        model.addAttribute("actions", actions);
        model.addAttribute("administrator", actor.role() == Role.ADMIN);
        try {
            AuditReading.Filter filter = reading.filter(form.get("from"), form.get("to"), form.get("user"),
                    form.get("kind"), form.get("action"), params.get("page"), null);
            model.addAttribute("result", reading.read(filter, actor));
        } catch (InvalidInputException e) {
            PageErrors errors = PageErrors.of(e).orElseThrow(() -> e);
            response.setStatus(errors.status().value());
            model.addAttribute(PageErrors.ATTRIBUTE, errors);
            model.addAttribute("result", null);
        }
        return "audit/audit";
    }
}
