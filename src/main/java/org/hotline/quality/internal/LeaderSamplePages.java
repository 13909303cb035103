package org.hotline.quality.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletResponse;

import org.hotline.console.ConsoleController;
import org.hotline.console.ConsoleFormat;
import org.hotline.console.DueState;
import org.hotline.console.PageErrors;
import org.hotline.organization.Actor;
import org.hotline.organization.UnitId;
import org.hotline.platform.InvalidInputException;
import org.hotline.quality.CallResult;
import org.hotline.quality.LeaderSignature;
import org.hotline.quality.Satisfaction;
import org.hotline.workorder.OrderNumber;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 一把手抽访 (/console/leader-samples): the unit's drawn orders by day, the day still to sign first, each with the
 * citizen's full number (as {@link LeaderSampleController} shows them to the unit's leader), a row per call to
 * record (reached, resolved, satisfaction, comment), and one signature for the day with the leader's password.
 * Signed days are read-only with the signature's time. The center's report readers may look at a unit's samples
 * by naming it; only the unit's leader is offered the signature ({@link LeaderSignature#maySign}).
 *
 * <p>An adapter like {@link LeaderSampleController}: the list is {@link LeaderSamplingService#samplesFor}, the
 * signature {@link LeaderSamplingService#signDay}, the same password check and rules as the REST signature;
 * each row is read with the REST request's own checks. A wrong password is shown under the password field.
 */
@ConsoleController
@RequestMapping("/console/leader-samples")
class LeaderSamplePages {

    static final int DAYS_PER_PAGE = 10;
    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEEE", Locale.SIMPLIFIED_CHINESE);

    private final LeaderSamplingService service;
    private final QualityPages pages;
    private final ConsoleFormat fmt;
    private final MessageSource messages;
    private final Clock clock;

    LeaderSamplePages(LeaderSamplingService service, QualityPages pages, ConsoleFormat fmt, MessageSource messages,
            Clock clock) {
        this.service = service;
        this.pages = pages;
        this.fmt = fmt;
        this.messages = messages;
        this.clock = clock;
    }

    /** One sampled day of the unit: its orders, when they are due, and whether the viewer may sign what is open. */
    record Day(String day, String weekday, Instant dueAt, DueState due, String dueWords, List<Row> samples, int open,
            Instant signedAt, String leader, boolean maySign) {
    }

    /** One drawn order: as the REST list shows it, with its category's name and its result in words. */
    record Row(LeaderSampleController.SampleView sample, String category, String result) {
    }

    @GetMapping
    String samples(@RequestParam(required = false) String unit, @RequestParam(required = false) Integer page,
            Actor actor, Model model) {
        UnitId scope = unit == null || unit.isBlank() ? null : new UnitId(unit.strip());
        model.addAttribute("unit", scope == null ? null : scope.value());
        model.addAttribute("units", actor.isCenter() ? pages.activeUnits() : List.of());
        model.addAttribute("satisfactions", Satisfaction.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
            model.addAttribute("formDay", "");
        }
        List<LeaderSamples.Sample> all;
        try {
            all = service.samplesFor(actor, scope, null);
        } catch (InvalidInputException e) {
            // a center user who has not named a unit yet (or named none that exists): the unit to choose, and why
            if (!"unit".equals(e.field())) {
                throw e;
            }
            model.addAttribute(PageErrors.ATTRIBUTE, PageErrors.field("unit", e.getMessage()));
            model.addAttribute("days", List.of());
            model.addAttribute("page", 0);
            model.addAttribute("pages", 0);
            model.addAttribute("chooseUnit", true);
            return "quality/leader-samples";
        }
        List<Day> days = days(all, actor);
        int from = QualityPages.page(page);
        int pageCount = (days.size() + DAYS_PER_PAGE - 1) / DAYS_PER_PAGE;
        model.addAttribute("days", days.stream().skip((long) from * DAYS_PER_PAGE).limit(DAYS_PER_PAGE).toList());
        model.addAttribute("page", from);
        model.addAttribute("pages", pageCount);
        model.addAttribute("chooseUnit", false);
        model.addAttribute("openCount", days.stream().mapToInt(Day::open).sum());
        return "quality/leader-samples";
    }

    /**
     * Signs the calls recorded in the day's form, all with one entry of the password. A row left blank stays open;
     * a row with something in it is checked as the REST signature's body is, its errors shown in that row.
     */
    @PostMapping("/{day}/signature")
    String sign(@PathVariable String day, @RequestParam Map<String, String> form, Actor actor, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        LocalDate d = LeaderSampleController.day("day", day);
        Map<String, String> shown = new LinkedHashMap<>(form);
        shown.remove("password"); // never written back into a page
        try {
            Map<OrderNumber, CallResult> calls = new LinkedHashMap<>();
            Map<String, String> problems = new LinkedHashMap<>();
            for (LeaderSamples.Sample s : service.samplesFor(actor, null, d)) {
                if (s.completedAt() != null) {
                    continue;
                }
                String n = s.order().value();
                if (blank(form, "reached." + n) && blank(form, "resolved." + n) && blank(form, "satisfaction." + n)
                        && blank(form, "comment." + n)) {
                    continue; // not called yet: left for a later signature
                }
                try {
                    var r = pages.valid(new QualityController.CallbackAttemptRequest(
                            QualityPages.yesNo(form, "reached." + n, "reached"),
                            QualityPages.yesNo(form, "resolved." + n, "resolved"),
                            QualityPages.choice(Satisfaction.class, form, "satisfaction." + n, "satisfaction"),
                            QualityPages.blankToNull(form.get("comment." + n))));
                    calls.put(s.order(), QualityController.callResult(r));
                } catch (RuntimeException e) {
                    PageErrors rowErrors = PageErrors.of(e).orElseThrow(() -> e);
                    rowErrors.fields().forEach((field, problem) -> problems.putIfAbsent(n + "." + field, problem));
                }
            }
            String password = form.get("password");
            if (password == null || password.isBlank()) {
                problems.put("password", "签署须重新输入密码");
            }
            if (!problems.isEmpty()) {
                throw new PageProblems(PageErrors.fields(problems));
            }
            List<LeaderSamples.Sample> signed = service.signDay(actor, d, password, calls);
            long open = service.samplesFor(actor, null, d).stream().filter(s -> s.completedAt() == null).count();
            Instant at = signed.stream().map(LeaderSamples.Sample::completedAt).filter(Objects::nonNull)
                    .max(Comparator.naturalOrder()).orElse(clock.instant());
            flash.addFlashAttribute("outcome", text("samples.done.signed", d.toString(), signed.size(), fmt.time(at))
                    + (open > 0 ? text("samples.done.open", open) : ""));
            return "redirect:/console/leader-samples";
        } catch (RuntimeException e) {
            PageErrors errors = e instanceof PageProblems p ? p.errors : PageErrors.of(e).orElseThrow(() -> e);
            if ("wrong-password".equals(errors.code())) {
                errors = errors.at("password");
            }
            response.setStatus(errors.status().value());
            model.addAttribute(PageErrors.ATTRIBUTE, errors);
            model.addAttribute("form", shown);
            model.addAttribute("formDay", d.toString());
            return samples(null, null, actor, model);
        }
    }

    /** Several rows' problems at once, carried to the page as the one error they make. */
    private static final class PageProblems extends RuntimeException {

        private final transient PageErrors errors;

        PageProblems(PageErrors errors) {
            super(null, null, false, false);
            this.errors = errors;
        }
    }

    private List<Day> days(List<LeaderSamples.Sample> all, Actor viewer) {
        Instant now = clock.instant();
        Map<LocalDate, List<LeaderSamples.Sample>> byDay = new TreeMap<>();
        all.forEach(s -> byDay.computeIfAbsent(s.day(), k -> new ArrayList<>()).add(s));
        List<Day> open = new ArrayList<>();
        List<Day> signed = new ArrayList<>();
        byDay.forEach((day, samples) -> {
            Instant due = samples.get(0).dueAt();
            int unsigned = (int) samples.stream().filter(s -> s.completedAt() == null).count();
            Instant signedAt = samples.stream().map(LeaderSamples.Sample::completedAt).filter(Objects::nonNull)
                    .max(Comparator.naturalOrder()).orElse(null);
            String leader = samples.stream().filter(s -> s.leader() != null).map(LeaderSamples.Sample::leader)
                    .reduce((a, b) -> b).orElse(null);
            boolean maySign = unsigned > 0 && samples.stream().anyMatch(s -> s.completedAt() == null
                    && LeaderSignature.maySign(viewer, s.unit(), false).isAllowed());
            DueState state = unsigned == 0 ? DueState.DONE : now.isAfter(due) ? DueState.OVERDUE : DueState.ON_TRACK;
            String words = state == DueState.OVERDUE ? fmt.overdueBy(Duration.between(due, now))
                    : state == DueState.ON_TRACK ? fmt.timeLeftElapsed(Duration.between(now, due)) : null;
            List<Row> rows = samples.stream().map(s -> {
                var view = LeaderSampleController.SampleView.of(s, viewer, pages.unitName(s.unit()), now);
                return new Row(view, pages.category(s.categoryCode()), s.result() == null ? null : s.result().label());
            }).toList();
            Day d = new Day(day.toString(), WEEKDAY.format(day), due, state, words, rows, unsigned, signedAt, leader,
                    maySign);
            (unsigned > 0 ? open : signed).add(d);
        });
        // the days still to sign first, the oldest (the most overdue) at the top; then the signed, newest first
        java.util.Collections.reverse(signed);
        List<Day> days = new ArrayList<>(open);
        days.addAll(signed);
        return days;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }

    private static boolean blank(Map<String, String> form, String key) {
        String v = form.get(key);
        return v == null || v.isBlank();
    }
}
