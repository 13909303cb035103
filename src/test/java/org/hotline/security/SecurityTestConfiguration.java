package org.hotline.security;

import java.util.Map;

import org.hotline.organization.Actor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the security tests put in place of the organisation module (accounts, password encoder), a clock
 * they can move, and endpoints on every kind of path that answer with the resolved actor. Nested and
 * imported, so that component scanning in other modules' tests never picks them up.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(SecurityTestConfiguration.ActorEchoController.class)
class SecurityTestConfiguration {

    // Primary and named apart from the organisation module's beans, so that these win once both exist.

    @Bean
    @Primary
    PasswordEncoder testPasswordEncoder() {
        // bcrypt as in production, at the lowest cost so that the tests stay fast
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(4)));
    }

    @Bean
    @Primary
    CountingUserAccounts countingUserAccounts(PasswordEncoder passwordEncoder) {
        return new CountingUserAccounts(passwordEncoder);
    }

    @Bean
    @Primary
    MovableClock testClock() {
        return new MovableClock();
    }

    /** Answers with the actor it was given, the way any controller of another module would receive it. */
    @RestController
    static class ActorEchoController {

        @GetMapping({ "/api/v1/echo", "/api/v1/admin/echo", "/api/v1/public/whoami", "/console/echo" })
        Echo actor(Actor actor) {
            return new Echo(actor.username(), actor.displayName(), actor.role().name(),
                    actor.unit() == null ? null : actor.unit().value());
        }

        @GetMapping("/api/v1/public/echo")
        Map<String, String> citizenFacing() {
            return Map.of("answer", "ok");
        }

        @RequestMapping(path = "/open311/echo", method = { RequestMethod.GET, RequestMethod.POST,
                RequestMethod.DELETE })
        Map<String, String> open311() {
            return Map.of("answer", "ok");
        }

        record Echo(String username, String displayName, String role, String unit) {
        }
    }
}
