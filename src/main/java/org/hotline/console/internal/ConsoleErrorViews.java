package org.hotline.console.internal;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The HTML answer of Spring Boot's error page (/error) for a browser: errors that happen outside any controller,
 * such as a refused CSRF token or a path the role may not open (403 from the security chain), come here.
 */
@Component
class ConsoleErrorViews implements ErrorViewResolver {

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        ModelAndView page = ErrorPages.page(status, null);
        if (request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException) {
            // a form without its token, or from a page older than the session: nothing was changed
            page.addObject("explanationKey", "error.csrf.explanation");
        }
        return page;
    }
}
