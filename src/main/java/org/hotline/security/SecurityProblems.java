package org.hotline.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Answers 401 and 403 from the filter chain as RFC 9457 problem details, like every other error of the API
 * (the controllers' errors are handled by the platform's advice, which the filter chain never reaches).
 */
@Component
class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String TYPE_BASE = "https://hotline.example/problems/";
    static final String UNAUTHORIZED_TITLE = "未登录或登录失效";
    static final String NOT_SIGNED_IN = "请先登录：使用令牌（Authorization: Bearer）或用户名和密码（HTTP Basic）访问";
    // One message for both, so that a caller without the password cannot learn which accounts are disabled.
    static final String BAD_CREDENTIALS = "用户名或密码错误，或账号已停用";
    static final String BAD_TOKEN = "令牌无效或已过期，请重新获取令牌";
    // Only someone who signed in as the user learns this: the token or session was theirs.
    static final String ACCOUNT_NO_LONGER_VALID = "账号已停用或已不存在，登录已失效；如有疑问请联系系统管理员";
    static final String FORBIDDEN = "当前角色无权访问此地址";
    static final String TOKEN_NEEDS_PASSWORD = "获取令牌须使用用户名和密码（HTTP Basic），不能以令牌换取令牌";

    private static final Logger log = LoggerFactory.getLogger(SecurityProblems.class);

    private final ObjectMapper json;

    SecurityProblems(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof AuthenticationServiceException) {
            // The user store failed, not the user: a 401 would send them to retype a correct password.
            log.error("Authentication could not be performed", e);
            write(request, response, HttpStatus.INTERNAL_SERVER_ERROR, "internal", "服务器内部错误",
                    "服务器内部错误，已记录");
            return;
        }
        response.addHeader(HttpHeaders.WWW_AUTHENTICATE, challenge(request, e));
        String detail = e instanceof CurrentUserFilter.AccountNoLongerValid ? ACCOUNT_NO_LONGER_VALID
                : e instanceof OAuth2AuthenticationException ? BAD_TOKEN
                : e instanceof BadCredentialsException || e instanceof AccountStatusException ? BAD_CREDENTIALS
                : NOT_SIGNED_IN;
        write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", UNAUTHORIZED_TITLE, detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        String detail = isTokenEndpoint(request) ? TOKEN_NEEDS_PASSWORD : FORBIDDEN;
        write(request, response, HttpStatus.FORBIDDEN, "forbidden", "无权操作", detail);
    }

    /**
     * Basic is advertised only where a password is expected, the token endpoint: a Basic challenge makes a
     * browser prompt and then send the password with every later request, cross-site ones included, and
     * these stateless paths have no CSRF protection. Basic credentials are still accepted everywhere.
     */
    private static String challenge(HttpServletRequest request, AuthenticationException e) {
        if (isTokenEndpoint(request)) {
            return "Basic realm=\"hotline\", charset=\"UTF-8\"";
        }
        // a token whose user was disabled is as invalid as an expired one (RFC 6750, 3.1)
        return e instanceof OAuth2AuthenticationException || e instanceof CurrentUserFilter.AccountNoLongerValid
                ? "Bearer error=\"invalid_token\"" : "Bearer";
    }

    private static boolean isTokenEndpoint(HttpServletRequest request) {
        return TokenController.PATH.equals(request.getRequestURI().substring(request.getContextPath().length()));
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
            String title, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE_BASE + type);
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
