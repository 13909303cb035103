package org.hotline.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.organization.UnitId;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

import com.nimbusds.jose.jwk.source.ImmutableSecret;

/**
 * Issues and verifies the bearer tokens: JWTs signed with HS256 that carry everything the {@link Actor}
 * needs (sub = username, name = display name, role, unit).
 *
 * <p>Why tokens exist: a password check is a BCrypt hash, about 100 ms of CPU by design, and busy clients
 * such as the intake benchmark send about 1000 requests a second. A token is checked with one HMAC, in memory,
 * and names its user; what the user may do comes from their account as it is at each request, which the
 * organisation keeps in memory ({@link CurrentUserFilter}), so a disabled user's token stops working at once.
 */
@Component
class BearerTokens {

    static final String ISSUER = "hotline";
    static final String NAME = "name";
    static final String ROLE = "role";
    static final String UNIT = "unit";

    /** Only our own instances issue tokens, so their clocks are the only skew to allow for. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    /** How many verified tokens are remembered: far more than the clients signed in during one token's life. */
    private static final int REMEMBERED = 10_000;

    private final JwtEncoder encoder;
    private final NimbusJwtDecoder decoder;
    private final JwtTimestampValidator timestamps;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    BearerTokens(TokenSecretStore secrets, TokenProperties properties, Clock clock) {
        SecretKey key = new SecretKeySpec(secrets.secret(), "HmacSHA256");
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
        this.decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        // The issuer is a name, not a URL: the default converter would try to make a URL of it on every request
        // and fail with an exception (a stack trace filled in each time) before keeping the string.
        this.decoder.setClaimSetConverter(MappedJwtClaimSetConverter.withDefaults(
                Map.of(JwtClaimNames.ISS, issuer -> issuer == null ? null : issuer.toString())));
        this.timestamps = new JwtTimestampValidator(CLOCK_SKEW);
        timestamps.setClock(clock);
        // A token without expiry would be valid forever; the timestamp validator alone lets it pass.
        JwtClaimValidator<Instant> expires = new JwtClaimValidator<>(JwtClaimNames.EXP, Objects::nonNull);
        this.decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                List.of(timestamps, expires, new JwtIssuerValidator(ISSUER))));
        this.ttl = properties.tokenTtl();
        this.clock = clock;
    }

    AccessToken issue(Actor actor) {
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(actor.username())
                .issuedAt(now)
                .expiresAt(now.plus(ttl))
                .claim(ROLE, actor.role().name());
        // Absent rather than null: a center user has no unit, and some users no display name.
        if (actor.displayName() != null) {
            claims.claim(NAME, actor.displayName());
        }
        if (actor.unit() != null) {
            claims.claim(UNIT, actor.unit().value());
        }
        Jwt jwt = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
                claims.build()));
        return AccessToken.bearer(jwt.getTokenValue(), ttl);
    }

    /**
     * Verifies a token, or finds it among those verified before. A client sends the same token with every
     * request for hours, and parsing and checking it again each time cost about a tenth of an intake's CPU. The
     * token's exact text is the key, signature included, so only a token verified before is found, and its
     * expiry is checked again on every use. Tokens carry everything they grant, so a remembered one grants
     * nothing its own text would not.
     */
    JwtDecoder decoder() {
        return token -> {
            Jwt known = verified.get(token);
            if (known != null && !timestamps.validate(known).hasErrors()) {
                return known;
            }
            Jwt jwt = decoder.decode(token); // refuses an expired token with the usual error
            if (verified.size() >= REMEMBERED) {
                verified.clear(); // simplest bound: the busy clients' tokens come back at their next request
            }
            verified.put(token, jwt);
            return jwt;
        };
    }

    /**
     * The authentication of a verified token, with the role's authority. A signed token whose claims do not
     * make an actor (a role renamed since it was issued, a unit role without unit) is refused like a forged
     * one, with 401 rather than an error later in a controller.
     */
    JwtAuthenticationToken authentication(Jwt jwt) {
        Actor actor;
        try {
            actor = actor(jwt);
        } catch (RuntimeException e) {
            throw new InvalidBearerTokenException("token claims do not describe a user");
        }
        return new JwtAuthenticationToken(jwt, List.of(ActorUserDetails.authority(actor.role())),
                actor.username());
    }

    /** The actor a verified token described when it was issued, from its claims alone. */
    static Actor actor(Jwt jwt) {
        String unit = jwt.getClaimAsString(UNIT);
        return new Actor(jwt.getSubject(), jwt.getClaimAsString(NAME), Role.valueOf(jwt.getClaimAsString(ROLE)),
                unit == null ? null : new UnitId(unit));
    }
}
