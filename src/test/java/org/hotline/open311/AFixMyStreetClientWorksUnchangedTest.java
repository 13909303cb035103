package org.hotline.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.open311.Open311Http.text;
import static org.hotline.open311.Open311Http.xml;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hotline.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The server driven the way FixMyStreet's Open311 client drives it: XML only, a form body whose type names no
 * charset, jurisdiction_id on every call, a Chinese name whole in first_name with last_name empty, no phone, a
 * multi-valued attribute as repeated keys, its own report id as attribute[fixmystreet_id], and the requests read
 * back with requests.xml?service_request_id=A,B, whose dates it only takes as W3C datetimes with a zone.
 */
@Open311ServerTest
class AFixMyStreetClientWorksUnchangedTest {

    /** What FixMyStreet's date parser accepts: a T between date and time, and Z or an offset with a colon. */
    static final String W3C = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private RawHttp.Response send(String key, String fixMyStreetId, String description) throws Exception {
        // the body as FixMyStreet's HTTP library writes it: UTF-8, percent-encoded, "Content-Type" without charset
        String body = Open311Http.form("jurisdiction_id", "dongchangfu", "api_key", key, "service_code", "09.01.01",
                "lat", "36.4561", "long", "115.9712", "email", "wang@example.cn", "description", description,
                "first_name", "王秀英", "last_name", "", "media_url", "https://fms.example.cn/photo/" + fixMyStreetId
                        + ".jpeg",
                "attribute[occurs_at]", "morning", "attribute[occurs_at]", "evening", "attribute[fixmystreet_id]",
                fixMyStreetId, "attribute[title]", "菜市场门口占道经营");
        return new RawHttp(port).send("POST", "/open311/v2/requests.xml",
                Map.of("Content-Type", "application/x-www-form-urlencoded".getBytes(StandardCharsets.US_ASCII)),
                body.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void itFilesReadsBackAndRetriesWithoutDuplicates() throws Exception {
        Open311Http client = new Open311Http(port);
        String key = client.issueKey("FixMyStreet 东昌府", null);
        String first = "title: 菜市场门口占道经营\n\ndetail: 早晚两个时段摊贩把人行道全占了，老人只能走机动车道。\n\n"
                + "url: https://fms.example.cn/report/1001\n\nSubmitted via FixMyStreet\n";
        RawHttp.Response a = send(key, "1001", first);
        assertThat(a.status()).as(a.toString()).isEqualTo(201);
        String idA = text(xml(a).getDocumentElement(), "service_request_id");
        RawHttp.Response b = send(key, "1002", "柳园街道振兴路口每天傍晚有人摆摊卖菜");
        String idB = text(xml(b).getDocumentElement(), "service_request_id");
        assertThat(List.of(idA, idB)).doesNotContain("0", "").doesNotHaveDuplicates();

        // a retry of the same report (a timeout on FixMyStreet's side) is the same request, not a second order
        RawHttp.Response again = send(key, "1001", first);
        assertThat(again.status()).isEqualTo(200);
        assertThat(text(xml(again).getDocumentElement(), "service_request_id")).isEqualTo(idA);
        // another client's report 1001 is another report
        RawHttp.Response other = send(client.issueKey("另一个 FixMyStreet", null), "1001", first);
        assertThat(text(xml(other).getDocumentElement(), "service_request_id")).isNotEqualTo(idA);

        RawHttp.Response read = client.get("/open311/v2/requests.xml?jurisdiction_id=dongchangfu&service_request_id="
                + idA + "," + idB);
        assertThat(read.status()).isEqualTo(200);
        NodeList requests = xml(read).getDocumentElement().getElementsByTagName("request");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < requests.getLength(); i++) {
            Element request = (Element) requests.item(i);
            ids.add(text(request, "service_request_id"));
            for (String time : List.of("requested_datetime", "updated_datetime")) {
                assertThat(text(request, time)).matches(W3C);
                OffsetDateTime.parse(text(request, time));
            }
            assertThat(text(request, "status")).isEqualTo("open");
        }
        assertThat(ids).containsExactlyInAnyOrder(idA, idB);
        Element readA = (Element) requests.item(ids.indexOf(idA));
        // decoded as UTF-8 although the form did not say so, and given back as submitted
        assertThat(text(readA, "description")).isEqualTo(first.strip());
        assertThat(text(readA, "media_url")).isEqualTo("https://fms.example.cn/photo/1001.jpeg");

        Map<String, Object> order = jdbc.queryForMap("SELECT channel, citizen_name, citizen_phone, content FROM"
                + " work_order WHERE number = ?", idA);
        assertThat(order.get("channel")).isEqualTo("OPEN311");
        assertThat(order.get("citizen_name")).isEqualTo("王秀英");
        assertThat(order.get("citizen_phone")).isNull();
        // the unit reads the extra facts in the order, both values of the repeated attribute among them
        assertThat((String) order.get("content")).contains("通常出现的时段：早上、傍晚")
                .contains("照片：https://fms.example.cn/photo/1001.jpeg").doesNotContain("fixmystreet_id");
    }
}
