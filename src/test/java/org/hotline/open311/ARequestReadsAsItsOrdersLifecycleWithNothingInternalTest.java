package org.hotline.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.open311.Open311Http.json;

import org.hotline.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An Open311 request is an ordinary work order, and reads back as its lifecycle goes: open while it is handled
 * with the stage in Chinese and the reply deadline as expected_datetime, the lead unit as agency_responsible,
 * the public reply as status_notes once there is one, closed once the order is closed. Internal notes, staff
 * names and phone numbers never appear. Statistics by channel count it under Open311.
 */
@Open311ServerTest
class ARequestReadsAsItsOrdersLifecycleWithNothingInternalTest {

    @LocalServerPort
    int port;

    @Test
    void statusNotesAgencyAndDatesFollowTheOrderAndNothingInternalLeaks() throws Exception {
        Open311Http client = new Open311Http(port);
        String key = client.issueKey("生命周期客户端", null);
        RawHttp.Response filed = client.post("/open311/v2/requests.json", "api_key", key, "service_code", "09",
                "address_string", "古楼街道东关街", "first_name", "大爷", "last_name", "赵", "phone", "13306357007",
                "description", "东关街有人占道摆摊，联系电话13306357007");
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        String id = json(filed).get(0).path("service_request_id").asText();

        JsonNode registered = read(client, id);
        assertThat(registered.path("status").asText()).isEqualTo("open");
        assertThat(registered.path("status_notes").asText()).isEqualTo("已受理，正在分派承办单位");
        assertThat(registered.path("agency_responsible").isNull()).isTrue();
        assertThat(registered.path("description").asText()).isEqualTo("东关街有人占道摆摊，联系电话133****7007");

        assertThat(client.as("dispatcher1", "POST", "/api/v1/orders/" + id + "/dispatch",
                "{\"leadUnit\":\"dcf-zhzfj\"}").status()).isEqualTo(200);
        JsonNode dispatched = read(client, id);
        assertThat(dispatched.path("status_notes").asText()).isEqualTo("承办单位办理中");
        assertThat(dispatched.path("agency_responsible").asText()).isEqualTo("区综合行政执法局");
        assertThat(dispatched.path("expected_datetime").asText()).matches(AFixMyStreetClientWorksUnchangedTest.W3C);

        assertThat(client.as("zf-handler", "POST", "/api/v1/orders/" + id + "/acknowledge", null).status())
                .isEqualTo(200);
        // Open311's datetimes have whole seconds: on a fast machine the reply would share the registration's second
        Thread.sleep(1100);
        RawHttp.Response reply = client.as("zf-handler", "POST", "/api/v1/orders/" + id + "/reply", """
                {"outcome":"RESOLVED","publicReply":"执法队员已到场劝离摊贩，并将加强巡查。",
                 "actionsTaken":"现场劝离 3 处","internalNote":"内部备注：摊主系屡次违规","citizenContacted":true}""");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode replied = read(client, id);
        assertThat(replied.path("status").asText()).isEqualTo("open");
        assertThat(replied.path("status_notes").asText()).isEqualTo("执法队员已到场劝离摊贩，并将加强巡查。");
        assertThat(replied.path("expected_datetime").isNull()).isTrue();
        // W3C times have whole seconds: the reply came at least a second after the registration (above)
        assertThat(java.time.OffsetDateTime.parse(replied.path("updated_datetime").asText()))
                .isAfter(java.time.OffsetDateTime.parse(registered.path("updated_datetime").asText()));
        String text = client.get("/open311/v2/requests/" + id + ".xml").text();
        assertThat(text).doesNotContain("内部备注").doesNotContain("现场劝离").doesNotContain("13306357007")
                .doesNotContain("赵大爷").doesNotContain("zf-handler").doesNotContain("承办人");

        RawHttp.Response close = client.as("director1", "POST", "/api/v1/orders/" + id + "/close",
                "{\"reason\":\"市民来电确认已解决\"}");
        assertThat(close.status()).as(close.toString()).isEqualTo(200);
        assertThat(read(client, id).path("status").asText()).isEqualTo("closed");

        RawHttp.Response byChannel = client.as("director1", "GET", "/api/v1/statistics/volumes?by=CHANNEL", null);
        assertThat(byChannel.status()).as(byChannel.toString()).isEqualTo(200);
        assertThat(byChannel.text()).contains("Open311");
    }

    private static JsonNode read(Open311Http client, String id) throws Exception {
        return json(client.get("/open311/v2/requests/" + id + ".json")).get(0);
    }
}
