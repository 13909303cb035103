package org.hotline.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hotline.platform.ProblemResponses;
import org.hotline.platform.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The security firewall's refusals (a path with {@code //}, {@code ;}, an encoded slash or dot, a method nobody
 * knows) answered as a 400 problem detail in Chinese; they were English error pages, or a 500 when the firewall
 * found the offence only once a controller read a header.
 *
 * <p>Header values are left to the application: the firewall refused any non-ASCII header value, lazily, when
 * something read it, so that a Chinese {@code X-Anything} header broke every JSON POST (Spring reads all headers
 * with the body). The platform's request checks refuse control characters in every header, and anything but
 * printable ASCII in the headers an endpoint actually reads, naming the header.
 */
@Configuration(proxyBeanMethods = false) // itself the RequestRejectedHandler bean Spring Security looks up
class RejectedRequests implements RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(RejectedRequests.class);

    static final String DETAIL = "请求地址或请求方法不合规范：地址中不能有 //、;、编码的斜杠（%2F）、点（%2E）、百分号（%25）或反斜杠，"
            + "方法限于 GET、POST、PUT、PATCH、DELETE、HEAD、OPTIONS";

    private final ProblemResponses responses;

    RejectedRequests(ProblemResponses responses) {
        this.responses = responses;
    }

    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderValues(value -> true);
        return firewall;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        log.debug("Request rejected: {}", e.getMessage());
        responses.write(request, response, Problems.of(HttpStatus.BAD_REQUEST, "bad-request", Problems.title(400), DETAIL),
                request.getRequestURI());
    }
}
