package org.hotline.security;

import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The token endpoint's answer, named as in OAuth 2.0 (RFC 6749, 5.1) so that common clients read it. */
record AccessToken(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn) {

    static AccessToken bearer(String value, Duration ttl) {
        return new AccessToken(value, "Bearer", ttl.toSeconds());
    }
}
