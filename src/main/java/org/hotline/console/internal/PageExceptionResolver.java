package org.hotline.console.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hotline.console.ConsoleController;
import org.hotline.platform.ConflictException;
import org.hotline.platform.ForbiddenException;
import org.hotline.platform.InvalidInputException;
import org.hotline.platform.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns what goes wrong on a page into the console's HTML error page, before the API's problem-details advice
 * (which would answer a browser with JSON) gets to it. Applies to the console's controllers, and to a browser's
 * page request that no controller took (an unknown address: 404). Requests to the API are left alone.
 */
@Component
class PageExceptionResolver implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(PageExceptionResolver.class);

    @Override
    public int getOrder() {
        // right after Spring Boot's error attributes, which only note the exception and pass it on
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception e) {
        if (!isPage(request, handler)) {
            return null;
        }
        ModelAndView page = page(e);
        response.setStatus(page.getStatus().value());
        return page;
    }

    private static boolean isPage(HttpServletRequest request, Object handler) {
        if (handler instanceof HandlerMethod method) {
            return AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ConsoleController.class);
        }
        return ErrorPages.wantsPage(request);
    }

    private static ModelAndView page(Exception e) {
        if (e instanceof NotFoundException) {
            return ErrorPages.page(HttpStatus.NOT_FOUND, e.getMessage());
        }
        if (e instanceof ForbiddenException) {
            return ErrorPages.page(HttpStatus.FORBIDDEN, e.getMessage());
        }
        if (e instanceof AccessDeniedException) {
            return ErrorPages.page(HttpStatus.FORBIDDEN, null);
        }
        if (e instanceof ConflictException) {
            return ErrorPages.page(HttpStatus.CONFLICT, e.getMessage());
        }
        if (e instanceof InvalidInputException) {
            return ErrorPages.page(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        if (e instanceof MaxUploadSizeExceededException) {
            return ErrorPages.page(HttpStatus.PAYLOAD_TOO_LARGE, null);
        }
        if (e instanceof TypeMismatchException || e instanceof HttpMessageNotReadableException
                || e instanceof MultipartException || e instanceof BindException) {
            // an address or a form a person edited by hand: the user's mistake, not ours
            return ErrorPages.page(HttpStatus.BAD_REQUEST, null);
        }
        if (e instanceof ErrorResponse spring) {
            // Spring's own 4xx (unknown address, wrong method, missing parameter): the status says it all
            return ErrorPages.page(spring.getStatusCode(), null);
        }
        log.error("Unexpected error on a console page", e);
        return ErrorPages.page(HttpStatus.INTERNAL_SERVER_ERROR, null);
    }
}
