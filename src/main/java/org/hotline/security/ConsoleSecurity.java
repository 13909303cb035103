package org.hotline.security;

import jakarta.servlet.DispatcherType;

import org.hotline.organization.Role;
import org.hotline.organization.UserAccounts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The console's chain: everything the API chain does not claim. People sign in with a form and keep a session
 * cookie (HttpOnly, SameSite=Lax, 30 minutes idle: see {@code server.servlet.session} in application.yml); every
 * change is a POST that carries the session's CSRF token, in a form field or, from htmx, the
 * {@code X-CSRF-TOKEN} header. Machine clients never come here: the API chain before this one stays stateless
 * and ignores the cookie.
 *
 * <p>The session remembers only who signed in. Each request acts as the account is now, by the same filter as
 * the API's ({@link SecurityConfiguration#actingAsTheAccountIsNow}): a changed role or unit counts at once, and
 * the controllers get the {@link org.hotline.organization.Actor} the same way as on the API. A disabled user's
 * session ends at the next click, which lands on the login page saying why (where the API answers 401).
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {

    static final String LOGIN = "/login";
    /** The login page's address after a session ended because the account was disabled or removed. */
    static final String LOGIN_ACCOUNT_ENDED = LOGIN + "?ended";
    /** Public pages and the assets every page needs, login page included. */
    static final String[] PUBLIC = { LOGIN, "/cases", "/cases/**", "/appeal", "/appeal/**", "/console/*.css", "/console/*.js",
            "/webjars/**", "/favicon.ico" };

    /** What a content security policy lets pages load: our own files only, and no script written into a page. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain consoleFilterChain(HttpSecurity http, UserAccounts accounts) throws Exception {
        SavedRequestAwareAuthenticationSuccessHandler landing = new SavedRequestAwareAuthenticationSuccessHandler();
        // "/" sends each role to its own work page; a page asked for before signing in wins over it
        landing.setDefaultTargetUrl("/");
        http.authorizeHttpRequests(paths -> paths
                        // error pages answer with the original status; forwards stay where they were authorised
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers(PUBLIC).permitAll()
                        // the pages of one role, refused to the others as the API refuses them (403)
                        // the audit of the administrators' changes: they and the director read it
                        .requestMatchers("/console/admin/audit").hasAnyRole(Role.ADMIN.name(), Role.DIRECTOR.name())
                        .requestMatchers("/console/admin", "/console/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/console/dashboard").hasAnyRole(Role.DIRECTOR.name(), Role.SUPERVISOR.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage(LOGIN)
                        .successHandler(landing)
                        .failureUrl(LOGIN + "?error")
                        .permitAll())
                .logout(logout -> logout
                        .logoutUrl("/logout")
                        .logoutSuccessUrl(LOGIN + "?logout")
                        .deleteCookies("JSESSIONID"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(ConsoleSecurity::signIn)
                        .accessDeniedHandler(ConsoleSecurity::refuse))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer
                                .policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return SecurityConfiguration.actingAsTheAccountIsNow(http, accounts).build();
    }

    /**
     * Refused (a path the role may not open, a form without its CSRF token): the console's 403 page, which reads
     * the reason from the request to tell an expired page from a missing right.
     */
    private static void refuse(jakarta.servlet.http.HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response,
            org.springframework.security.access.AccessDeniedException e) throws java.io.IOException {
        request.setAttribute(WebAttributes.ACCESS_DENIED_403, e);
        response.sendError(HttpStatus.FORBIDDEN.value());
    }

    /**
     * Not signed in (or signed out meanwhile): a page goes to the login form; an htmx request, which would
     * paste the login page into a part of the page, is told to load it as a whole page instead. A session whose
     * account was disabled since (its sign-in already ended by {@link CurrentUserFilter}) goes to the login form
     * with a notice saying so, never to a 401.
     */
    private static void signIn(jakarta.servlet.http.HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response,
            org.springframework.security.core.AuthenticationException e) throws java.io.IOException,
            jakarta.servlet.ServletException {
        String login = e instanceof CurrentUserFilter.AccountNoLongerValid ? LOGIN_ACCOUNT_ENDED : LOGIN;
        if ("true".equals(request.getHeader("HX-Request"))) {
            response.setHeader("HX-Redirect", request.getContextPath() + login);
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            return;
        }
        new LoginUrlAuthenticationEntryPoint(login).commence(request, response, e);
    }
}
