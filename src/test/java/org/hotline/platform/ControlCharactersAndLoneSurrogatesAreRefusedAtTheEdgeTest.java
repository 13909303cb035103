package org.hotline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hotline.support.HotlinePostgresTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/**
 * On PostgreSQL, which refuses NUL in text (a 500 before) where H2 stored it: NUL, the other control characters
 * but tab and line breaks, and lone surrogates are refused at the edge with the field named, and nothing is
 * written; what a citizen wrote otherwise (tabs, line breaks, emoji) is stored exactly as written.
 */
@HotlinePostgresTest
class ControlCharactersAndLoneSurrogatesAreRefusedAtTheEdgeTest {

    static final String ORDER = """
            {"channel":"WEB","appealType":"COMPLAINT","citizen":{"name":"%s"},"content":"%s"}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    private long orders() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM work_order", Long.class);
    }

    private ResultActions register(String name, String content) throws Exception {
        return mvc.perform(post("/api/v1/orders").with(httpBasic("operator1", "demo123"))
                .contentType(MediaType.APPLICATION_JSON).content(ORDER.formatted(name, content)));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', value = { "NUL|content|张女士|油烟\\u0000直排", "NUL|citizen.name|张\\u0000女士|油烟直排",
            "BEL|content|张女士|油烟\\u0007直排", "ESC|content|张女士|\\u001b[31m油烟", "DEL|content|张女士|油烟\\u007f",
            "lone high surrogate|content|张女士|油烟\\ud83d直排", "lone low surrogate|citizen.name|张\\ude00女士|油烟直排" })
    void isRefusedNamingTheFieldAndNothingIsWritten(String what, String field, String name, String content)
            throws Exception {
        long before = orders();
        register(name, content).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].problem").value(org.hamcrest.Matchers.containsString("U+")));
        assertThat(orders()).isEqualTo(before);
    }

    @Test
    void tabsLineBreaksAndEmojiAreStoredAsWritten() throws Exception {
        String body = register("张女士😀", "第一行\\t缩进\\r\\n第二行 🚧").andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String number = JsonPath.read(body, "$.number");
        assertThat(jdbc.queryForObject("SELECT content FROM work_order WHERE number = ?", String.class, number))
                .isEqualTo("第一行\t缩进\r\n第二行 🚧");
    }

    @Test
    void aNulInAQueryParameterIsRefused() throws Exception {
        mvc.perform(get("/api/v1/orders").queryParam("q", "积\u0000水").with(httpBasic("supervisor1", "demo123")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("q"));
    }
}
