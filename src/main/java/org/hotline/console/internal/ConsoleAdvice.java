package org.hotline.console.internal;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.hotline.console.ConsoleController;
import org.hotline.console.ConsoleFormat;
import org.hotline.console.Navigation;
import org.hotline.console.PageErrors;
import org.hotline.organization.Actor;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout needs on every console page: who is signed in, their menu, the formatter, the text size. */
@ControllerAdvice(annotations = ConsoleController.class)
class ConsoleAdvice {

    /** The cookie the large-text switch (适老化) sets; read here so that the page is drawn large from the start. */
    static final String LARGE_TEXT_COOKIE = "hotline-large-text";

    private final ConsoleFormat format;

    ConsoleAdvice(ConsoleFormat format) {
        this.format = format;
    }

    @ModelAttribute
    void layout(Optional<Actor> viewer, HttpServletRequest request,
            @CookieValue(name = LARGE_TEXT_COOKIE, required = false) String largeText, Model model) {
        model.addAttribute("viewer", viewer.orElse(null));
        model.addAttribute("nav", viewer.map(v -> Navigation.menu(v.role())).orElse(List.of()));
        model.addAttribute("fmt", format);
        model.addAttribute("largeText", "1".equals(largeText));
        model.addAttribute("currentPath", request.getRequestURI().substring(request.getContextPath().length()));
        model.addAttribute(PageErrors.ATTRIBUTE, PageErrors.none());
    }
}
