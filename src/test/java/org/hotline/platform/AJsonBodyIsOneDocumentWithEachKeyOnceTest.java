package org.hotline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A JSON body is one document in which each key appears once: content after the document, or a key given twice
 * (which value would count is a guess), is refused in Chinese, naming the problem, and nothing is written.
 */
@HotlineIntegrationTest
class AJsonBodyIsOneDocumentWithEachKeyOnceTest {

    static final String ORDER = """
            {"channel":"WEB","appealType":"COMPLAINT","citizen":{"name":"王女士"},"content":"楼道灯坏了"}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    private ResultActions register(String json) throws Exception {
        return mvc.perform(post("/api/v1/orders").with(httpBasic("operator1", "demo123"))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private long orders() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM work_order", Long.class);
    }

    @Test
    void contentAfterTheDocumentIsRefused() throws Exception {
        long before = orders();
        for (String trailing : new String[] { ORDER, " 1", " [1]", " x", " \"再来\"" }) {
            register(ORDER + trailing).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("body"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("多余的内容")));
        }
        assertThat(orders()).isEqualTo(before);
        register(ORDER + " \n\t ").andExpect(status().isCreated());
    }

    @Test
    void aKeyGivenTwiceIsRefusedNamingIt() throws Exception {
        long before = orders();
        register(ORDER.replace("\"content\"", "\"content\":\"第一\",\"content\"")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("content"))
                .andExpect(jsonPath("$.errors[0].problem").value("字段重复出现"));
        register(ORDER.replace("\"name\":\"王女士\"", "\"name\":\"王女士\",\"name\":\"李女士\""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("citizen.name"));
        assertThat(orders()).isEqualTo(before);
    }
}
