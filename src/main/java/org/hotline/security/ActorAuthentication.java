package org.hotline.security;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who a request acts as: the user's account as it is now (see {@link CurrentUserFilter}), with the authority of
 * the account's current role, and how they signed in. Made afresh for every request and never stored: a
 * session keeps the sign-in, not this.
 */
final class ActorAuthentication extends AbstractAuthenticationToken {

    private static final Map<Role, List<GrantedAuthority>> AUTHORITIES = new EnumMap<>(Role.class);

    static {
        for (Role role : Role.values()) {
            AUTHORITIES.put(role, List.of(ActorUserDetails.authority(role)));
        }
    }

    private final Actor actor;
    private final Authentication signedInWith;

    ActorAuthentication(Actor actor, Authentication signedInWith) {
        super(AUTHORITIES.get(actor.role()));
        this.actor = actor;
        this.signedInWith = signedInWith;
        setDetails(signedInWith.getDetails());
        setAuthenticated(true);
    }

    Actor actor() {
        return actor;
    }

    /** The authentication the sign-in produced: a password, a token, a session's login. */
    Authentication signedInWith() {
        return signedInWith;
    }

    /** Whether this request carried the password itself (HTTP Basic), as buying a token requires. */
    boolean signedInWithPassword() {
        return signedInWith instanceof UsernamePasswordAuthenticationToken password && password.isAuthenticated();
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return actor;
    }

    @Override
    public String getName() {
        return actor.username();
    }
}
