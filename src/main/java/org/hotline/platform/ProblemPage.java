package org.hotline.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ProblemDetail;

/**
 * How a problem looks to a person in a browser, where {@link Problems#wantsPage} decided for a page: the console
 * provides one in its own layout. The platform depends on no page of its own; without this bean, browsers get the
 * bare page {@link Problems} writes.
 */
public interface ProblemPage {

    /**
     * Writes the page for the problem as the whole answer, with the problem's status. Called by
     * {@link ProblemResponses} only, which falls back to the bare page if this fails.
     */
    void write(ProblemDetail problem, HttpServletRequest request, HttpServletResponse response) throws Exception;
}
