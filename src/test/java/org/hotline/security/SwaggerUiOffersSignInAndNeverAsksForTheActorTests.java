package org.hotline.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The OpenAPI description a newcomer reads in Swagger UI: the product's name and version, both ways of signing
 * in (the Authorize button), public citizen-facing operations, and never the server-filled actor as a parameter.
 */
@SecurityIntegrationTest
class SwaggerUiOffersSignInAndNeverAsksForTheActorTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    BuildProperties build;

    JsonNode api;

    @BeforeEach
    void readTheDescription() throws Exception {
        api = new ObjectMapper().readTree(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    @Test
    void theTitleNamesTheProductAndItsVersion() {
        assertThat(api.at("/info/title").asText()).isEqualTo("hotline 12345 市民热线 API");
        assertThat(api.at("/info/version").asText()).isEqualTo(build.getVersion()).isNotEqualTo("v0");
        assertThat(api.at("/info/description").asText()).contains("/api/v1/auth/token");
    }

    @Test
    void noOperationAsksForTheActor() {
        List<String> withActor = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : api.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                operations++;
                for (JsonNode parameter : operation.getValue().path("parameters")) {
                    if (parameter.path("name").asText().equalsIgnoreCase("actor")) {
                        withActor.add(operation.getKey() + " " + path.getKey());
                    }
                }
                if (operation.getValue().path("requestBody").toString().contains("\"Actor\"")) {
                    withActor.add(operation.getKey() + " " + path.getKey() + " (body)");
                }
            }
        }
        assertThat(operations).as("operations described").isGreaterThan(50);
        assertThat(withActor).isEmpty();
        assertThat(api.at("/components/schemas/Actor").isMissingNode()).isTrue();
    }

    @Test
    void basicAndBearerAreOfferedAndRequiredEverywhereElse() {
        assertThat(api.at("/components/securitySchemes/basicAuth/type").asText()).isEqualTo("http");
        assertThat(api.at("/components/securitySchemes/basicAuth/scheme").asText()).isEqualTo("basic");
        assertThat(api.at("/components/securitySchemes/bearerAuth/scheme").asText()).isEqualTo("bearer");
        assertThat(api.at("/components/securitySchemes/bearerAuth/bearerFormat").asText()).isEqualTo("JWT");
        assertThat(api.get("security").toString()).isEqualTo("[{\"basicAuth\":[]},{\"bearerAuth\":[]}]");
        // an ordinary operation inherits the global requirement
        assertThat(api.at("/paths/~1api~1v1~1orders/post/security").isMissingNode()).isTrue();
        // a token is bought with the password only
        assertThat(api.at("/paths/~1api~1v1~1auth~1token/post/security").toString())
                .isEqualTo("[{\"basicAuth\":[]}]");
    }

    @Test
    void citizenFacingOperationsAreMarkedPublic() {
        assertThat(api.at("/paths/~1api~1v1~1public~1echo/get/security").toString()).isEqualTo("[]");
        assertThat(api.at("/paths/~1open311~1echo/get/security").toString()).isEqualTo("[]");
        assertThat(api.at("/paths/~1open311~1echo/post/security").toString()).isEqualTo("[]");
        // Open311 opens reads and submissions only, and so does the description
        assertThat(api.at("/paths/~1open311~1echo/delete/security").isMissingNode()).isTrue();
    }
}
