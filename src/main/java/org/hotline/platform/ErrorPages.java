package org.hotline.platform;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.catalina.Host;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The errors that never reach a controller, answered in the same problem details as the rest:
 *
 * <ul>
 * <li>{@code /error}, where the servlet container forwards what filters and {@code sendError} leave (it replaces
 * Spring Boot's English "Whitelabel" answers; a browser gets the console's page, see {@link ProblemResponses});</li>
 * <li>Tomcat's error report, for requests refused before any application sees them (a NUL or bad escape in the
 * path, a malformed header, a header too large, broken chunking): HTML pages in English before this.</li>
 * </ul>
 * A 505 (an HTTP version Tomcat does not speak) is answered as the client's mistake it is, a 400: nothing a client
 * sends may cause a 5xx.
 */
@Controller
class ErrorPages implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private final ProblemResponses responses;

    ErrorPages(ProblemResponses responses) {
        this.responses = responses;
    }

    @RequestMapping("/error")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Throwable error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        // Called directly (no error being forwarded): there is no such page.
        int status = code instanceof Integer i ? i : 404;
        if (error instanceof RequestRejectedException) {
            status = 400;
        } else if (status >= 500 && error != null) {
            log.error("Unexpected error outside the controllers", error);
        }
        // decided on the path the client asked for: a browser's page (the console's 403, 404) or problem+json
        responses.write(request, response, Problems.of(clientStatus(status)),
                uri instanceof String s ? s : request.getRequestURI());
    }

    static int clientStatus(int status) {
        return status == 505 ? 400 : status;
    }

    @Configuration(proxyBeanMethods = false)
    static class TomcatErrors {

        /** Puts {@link ProblemReport} in the place of Tomcat's HTML error report valve on the host. */
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve() {
            return factory -> factory.addContextCustomizers(context -> {
                Host host = (Host) context.getParent();
                if (host instanceof StandardHost standard) {
                    standard.setErrorReportValveClass(ProblemReport.class.getName());
                }
            });
        }
    }

    /** Tomcat's error report, as a problem detail: for errors raised before the application gets the request. */
    public static class ProblemReport extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(true);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get() || !response.setErrorReported()) {
                return;
            }
            try {
                ProblemDetail problem = Problems.of(clientStatus(status));
                String path = request.getRequestURI();
                // no application behind this: the bare page for a browser, never the console's
                Problems.Rendered rendered = Problems.render(problem, request, path);
                response.resetBuffer();
                response.setStatus(problem.getStatus());
                response.setCharacterEncoding("UTF-8");
                response.setContentType(rendered.contentType());
                java.io.Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(rendered.text());
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the connection is gone or the answer already started: nothing left to tell the client
            }
        }
    }
}
