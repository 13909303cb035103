package org.hotline.console.internal;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.ModelAndView;

/**
 * The console's error page: a title and a sentence in Chinese for the status, the rule's or the lookup's own
 * message where there is one, and a way back. Never an exception's text of our own making, never a stack trace.
 */
final class ErrorPages {

    static final String VIEW = "console/error";

    private ErrorPages() {
    }

    /** The statuses with a title and an explanation of their own in messages.properties; others read as 4xx/5xx. */
    private static final java.util.Set<Integer> KNOWN = java.util.Set.of(400, 403, 404, 405, 409, 413, 500);

    static ModelAndView page(HttpStatusCode status, String message) {
        int code = status.value();
        String key = KNOWN.contains(code) ? String.valueOf(code) : code >= 500 ? "500" : "400";
        Map<String, Object> model = new HashMap<>();
        model.put("status", code);
        model.put("titleKey", "error." + key + ".title");
        model.put("explanationKey", "error." + key + ".explanation");
        model.put("message", message);
        return new ModelAndView(VIEW, model, HttpStatus.resolve(code) == null ? HttpStatus.INTERNAL_SERVER_ERROR
                : HttpStatus.valueOf(code));
    }

    /**
     * Whether a request outside the console's own controllers wants a page rather than JSON: a browser asking
     * for HTML, anywhere but under /api, whose answers are problem details whatever the client accepts.
     */
    static boolean wantsPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.startsWith("/open311/") || path.startsWith("/actuator/")) {
            return false;
        }
        String accept = request.getHeader("Accept");
        return accept != null && MediaType.parseMediaTypes(accept).stream()
                .anyMatch(m -> m.isCompatibleWith(MediaType.TEXT_HTML) && !m.isWildcardType());
    }
}
