package org.hotline.patrol.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.hotline.console.ConsoleController;
import org.hotline.console.PageErrors;
import org.hotline.organization.Actor;
import org.hotline.patrol.PatrolKind;
import org.hotline.patrol.PatrolReport;
import org.hotline.patrol.PatrolService;
import org.hotline.platform.InvalidInputException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The patrol's console pages: 巡查上报, the field reporter's phone page (their counts against the quota, the form,
 * their latest reports), and 巡查统计, each town's reporters ranked with counts and shortfalls and the town's
 * coverage. Adapters over {@link PatrolService}, like the REST API.
 */
@ConsoleController
class PatrolPages {

    private final PatrolService patrol;
    private final Clock clock;

    PatrolPages(PatrolService patrol, Clock clock) {
        this.patrol = patrol;
        this.clock = clock;
    }

    record Form(String kind, String text, String address, String latitude, String longitude, boolean needsAction) {
    }

    @GetMapping("/console/patrol")
    String mine(Actor actor, Model model) {
        return page(actor, model, new Form("SAFETY_HAZARD", "", "", "", "", false));
    }

    @PostMapping("/console/patrol")
    String report(@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "") String address, @RequestParam(defaultValue = "") String latitude,
            @RequestParam(defaultValue = "") String longitude,
            @RequestParam(defaultValue = "false") boolean needsAction,
            @RequestParam(name = "photos", required = false) List<MultipartFile> photos, Actor actor, Model model,
            HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        Form form = new Form(kind, text, address, latitude, longitude, needsAction);
        try {
            PatrolKind k = java.util.Arrays.stream(PatrolKind.values()).filter(v -> v.name().equals(kind)).findFirst()
                    .orElseThrow(() -> new InvalidInputException("kind", "请选择巡查类别"));
            PatrolReport filed = patrol.report(new PatrolService.NewReport(k, text, address,
                    number("latitude", latitude), number("longitude", longitude), needsAction),
                    PatrolController.evidence(photos), actor);
            redirect.addFlashAttribute("notice", filed.needsAction() ? "patrol.filed.order" : "patrol.filed.info");
            redirect.addFlashAttribute("filedOrder", filed.orderNumber());
            return "redirect:/console/patrol";
        } catch (RuntimeException e) {
            PageErrors errors = PageErrors.of(e).orElseThrow(() -> e);
            response.setStatus(errors.status().value());
            model.addAttribute(PageErrors.ATTRIBUTE, errors);
            return page(actor, model, form);
        }
    }

    @GetMapping("/console/patrol/towns")
    String towns(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            Actor actor, Model model) {
        LocalDate today = LocalDate.now(clock);
        LocalDate d = day == null || day.isAfter(today) || day.getYear() < 2000 ? today : day;
        model.addAttribute("towns", patrol.towns(d, actor));
        model.addAttribute("day", d);
        model.addAttribute("quota", patrol.quota());
        return "patrol/towns";
    }

    private String page(Actor actor, Model model, Form form) {
        model.addAttribute("tally", patrol.mine(actor));
        model.addAttribute("recent", patrol.myRecent(actor, 10));
        model.addAttribute("kinds", PatrolKind.values());
        model.addAttribute("form", form);
        return "patrol/patrol";
    }

    private static Double number(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "应为数字，例如 36.4567");
        }
    }
}
