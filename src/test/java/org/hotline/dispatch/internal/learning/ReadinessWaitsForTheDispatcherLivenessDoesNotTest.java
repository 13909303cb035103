package org.hotline.dispatch.internal.learning;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.TimeUnit;

import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The probes: /actuator/health/readiness holds the dispatcher (with the application's readiness state),
 * /actuator/health/liveness does not, and /actuator/health holds everything.
 */
@HotlineIntegrationTest
class ReadinessWaitsForTheDispatcherLivenessDoesNotTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    FirstModel firstModel;
    @Autowired
    ModelRegistry registry;

    @Test
    void livenessIsUpWhateverTheDispatcherSays() throws Exception {
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/liveness").with(httpBasic("director1", "demo123")))
                .andExpect(jsonPath("$.components.livenessState").exists())
                .andExpect(jsonPath("$.components.dispatcher").doesNotExist());
    }

    @Test
    void readinessAndTheWholeHealthIncludeTheDispatcherOnceItServesAModel() throws Exception {
        firstModel.done().get(3, TimeUnit.MINUTES);
        int version = registry.active().orElseThrow().version();

        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/readiness").with(httpBasic("director1", "demo123")))
                .andExpect(jsonPath("$.components.readinessState.status").value("UP"))
                .andExpect(jsonPath("$.components.dispatcher.status").value("UP"))
                .andExpect(jsonPath("$.components.dispatcher.details.modelVersion").value(version));
        mvc.perform(get("/actuator/health").with(httpBasic("director1", "demo123"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.components.dispatcher.status").value("UP"));
    }
}
