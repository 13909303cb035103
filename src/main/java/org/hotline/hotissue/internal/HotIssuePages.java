package org.hotline.hotissue.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.hotline.console.ConsoleController;
import org.hotline.console.PageErrors;
import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.organization.Unit;
import org.hotline.organization.UnitId;
import org.hotline.organization.Units;
import org.hotline.platform.ForbiddenException;
import org.hotline.platform.InvalidInputException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The supervisors' hot-issue pages (热点问题): the daily top list with each heat's parts and the issues under
 * tackling, and one issue's page with its orders, its tackling (measures, result, the volume of appeals before
 * and after) and its history, offering exactly the steps the viewer may take now.
 *
 * <p>An adapter like {@link HotIssueController}: each form calls the same {@link HotIssueService} method; a
 * refusal or bad input comes back as the rule's or the field's Chinese words (post, redirect, get).
 */
@ConsoleController
@RequestMapping("/console/hot-issues")
class HotIssuePages {

    private final HotIssueService hotIssues;
    private final Units units;
    private final Clock clock;

    HotIssuePages(HotIssueService hotIssues, Units units, Clock clock) {
        this.hotIssues = hotIssues;
        this.units = units;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(required = false) String day, Actor actor, Model model) {
        requireCenter(actor);
        LocalDate shown = LocalDate.now(clock);
        if (day != null && !day.isBlank()) {
            try {
                shown = LocalDate.parse(day.strip());
            } catch (DateTimeParseException e) {
                model.addAttribute(PageErrors.ATTRIBUTE, PageErrors.field("day", "日期格式应为 2026-12-04"));
            }
        }
        model.addAttribute("day", shown);
        model.addAttribute("top", hotIssues.top(shown, 20));
        model.addAttribute("tackled", hotIssues.tackled());
        return "hotissue/hot-issues";
    }

    @GetMapping("/{id}")
    String issue(@PathVariable long id, Actor actor, Model model) {
        var detail = hotIssues.detail(id, actor);
        model.addAttribute("d", detail);
        model.addAttribute("canPropose", detail.tackling() == null && manager(actor));
        model.addAttribute("canLink", manager(actor));
        model.addAttribute("actions", detail.tackling() == null ? List.of() : detail.tackling().actions());
        model.addAttribute("units", units.all().stream().filter(Unit::active)
                .sorted(Comparator.comparing(u -> u.id().value())).toList());
        model.addAttribute("unitNames", unitNames());
        model.addAttribute("month", YearMonth.now(clock).plusMonths(1).toString());
        return "hotissue/hot-issue";
    }

    @PostMapping("/{id}/{step}")
    String act(@PathVariable long id, @PathVariable String step, @RequestParam Map<String, String> form, Actor actor,
            RedirectAttributes flash) {
        Supplier<Object> action = switch (step) {
            case "propose" -> () -> hotIssues.propose(id, required(form, "reason"), actor);
            case "choose" -> () -> hotIssues.choose(id, month(form), actor);
            case "assign" -> () -> hotIssues.assign(id, unit(form, "leadUnit"), coUnits(form), actor);
            case "measure" -> () -> hotIssues.addMeasure(id, required(form, "description"), unit(form, "unit"),
                    date(form, "due"), actor);
            case "complete" -> () -> hotIssues.completeMeasure(id, seq(form), date(form, "doneOn"), actor);
            case "result" -> () -> hotIssues.reportResult(id, required(form, "result"), actor);
            case "close" -> () -> hotIssues.close(id, form.getOrDefault("note", "验收销号").isBlank() ? "验收销号"
                    : form.get("note"), actor);
            case "send-back" -> () -> hotIssues.sendBack(id, required(form, "reason"), actor);
            case "reopen" -> () -> hotIssues.reopen(id, required(form, "reason"), actor);
            case "link" -> () -> hotIssues.link(required(form, "order"), id, actor);
            case "unlink" -> () -> hotIssues.unlink(required(form, "order"), actor);
            default -> throw new org.hotline.platform.NotFoundException("没有这个操作");
        };
        try {
            action.get();
            flash.addFlashAttribute("notice", "hotissue.done." + step);
        } catch (RuntimeException e) {
            PageErrors errors = PageErrors.of(e).orElseThrow(() -> e);
            flash.addFlashAttribute(PageErrors.ATTRIBUTE, errors);
            flash.addFlashAttribute("openForm", step);
        }
        return "redirect:/console/hot-issues/" + id;
    }

    private Map<String, String> unitNames() {
        return units.all().stream().collect(java.util.stream.Collectors.toMap(u -> u.id().value(), Unit::name));
    }

    private static boolean manager(Actor actor) {
        return actor.role() == Role.SUPERVISOR || actor.role() == Role.DIRECTOR;
    }

    private static void requireCenter(Actor actor) {
        if (!actor.isCenter()) {
            throw new ForbiddenException("not-permitted", "热点问题只对中心人员开放");
        }
    }

    private static String required(Map<String, String> form, String field) {
        String v = form.get(field);
        if (v == null || v.isBlank()) {
            throw new InvalidInputException(field, "必须填写");
        }
        if (v.length() > 2000) {
            throw new InvalidInputException(field, "不能超过 2000 个字符");
        }
        return v.strip();
    }

    private static UnitId unit(Map<String, String> form, String field) {
        return new UnitId(required(form, field));
    }

    private static List<UnitId> coUnits(Map<String, String> form) {
        String v = form.getOrDefault("coUnits", "");
        return Arrays.stream(v.split("[,，\\s]+")).filter(s -> !s.isBlank()).map(UnitId::new).toList();
    }

    private static YearMonth month(Map<String, String> form) {
        try {
            return YearMonth.parse(required(form, "month"));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("month", "月份格式应为 2026-12");
        }
    }

    private static LocalDate date(Map<String, String> form, String field) {
        try {
            return LocalDate.parse(required(form, field));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "日期格式应为 2026-12-04");
        }
    }

    private static int seq(Map<String, String> form) {
        try {
            return Integer.parseInt(required(form, "seq"));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("seq", "应为措施序号");
        }
    }
}
