package org.hotline.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.hotline.organization.Actor;
import org.hotline.organization.UserAccount;
import org.hotline.organization.UserAccounts;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes every request act as the user's account is now, however they signed in: a bearer token, HTTP Basic, or
 * (with the console) a session. Each chain places it after sign-in and before the paths' role checks. A
 * disabled account, one the store no longer knows, or a name the platform acts under itself is refused with
 * 401 at once, whatever the token or session says; a user whose role or unit changed acts with the new ones.
 *
 * <p>Why act with the new role and unit rather than refuse the token and make the client fetch another: the
 * admin's change is meant to hold at once, and it then does without signing anyone out (a channel integration
 * would otherwise fail until it noticed). A token proves who its holder is; what they may do is the account's
 * business, read on every request. The claims in the token only describe the user at issue time.
 *
 * <p>Cost: one look-up in the accounts the organisation keeps in memory (read again only after a user changed,
 * on any instance), and one small object per request.
 */
final class CurrentUserFilter extends OncePerRequestFilter {

    private final UserAccounts accounts;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    CurrentUserFilter(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = contexts.getContext().getAuthentication();
        if (signedIn != null && signedIn.isAuthenticated() && !(signedIn instanceof AnonymousAuthenticationToken)) {
            Authentication signIn = signedIn instanceof ActorAuthentication known ? known.signedInWith() : signedIn;
            Optional<Actor> actor = current(signIn.getName());
            if (actor.isEmpty()) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate(); // a session's sign-in ends with the account
                }
                // the chain's exception handling answers it: 401 on the API
                throw new AccountNoLongerValid();
            }
            SecurityContext context = contexts.createEmptyContext();
            context.setAuthentication(new ActorAuthentication(actor.get(), signIn));
            contexts.setContext(context);
        }
        chain.doFilter(request, response);
    }

    private Optional<Actor> current(String username) {
        return accounts.find(username)
                .filter(UserAccount::enabled)
                .filter(account -> !Actor.isPlatformUsername(account.username()))
                .map(UserAccount::actor);
    }

    /** The signed-in user's account is disabled or gone since they signed in. */
    static final class AccountNoLongerValid extends AuthenticationException {

        AccountNoLongerValid() {
            super("the signed-in account is disabled or no longer exists");
        }
    }
}
