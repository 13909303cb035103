package org.hotline.platform;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The API describes itself (OpenAPI, Swagger UI) and reports its health and metrics through Actuator. */
@HotlineIntegrationTest
class OperationsEndpointsTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theOpenApiDescriptionListsTheWorkOrderApi() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/orders']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/orders/{number}/return-request']").exists());
    }

    @Test
    void swaggerUiIsServed() throws Exception {
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
    }

    @Test
    void healthIsPublicAndMetricsAreForTheDirectorAndAdmin() throws Exception {
        // liveness: the whole health also waits for the first dispatch model, which may still train here
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/metrics")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/metrics").with(httpBasic("operator1", "demo123"))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/metrics").with(httpBasic("director1", "demo123"))).andExpect(status().isOk());
    }
}
