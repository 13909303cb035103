package org.hotline.security;

import java.util.Collection;
import java.util.List;

import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.organization.UnitId;
import org.hotline.organization.UserAccount;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A user account as Spring Security checks it at HTTP Basic sign-in, carrying the {@link Actor} the
 * controllers receive. Holds plain fields rather than the account so that it stays serializable for a
 * future session-based console.
 */
final class ActorUserDetails implements UserDetails, CredentialsContainer {

    private final String username;
    private final String displayName;
    private final Role role;
    private final String unit;
    private final boolean enabled;
    private String passwordHash;

    private ActorUserDetails(UserAccount account) {
        this.username = account.username();
        this.displayName = account.displayName();
        this.role = account.role();
        this.unit = account.unit() == null ? null : account.unit().value();
        this.enabled = account.enabled();
        this.passwordHash = account.passwordHash();
    }

    static ActorUserDetails of(UserAccount account) {
        return new ActorUserDetails(account);
    }

    /** The authority a role grants: {@code ROLE_<role name>}. */
    static GrantedAuthority authority(Role role) {
        return new SimpleGrantedAuthority("ROLE_" + role.name());
    }

    Actor actor() {
        return new Actor(username, displayName, role, unit == null ? null : new UnitId(unit));
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(authority(role));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    /** A disabled account is refused even with the right password. */
    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
