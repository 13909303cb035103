package org.hotline.workorder.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * A unit's users see and act only on orders where their unit is lead or co-unit. Another unit's order does
 * not exist for them (404, never the data, never 403 that would confirm it exists). Phone numbers are
 * masked for every viewer who does not need to call the citizen.
 */
@HotlineIntegrationTest
class AUnitSeesOnlyItsOwnOrdersTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anotherUnitsOrderIsNotFound() throws Exception {
        Api api = new Api(mvc);
        String n = api.dispatched("市场内商户短斤少两", "dcf-scjgj");
        api.get("scj-handler", "/api/v1/orders/" + n).andExpect(status().isOk());
        api.get("zf-handler", "/api/v1/orders/" + n).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.content").doesNotExist());
        api.get("zf-handler", "/api/v1/orders/" + n + "/history").andExpect(status().isNotFound());
        api.get("zf-handler", "/api/v1/orders/" + n + "/attachments").andExpect(status().isNotFound());
    }

    @Test
    void anotherUnitCannotChangeTheOrder() throws Exception {
        Api api = new Api(mvc);
        String n = api.dispatched("市场内商户短斤少两", "dcf-scjgj");
        Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM work_order_history WHERE order_number = ?",
                Integer.class, n);
        api.post("zf-handler", "/api/v1/orders/" + n + "/acknowledge", "").andExpect(status().isNotFound());
        api.post("zf-handler", "/api/v1/orders/" + n + "/reply",
                "{\"outcome\":\"RESOLVED\",\"publicReply\":\"已处理\"}").andExpect(status().isNotFound());
        api.post("zf-handler", "/api/v1/orders/" + n + "/return-request", """
                {"reason":"OUTSIDE_JURISDICTION","suggestedUnit":"dcf-zjj","explanation":"x"}
                """).andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM work_order_history WHERE order_number = ?",
                Integer.class, n)).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT status FROM work_order WHERE number = ?", String.class, n))
                .isEqualTo("DISPATCHED");
    }

    @Test
    void aUnitsListHoldsOnlyItsOrdersAsLeadOrCoUnitEvenWhenItAsksForAnotherUnit() throws Exception {
        Api api = new Api(mvc);
        String lead = api.dispatched("古楼街道路灯不亮", "dcf-gulou");
        String co = api.dispatched("东关街占道经营", "dcf-zhzfj", "dcf-gulou");
        String other = api.dispatched("超市价格欺诈", "dcf-scjgj");

        List<String> seen = JsonPath.read(Api.json(api.get("gulou-handler", "/api/v1/orders?size=200")),
                "$.items[*].number");
        assertThat(seen).contains(lead, co).doesNotContain(other);

        List<String> widened = JsonPath.read(Api.json(api.get("gulou-handler",
                "/api/v1/orders?size=200&unit=dcf-scjgj")), "$.items[*].number");
        assertThat(widened).doesNotContain(other);
    }

    @Test
    void theCenterSeesEveryOrder() throws Exception {
        Api api = new Api(mvc);
        String n = api.dispatched("超市价格欺诈", "dcf-scjgj");
        List<String> seen = JsonPath.read(Api.json(api.get("supervisor1", "/api/v1/orders?unit=dcf-scjgj&size=200")),
                "$.items[*].number");
        assertThat(seen).contains(n);
    }

    @Test
    void phoneNumbersAreMaskedForViewersWhoDoNotCallTheCitizen() throws Exception {
        Api api = new Api(mvc);
        String n = api.dispatched("超市价格欺诈", "dcf-scjgj");
        api.get("scj-handler", "/api/v1/orders/" + n).andExpect(jsonPath("$.citizen.phone").value("13812341234"));
        api.get("dispatcher1", "/api/v1/orders/" + n).andExpect(jsonPath("$.citizen.phone").value("13812341234"));
        api.get("admin", "/api/v1/orders/" + n).andExpect(jsonPath("$.citizen.phone").value("138****1234"))
                .andExpect(jsonPath("$.citizen.name").value("王**"));
        List<String> phones = JsonPath.read(Api.json(api.get("admin", "/api/v1/orders?size=200")),
                "$.items[*].citizen.phone");
        assertThat(phones).allSatisfy(p -> assertThat(p).satisfiesAnyOf(
                x -> assertThat(x).isNull(), x -> assertThat(x).contains("****")));
    }

    @Test
    void aConfidentialCitizenIsHiddenFromTheUnitsButNotFromTheCenter() throws Exception {
        Api api = new Api(mvc);
        String body = Api.json(api.post("operator1", "/api/v1/orders", """
                {"channel":"PHONE","appealType":"REPORT","citizen":{"name":"钱先生","phone":"13912345678",
                 "confidential":true},"content":"举报某加油站销售不合格柴油"}
                """).andExpect(status().isCreated()));
        String n = JsonPath.read(body, "$.number");
        api.post("dispatcher1", "/api/v1/orders/" + n + "/dispatch", "{\"leadUnit\":\"dcf-scjgj\"}");

        api.get("scj-handler", "/api/v1/orders/" + n)
                .andExpect(jsonPath("$.citizen.name").value("保密"))
                .andExpect(jsonPath("$.citizen.phone").value("139****5678"));
        api.get("dispatcher1", "/api/v1/orders/" + n).andExpect(jsonPath("$.citizen.phone").value("13912345678"));
        List<String> listed = JsonPath.read(Api.json(api.get("scj-handler", "/api/v1/orders?size=200")),
                "$.items[?(@.number == '" + n + "')].citizen.phone");
        assertThat(listed).containsExactly("139****5678");
    }

    @Test
    void unauthenticatedCallersGetNothing() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/orders"))
                .andExpect(status().isUnauthorized());
    }
}
