package org.hotline.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.hotline.organization.UserAccount;
import org.hotline.organization.UserAccounts;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes a console request act as the account is now, not as it was at sign-in: the session names the user,
 * and this filter looks the account up in {@link UserAccounts} on every request. A disabled or deleted account
 * loses its session here, and the request goes on anonymous (to the login page); an enabled one gets a fresh
 * authentication, so its current role and unit decide what the paths and the controllers allow. The fresh
 * authentication lives for this request only and is never written back to the session.
 */
final class CurrentAccountFilter extends OncePerRequestFilter {

    private final UserAccounts accounts;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    CurrentAccountFilter(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = holder.getContext().getAuthentication();
        if (signedIn != null && signedIn.getPrincipal() instanceof ActorUserDetails user) {
            Optional<UserAccount> account = accounts.find(user.getUsername()).filter(UserAccount::enabled);
            if (account.isEmpty()) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                holder.clearContext();
            } else {
                ActorUserDetails current = ActorUserDetails.of(account.get());
                current.eraseCredentials();
                SecurityContext context = holder.createEmptyContext();
                context.setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(current, null, current.getAuthorities()));
                holder.setContext(context);
            }
        }
        chain.doFilter(request, response);
    }
}
