package org.hotline.workorder.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hotline.console.ConsoleController;
import org.hotline.console.PageErrors;
import org.hotline.platform.AttemptLimiter;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.PublicCase;
import org.hotline.workorder.WorkOrderService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 办件查询: a citizen looks up their own order with its number and the last four digits of the phone they called
 * from, without an account, and sees where it stands and the public reply ({@link PublicCase}), nothing else.
 *
 * <p>Four digits are guessable, so failed lookups are limited, per client address and per order number: after
 * {@code hotline.citizen-lookup.max-failures} failures within {@code hotline.citizen-lookup.window} (10 in 15
 * minutes by default) the lookup refuses without looking. A wrong number and wrong digits fail alike, so a
 * guesser cannot even learn which order numbers exist.
 */
@ConsoleController
class CasePages {

    private final WorkOrderService service;
    private final AttemptLimiter limiter;

    CasePages(WorkOrderService service, Clock clock,
            @Value("${hotline.citizen-lookup.max-failures:10}") int maxFailures,
            @Value("${hotline.citizen-lookup.window:15m}") Duration window) {
        this.service = service;
        this.limiter = new AttemptLimiter(maxFailures, window, 100_000, clock);
    }

    /** The page is the citizens' own: the header names it 办件查询, not the staff's 工作台. */
    @org.springframework.web.bind.annotation.ModelAttribute("publicPage")
    boolean publicPage() {
        return true;
    }

    @GetMapping("/cases")
    String form(Model model) {
        model.addAttribute("number", "");
        return "workorder/cases";
    }

    @PostMapping("/cases")
    String lookUp(@RequestParam(defaultValue = "") String number, @RequestParam(defaultValue = "") String phoneLastFour,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        String n = number.strip();
        String digits = phoneLastFour.strip();
        model.addAttribute("number", n);
        if (!OrderNumber.isWellFormed(n)) {
            return refuse(model, response, PageErrors.field("number", "工单编号应为 8 位日期、短横线和 6 位序号，例如 20261130-000123"));
        }
        if (!digits.matches("\\d{4}")) {
            return refuse(model, response, PageErrors.field("phoneLastFour", "请填写登记手机号或电话的后 4 位数字"));
        }
        String client = "ip:" + request.getRemoteAddr();
        String order = "order:" + n;
        if (limiter.isBlocked(client, order)) {
            return refuse(model, response, PageErrors.rejected("too-many-attempts",
                    "查询失败次数过多，请 " + limiter.window().toMinutes() + " 分钟后再试。如需帮助请拨打 12345。",
                    HttpStatus.TOO_MANY_REQUESTS));
        }
        Optional<PublicCase> found = service.lookUpForCitizen(new OrderNumber(n), digits);
        if (found.isEmpty()) {
            limiter.recordFailure(client, order);
            return refuse(model, response, PageErrors.rejected("case-not-found",
                    "未查到该工单：请核对工单编号和手机号后 4 位。", HttpStatus.NOT_FOUND));
        }
        model.addAttribute("found", found.get());
        return "workorder/cases";
    }

    private static String refuse(Model model, HttpServletResponse response, PageErrors errors) {
        response.setStatus(errors.status().value());
        model.addAttribute(PageErrors.ATTRIBUTE, errors);
        return "workorder/cases";
    }
}
