package org.hotline.security;

import java.net.URI;
import java.util.Optional;

import org.hotline.organization.Actor;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives a controller method that declares an {@link Actor} parameter the current user, whichever way they
 * signed in, as their account is at this request (see {@link CurrentUserFilter}). Controllers thus depend on
 * the organisation's {@code Actor} only, never on this module. A page that anyone may see but that greets a
 * signed-in user declares {@code Optional<Actor>} and gets it empty for an anonymous caller.
 */
final class ActorArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Actor.class.equals(parameter.getParameterType())
                || Optional.class.equals(parameter.getParameterType())
                        && Actor.class.equals(parameter.nested().getNestedParameterType());
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        Optional<Actor> actor = actor(SecurityContextHolder.getContext().getAuthentication());
        if (Optional.class.equals(parameter.getParameterType())) {
            return actor;
        }
        // Only a controller on a public path can get here without a user; it asked for one all the same.
        return actor.orElseThrow(ActorArgumentResolver::notSignedIn);
    }

    static Optional<Actor> actor(Authentication authentication) {
        // never a token's claims or a sign-in's copy of the account: those may be hours old
        return authentication instanceof ActorAuthentication current && current.isAuthenticated()
                ? Optional.of(current.actor()) : Optional.empty();
    }

    private static ErrorResponseException notSignedIn() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, SecurityProblems.NOT_SIGNED_IN);
        problem.setType(URI.create(SecurityProblems.TYPE_BASE + "unauthorized"));
        problem.setTitle(SecurityProblems.UNAUTHORIZED_TITLE);
        return new ErrorResponseException(HttpStatus.UNAUTHORIZED, problem, null);
    }
}
