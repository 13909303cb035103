package org.hotline.security;

import org.hotline.organization.Role;
import org.hotline.organization.UserAccounts;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may call what, as filter chains: one per kind of client, each with its own way of signing in.
 *
 * <p>The API chain serves machine clients and the citizen-facing endpoints: stateless, HTTP Basic or a
 * bearer token on every request, no session and no cookies, hence no CSRF protection to have. Everything
 * else belongs to the console's session chain ({@link ConsoleSecurity}), the last one, which sends anonymous
 * callers to the login page, so a path no chain names is never left open.
 *
 * <p>Authorities are {@code ROLE_<Role.name()>}, of the account's role as it is at the request (a token's claims
 * only say who signed in). Roles are checked here by path; finer rules (a unit sees only its own orders) belong to
 * the modules that own the data.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TokenProperties.class)
class SecurityConfiguration {

    /** The paths of the API chain; everything else falls through to the last chain. */
    static final String[] API_PATHS = { "/api/**", "/open311/**", "/v3/api-docs/**", "/swagger-ui/**",
            "/swagger-ui.html", "/actuator/**" };

    /** Citizen-facing case lookup: open to anyone (the OpenAPI description marks it public too). */
    static final String CITIZEN_LOOKUP = "/api/v1/public/**";

    /** Open311 GeoReport v2: anyone reads (GET) and submits (POST); the module refuses other methods. */
    static final String OPEN311 = "/open311/**";

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, BearerTokens tokens, SecurityProblems problems,
            UserAccounts accounts) throws Exception {
        http.securityMatcher(API_PATHS)
                .authorizeHttpRequests(paths -> paths
                        // citizen-facing case lookup
                        .requestMatchers(CITIZEN_LOOKUP).permitAll()
                        // Open311 GeoReport v2: anyone reads and submits; the open311 module checks api_key and
                        // answers every other method itself, in the specification's error shape (405)
                        .requestMatchers(OPEN311).permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers(HttpMethod.POST, TokenController.PATH).access(signedInWithPassword())
                        // the audit of the administrators' changes: they and the director read it
                        .requestMatchers(HttpMethod.GET, "/api/v1/admin/audit")
                        .hasAnyRole(Role.ADMIN.name(), Role.DIRECTOR.name())
                        .requestMatchers("/api/v1/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/actuator/**").hasAnyRole(Role.ADMIN.name(), Role.DIRECTOR.name())
                        .anyRequest().authenticated());
        return stateless(http, tokens, problems, accounts).build();
    }

    /**
     * No observation per security filter, authentication and authorization: wrapping each of a dozen filters
     * on every request cost a measurable share of an intake's CPU and told operators nothing that the HTTP
     * server's own request metrics don't.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Basic or bearer on every request, nothing remembered between requests, errors as problem details. */
    private static HttpSecurity stateless(HttpSecurity http, BearerTokens tokens, SecurityProblems problems,
            UserAccounts accounts) throws Exception {
        return actingAsTheAccountIsNow(http, accounts)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .oauth2ResourceServer(bearer -> bearer
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems)
                        .jwt(jwt -> jwt.decoder(tokens.decoder()).jwtAuthenticationConverter(tokens::authentication)))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
    }

    /**
     * Every chain, the console's session-based one included, checks the signed-in user's account on every
     * request, after signing in and before the paths' role checks (see {@link CurrentUserFilter}).
     */
    static HttpSecurity actingAsTheAccountIsNow(HttpSecurity http, UserAccounts accounts) {
        return http.addFilterBefore(new CurrentUserFilter(accounts), AuthorizationFilter.class);
    }

    /** A token is bought with the password, never with another token, so that every token expires. */
    private static AuthorizationManager<RequestAuthorizationContext> signedInWithPassword() {
        return (authentication, context) -> new AuthorizationDecision(
                authentication.get() instanceof ActorAuthentication actor && actor.signedInWithPassword());
    }
}
