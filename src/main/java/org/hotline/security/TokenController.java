package org.hotline.security;

import org.hotline.organization.Actor;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Exchanges a user name and password (HTTP Basic) for a bearer token. Only Basic is accepted here: a token
 * that could buy a new token would never expire.
 */
@RestController
class TokenController {

    static final String PATH = "/api/v1/auth/token";

    private final BearerTokens tokens;

    TokenController(BearerTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping(PATH)
    ResponseEntity<AccessToken> issue(Actor actor) {
        // A token is a credential: no cache may keep it (RFC 6749, 5.1).
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header("Pragma", "no-cache")
                .body(tokens.issue(actor));
    }
}
