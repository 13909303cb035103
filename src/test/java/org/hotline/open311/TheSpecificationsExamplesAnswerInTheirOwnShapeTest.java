package org.hotline.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.open311.Open311Http.children;
import static org.hotline.open311.Open311Http.json;
import static org.hotline.open311.Open311Http.text;
import static org.hotline.open311.Open311Http.xml;

import java.util.ArrayList;
import java.util.List;

import org.hotline.support.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.w3c.dom.Element;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The specification's example requests, one by one, in XML and in JSON: each answer has the elements of the
 * specification's example answer, in its order, with lists at the top of the JSON and one element per item in the
 * XML, UTF-8 declared, and times as W3C datetimes with their zone.
 */
@Open311ServerTest
class TheSpecificationsExamplesAnswerInTheirOwnShapeTest {

    static final List<String> REQUEST_FIELDS = List.of("service_request_id", "status", "status_notes", "service_name",
            "service_code", "description", "agency_responsible", "service_notice", "requested_datetime",
            "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url");
    static final String W3C = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Open311Http client;
    String key;

    @BeforeEach
    void client() throws Exception {
        client = new Open311Http(port);
        if (key == null) {
            key = client.issueKey("规范示例客户端-" + System.nanoTime(), null);
        }
    }

    @Test
    void discoveryListsTheEndpointWithBothFormats() throws Exception {
        RawHttp.Response r = client.get("/open311/v2/discovery.xml");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualToIgnoringCase("text/xml;charset=UTF-8");
        assertThat(r.text()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><discovery>");
        Element root = xml(r).getDocumentElement();
        assertThat(children(root)).containsExactly("changeset", "contact", "key_service", "endpoints");
        Element endpoint = (Element) root.getElementsByTagName("endpoint").item(0);
        assertThat(children(endpoint)).containsExactly("specification", "url", "changeset", "type", "formats");
        assertThat(text(endpoint, "url")).isEqualTo("http://localhost/open311/v2"); // the Host the client named
        assertThat(text(root, "changeset")).matches(W3C);
        List<String> formats = new ArrayList<>();
        var f = endpoint.getElementsByTagName("format");
        for (int i = 0; i < f.getLength(); i++) {
            formats.add(f.item(i).getTextContent());
        }
        assertThat(formats).containsExactly("text/xml", "application/json");

        JsonNode json = json(client.get("/open311/v2/discovery.json"));
        assertThat(json.path("endpoints").isArray()).isTrue();
        assertThat(json.path("endpoints").get(0).path("formats").get(1).asText()).isEqualTo("application/json");
        assertThat(json.path("key_service").asText()).containsPattern("\\p{IsHan}");
    }

    @Test
    void servicesAreAListAtTheTopWithTheSpecificationsFields() throws Exception {
        RawHttp.Response r = client.get("/open311/v2/services.xml");
        assertThat(r.status()).isEqualTo(200);
        Element root = xml(r).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("services");
        Element first = (Element) root.getElementsByTagName("service").item(0);
        assertThat(children(first)).containsExactly("service_code", "service_name", "description", "metadata", "type",
                "keywords", "group");
        assertThat(root.getElementsByTagName("service").getLength()).isGreaterThan(50);

        RawHttp.Response j = client.get("/open311/v2/services.json");
        assertThat(j.header("Content-Type")).isEqualToIgnoringCase("application/json;charset=UTF-8");
        JsonNode services = json(j);
        assertThat(services.isArray()).isTrue();
        JsonNode wages = find(services, "02.01.01");
        assertThat(wages.path("service_name").asText()).isEqualTo("拖欠工资");
        assertThat(wages.path("group").asText()).isEqualTo("劳动和社会保障");
        assertThat(wages.path("metadata").asBoolean()).isTrue();
        assertThat(wages.path("type").asText()).isEqualTo("realtime");
        assertThat(find(services, "02").path("service_name").asText()).isEqualTo("劳动和社会保障（其他）");
    }

    @Test
    void aServiceDefinitionListsItsAttributesWithTheirValues() throws Exception {
        RawHttp.Response r = client.get("/open311/v2/services/10.04.01.xml");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        Element root = xml(r).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("service_definition");
        assertThat(children(root)).containsExactly("service_code", "attributes");
        Element attribute = (Element) root.getElementsByTagName("attribute").item(0);
        assertThat(children(attribute)).containsExactly("variable", "code", "datatype", "required",
                "datatype_description", "order", "description", "values");
        assertThat(text(attribute, "datatype")).isEqualTo("multivaluelist");
        Element value = (Element) attribute.getElementsByTagName("value").item(0);
        assertThat(children(value)).containsExactly("key", "name");

        JsonNode json = json(client.get("/open311/v2/services/02.01.01.json"));
        assertThat(json.path("service_code").asText()).isEqualTo("02.01.01");
        assertThat(json.path("attributes").get(0).path("code").asText()).isEqualTo("employer");
        assertThat(json.path("attributes").get(1).path("datatype").asText()).isEqualTo("number");
        assertThat(json.path("attributes").get(0).path("required").asBoolean()).isTrue();
        assertThat(json.path("attributes").get(0).path("order").asInt()).isEqualTo(1);

        JsonNode plain = json(client.get("/open311/v2/services/09.02.01.json"));
        assertThat(plain.path("attributes").isArray()).isTrue();
        assertThat(plain.path("attributes")).isEmpty();
    }

    @Test
    void aPostedRequestAnswersItsIdAndIsReadBackByIdAndInTheList() throws Exception {
        RawHttp.Response posted = client.post("/open311/v2/requests.xml", "api_key", key, "jurisdiction_id",
                "dongchangfu", "service_code", "09.05.01", "lat", "36.4562", "long", "115.9853", "address_string",
                "古楼街道东关街 12 号", "email", "citizen@example.cn", "device_id", "tt222111", "account_id", "123456",
                "first_name", "张", "last_name", "", "phone", "13306357007", "description", "东关街路灯不亮已经三天了",
                "media_url", "https://example.cn/photos/1.jpg", "attribute[lamp_count]", "3");
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        Element answer = xml(posted).getDocumentElement();
        assertThat(answer.getTagName()).isEqualTo("service_requests");
        Element request = (Element) answer.getElementsByTagName("request").item(0);
        assertThat(children(request)).containsExactly("service_request_id", "service_notice", "account_id");
        String id = text(request, "service_request_id");
        assertThat(id).isNotBlank().isNotEqualTo("0");
        assertThat(text(request, "account_id")).isEqualTo("123456");

        RawHttp.Response one = client.get("/open311/v2/requests/" + id + ".xml");
        assertThat(one.status()).as(one.toString()).isEqualTo(200);
        Element read = (Element) xml(one).getDocumentElement().getElementsByTagName("request").item(0);
        assertThat(children(read)).containsExactlyElementsOf(REQUEST_FIELDS);
        assertThat(text(read, "status")).isEqualTo("open");
        assertThat(text(read, "description")).isEqualTo("东关街路灯不亮已经三天了");
        assertThat(text(read, "service_name")).isEqualTo("路灯不亮");
        assertThat(text(read, "requested_datetime")).matches(W3C);
        assertThat(text(read, "updated_datetime")).matches(W3C);
        assertThat(text(read, "lat")).isEqualTo("36.4562");
        assertThat(text(read, "media_url")).isEqualTo("https://example.cn/photos/1.jpg");
        assertThat(one.text()).doesNotContain("13306357007").doesNotContain("citizen@example.cn");

        JsonNode list = json(client.get("/open311/v2/requests.json?status=open&service_code=09.05.01"));
        assertThat(list.isArray()).isTrue();
        List<String> fields = new ArrayList<>();
        list.get(0).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyElementsOf(REQUEST_FIELDS);
        assertThat(ids(list)).contains(id);
        assertThat(list.get(0).path("lat").isNumber()).isTrue();

        JsonNode byId = json(client.get("/open311/v2/requests/" + id + ".json"));
        assertThat(byId.isArray()).isTrue();
        assertThat(byId.get(0).path("service_request_id").asText()).isEqualTo(id);
        assertThat(ids(json(client.get("/open311/v2/requests.json?status=closed")))).doesNotContain(id);
    }

    @Test
    void aJsonPostAnswersTheSameFieldsAsAList() throws Exception {
        RawHttp.Response posted = client.post("/open311/v2/requests.json", "api_key", key, "service_code", "02",
                "address_string", "柳园街道振兴路", "description", "工地老板拖欠工资两个月");
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        JsonNode answer = json(posted);
        assertThat(answer.isArray()).isTrue();
        List<String> fields = new ArrayList<>();
        answer.get(0).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("service_request_id", "service_notice", "account_id");
        assertThat(answer.get(0).path("account_id").isNull()).isTrue();
    }

    @Test
    void aTokenTheServerHandedOutLeadsToItsRequest() throws Exception {
        String id = json(client.post("/open311/v2/requests.json", "api_key", key, "service_code", "09.02.01",
                "address_string", "新区街道花园北路", "description", "垃圾三天没人清运")).get(0)
                .path("service_request_id").asText();
        String token = jdbc.queryForObject("SELECT token FROM open311_request WHERE order_number = ?", String.class,
                id);
        Element request = (Element) xml(client.get("/open311/v2/tokens/" + token + ".xml")).getDocumentElement()
                .getElementsByTagName("request").item(0);
        assertThat(children(request)).containsExactly("service_request_id", "token");
        assertThat(text(request, "service_request_id")).isEqualTo(id);
        JsonNode json = json(client.get("/open311/v2/tokens/" + token + ".json"));
        assertThat(json.get(0).path("token").asText()).isEqualTo(token);
    }

    static JsonNode find(JsonNode services, String code) {
        for (JsonNode s : services) {
            if (s.path("service_code").asText().equals(code)) {
                return s;
            }
        }
        throw new AssertionError("no service " + code);
    }

    static List<String> ids(JsonNode requests) {
        List<String> ids = new ArrayList<>();
        requests.forEach(r -> ids.add(r.path("service_request_id").asText()));
        return ids;
    }
}
