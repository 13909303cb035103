package org.hotline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.hotline.organization.UnitId;
import org.hotline.support.HotlineIntegrationTest;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.WorkOrderEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;

/**
 * Every moment in the API's JSON reads in the center's zone ({@code hotline.zone}, Asia/Shanghai here) with
 * its offset, never in UTC: 09:30 at the center is written 09:30+08:00, and reads back as the same instant.
 */
@HotlineIntegrationTest
class TimesAreShownInTheCentersZoneTest {

    private static final String CENTER_TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?\\+08:00";

    @Autowired
    ObjectMapper json;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anInstantIsWrittenAsTheCentersClockTimeWithItsOffset() throws Exception {
        assertThat(json.writeValueAsString(Instant.parse("2026-12-04T01:30:00Z")))
                .isEqualTo("\"2026-12-04T09:30:00+08:00\"");
        assertThat(json.writeValueAsString(Instant.parse("2026-12-31T16:00:00.250Z")))
                .as("the center's date, not UTC's").isEqualTo("\"2027-01-01T00:00:00.25+08:00\"");
    }

    @Test
    void whatIsWrittenReadsBackAsTheSameMoment() throws Exception {
        // events are stored as JSON in the event publication registry and read back to be delivered again
        WorkOrderEvent.Dispatched event = new WorkOrderEvent.Dispatched(new OrderNumber("20261204-000001"),
                Instant.parse("2026-12-04T01:30:00.123456Z"), "dispatcher1", new UnitId("dcf-zhzfj"),
                List.of(new UnitId("dcf-gulou")), "09.05.03", false);
        String written = json.writeValueAsString(event);
        assertThat(written).contains("\"2026-12-04T09:30:00.123456+08:00\"").doesNotContain("Z\"");
        assertThat(json.readValue(written, WorkOrderEvent.Dispatched.class)).isEqualTo(event);
    }

    @Test
    void anOrderShowsItsTimesInTheCentersZone() throws Exception {
        String body = mvc.perform(post("/api/v1/orders").with(httpBasic("operator1", "demo123"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"channel":"PHONE","appealType":"COMPLAINT","citizen":{"name":"钱先生","phone":"13800002222"},
                         "content":"楼下早餐店凌晨四点开始鼓风机噪声很大","location":{"address":"柳园街道龙湾社区"}}"""))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String number = JsonPath.read(body, "$.number");
        String registeredAt = JsonPath.read(body, "$.registeredAt");

        assertThat(registeredAt).matches(CENTER_TIME);
        OffsetDateTime stored = jdbc.queryForObject("SELECT registered_at FROM work_order WHERE number = ?",
                OffsetDateTime.class, number);
        // the same moment (the database keeps microseconds)
        assertThat(Instant.parse(registeredAt)).isCloseTo(stored.toInstant(), within(1, ChronoUnit.MICROS));

        String history = mvc.perform(get("/api/v1/orders/" + number + "/history")
                .with(httpBasic("supervisor1", "demo123"))).andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(history, "$[0].at")).matches(CENTER_TIME);
        String list = mvc.perform(get("/api/v1/orders?q=" + number).with(httpBasic("supervisor1", "demo123")))
                .andReturn().getResponse().getContentAsString();
        assertThat((List<String>) JsonPath.read(list, "$.items[*].registeredAt")).singleElement().asString()
                .matches(CENTER_TIME);
    }
}
