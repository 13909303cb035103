package org.hotline.platform;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Writes a problem as the answer, the same way wherever it was found (the controllers' advice, the error page,
 * the filters before any controller): problem+json for programs and for every path of the API, and for a person's
 * browser a page (the console's {@link ProblemPage} when there is one), as {@link Problems#wantsPage} decides.
 */
@Component
public class ProblemResponses {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    private final ObjectProvider<ProblemPage> pages;

    ProblemResponses(ObjectProvider<ProblemPage> pages) {
        this.pages = pages;
    }

    /** The problem for the request to {@code path} (as requested: an error page is told the original path). */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem, String path)
            throws IOException {
        if (Problems.wantsPage(request, path)) {
            writePage(request, response, problem);
        } else {
            Problems.writeJson(response, problem, path);
        }
    }

    /** The problem as a page, for a request {@link Problems#wantsPage} said wants one. */
    void writePage(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
        ProblemPage page = pages.getIfAvailable();
        if (page != null) {
            try {
                response.setStatus(problem.getStatus());
                page.write(problem, request, response);
                return;
            } catch (Exception e) {
                // A page that cannot be drawn is our bug; the person still gets the problem, if nothing was sent yet.
                log.error("The error page for {} could not be drawn; answering with the bare page", problem.getStatus(), e);
                if (response.isCommitted()) {
                    return;
                }
                response.resetBuffer();
            }
        }
        Problems.writePage(response, problem);
    }
}
