package org.hotline.security;

import java.util.List;

import org.hotline.organization.Actor;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.util.AntPathMatcher;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI description as Swagger UI shows it: the product's name and version, the two ways of signing in
 * (so that the UI offers its Authorize button), applied to every operation except the citizen-facing ones, and
 * without the server-filled {@link Actor}: it is the signed-in user, never a parameter a client sends.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BASIC = "basicAuth";
    static final String BEARER = "bearerAuth";

    static {
        // Once for every controller: the Actor comes from the credentials (ActorArgumentResolver)
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }

    @Bean
    OpenAPI hotlineOpenApi(ObjectProvider<BuildProperties> build) {
        String version = build.getIfAvailable() == null ? "dev" : build.getIfAvailable().getVersion();
        return new OpenAPI()
                .info(new Info().title("hotline 12345 市民热线 API").version(version)
                        .description("""
                                The platform of a city's 12345 citizen service hotline: intake, dispatch (with AI \
                                suggestions), handling by the units, review and callbacks, assessment and statistics. \
                                Sign in with HTTP Basic, or exchange it for a bearer token at POST %s (valid 8 hours) \
                                and send `Authorization: Bearer <token>`. Errors are RFC 9457 problem details; a \
                                rule that refuses answers 409 (or 403) with a stable `code` and a reason in Chinese. \
                                Times are in the center's zone with their offset."""
                                .formatted(TokenController.PATH)))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("用户名和密码"))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("POST " + TokenController.PATH + " 换取的令牌")))
                // either scheme will do (two requirements are alternatives)
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /**
     * The citizen-facing operations need no sign-in (an empty requirement overrides the global one), and the
     * token endpoint takes the password only: the same paths {@link SecurityConfiguration} opens.
     */
    @Bean
    OpenApiCustomizer citizenFacingOperationsArePublic() {
        AntPathMatcher paths = new AntPathMatcher();
        return api -> {
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                if (isPublic(paths, path, method)) {
                    operation.setSecurity(List.of());
                } else if (path.equals(TokenController.PATH)) {
                    operation.setSecurity(List.of(new SecurityRequirement().addList(BASIC)));
                }
            }));
        };
    }

    private static boolean isPublic(AntPathMatcher paths, String path, PathItem.HttpMethod method) {
        if (paths.match(SecurityConfiguration.CITIZEN_LOOKUP, path)) {
            return true;
        }
        return paths.match(SecurityConfiguration.OPEN311, path)
                && (method.name().equals(HttpMethod.GET.name()) || method.name().equals(HttpMethod.POST.name()));
    }
}
