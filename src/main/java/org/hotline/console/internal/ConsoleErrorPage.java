package org.hotline.console.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hotline.console.Navigation;
import org.hotline.organization.Actor;
import org.hotline.platform.ProblemPage;
import org.hotline.platform.Problems;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * The console's error page, in the console's layout, for every problem a browser gets instead of problem+json
 * (the platform decides which: {@link Problems#wantsPage}): a title and a sentence in Chinese for the status, the
 * problem's own words where they say more than the status (the rule's refusal, "工单 … 不存在"), and a way back.
 * Never an exception's text of our own making, never a stack trace.
 */
@Component
class ConsoleErrorPage implements ProblemPage {

    static final String VIEW = "console/error";

    /** The statuses with a title and an explanation of their own in messages.properties; others read as 4xx/5xx. */
    private static final Set<Integer> KNOWN = Set.of(400, 403, 404, 405, 409, 413, 500);

    private final ThymeleafViewResolver views;

    ConsoleErrorPage(ThymeleafViewResolver views) {
        this.views = views;
    }

    @Override
    public void write(ProblemDetail problem, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        View view = views.resolveViewName(VIEW, Locale.SIMPLIFIED_CHINESE);
        if (view == null) {
            throw new IllegalStateException("the console's error template " + VIEW + " is missing");
        }
        view.render(model(problem, request), request, response);
    }

    static Map<String, Object> model(ProblemDetail problem, HttpServletRequest request) {
        int status = problem.getStatus();
        String key = KNOWN.contains(status) ? String.valueOf(status) : status >= 500 ? "500" : "400";
        Map<String, Object> model = new HashMap<>();
        model.put("status", status);
        model.put("titleKey", "error." + key + ".title");
        model.put("explanationKey", "error." + key + ".explanation");
        if (request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException) {
            // a form without its token, or from a page older than the session: nothing was changed
            model.put("explanationKey", "error.csrf.explanation");
        }
        // the problem's own words only where they say more than the status's general sentence
        String detail = problem.getDetail();
        model.put("message", detail == null || detail.equals(Problems.detail(status)) ? null : detail);
        model.put("largeText", largeText(request));
        // the signed-in user's header and menu, as on every page; the account as it is at this request
        // (an error page reached by the container's forward has only the session's sign-in: shown without)
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current != null && current.getPrincipal() instanceof Actor viewer) {
            model.put("viewer", viewer);
            model.put("nav", Navigation.menu(viewer.role()));
            model.put("currentPath", request.getRequestURI().substring(request.getContextPath().length()));
        }
        return model;
    }

    /** The large-text mode (适老化) holds on error pages too. */
    private static boolean largeText(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        for (Cookie c : cookies) {
            if (ConsoleAdvice.LARGE_TEXT_COOKIE.equals(c.getName())) {
                return "1".equals(c.getValue());
            }
        }
        return false;
    }
}
