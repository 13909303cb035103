package org.hotline.security;

import java.util.Collection;
import java.util.List;

import org.hotline.organization.Role;
import org.hotline.organization.UserAccount;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A user account as Spring Security checks it at HTTP Basic sign-in: the password and whether the account is
 * enabled. Who the request then acts as is read from the account by {@link CurrentUserFilter}, as for every
 * other sign-in. Holds plain fields rather than the account so that it stays serializable for a future
 * session-based console.
 */
final class ActorUserDetails implements UserDetails, CredentialsContainer {

    private final String username;
    private final Role role;
    private final boolean enabled;
    private String passwordHash;

    private ActorUserDetails(UserAccount account) {
        this.username = account.username();
        this.role = account.role();
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
