package org.hotline.security;

import org.hotline.organization.UserAccounts;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Looks up the user signing in with HTTP Basic. Spring Security's DaoAuthenticationProvider then checks the
 * password with the application's PasswordEncoder and refuses disabled accounts.
 */
@Component
class AccountUserDetailsService implements UserDetailsService {

    private final UserAccounts accounts;

    AccountUserDetailsService(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.find(username)
                .map(ActorUserDetails::of)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
