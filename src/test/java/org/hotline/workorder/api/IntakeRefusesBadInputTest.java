package org.hotline.workorder.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Bad input gets a 4xx problem detail (RFC 9457) that names the field and the problem, and writes nothing:
 * the number of orders, history lines and idempotency keys is the same afterwards.
 */
@HotlineIntegrationTest
class IntakeRefusesBadInputTest {

    private static final String VALID = """
            {"channel":"PHONE","appealType":"COMPLAINT","citizen":{"name":"王女士","phone":"13812341234"},
             "content":"楼下烧烤店油烟直排","location":{"address":"柳园路 8 号"}}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    private long rows() {
        return jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM work_order) + (SELECT COUNT(*) FROM work_order_history)"
                + " + (SELECT COUNT(*) FROM idempotency_key) + (SELECT COUNT(*) FROM work_order_attachment)", Long.class);
    }

    private ResultActions refused(String json, int status, String field) throws Exception {
        long before = rows();
        ResultActions result = new Api(mvc).post("operator1", "/api/v1/orders", json)
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].problem").isNotEmpty());
        assertThat(rows()).as("nothing written").isEqualTo(before);
        return result;
    }

    @Test
    void malformedJsonIsRefused() throws Exception {
        long before = rows();
        new Api(mvc).post("operator1", "/api/v1/orders", "{\"channel\":\"PHONE\", \"content\": ")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"));
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void aWrongTypeNamesTheField() throws Exception {
        refused(VALID.replace("\"address\":\"柳园路 8 号\"", "\"address\":\"x\",\"latitude\":\"north\""), 400,
                "location.latitude");
    }

    @Test
    void anUnknownEnumValueNamesTheFieldAndTheChoices() throws Exception {
        refused(VALID.replace("\"PHONE\"", "\"FAX\""), 400, "channel")
                .andExpect(jsonPath("$.errors[0].problem").value(org.hamcrest.Matchers.containsString("PHONE")));
    }

    @ParameterizedTest(name = "missing {0}")
    @CsvSource({ "channel", "appealType", "content", "citizen" })
    void aMissingFieldIsNamed(String field) throws Exception {
        String json = switch (field) {
            case "channel" -> VALID.replace("\"channel\":\"PHONE\",", "");
            case "appealType" -> VALID.replace("\"appealType\":\"COMPLAINT\",", "");
            case "content" -> VALID.replace("\"content\":\"楼下烧烤店油烟直排\",", "");
            default -> VALID.replace("\"citizen\":{\"name\":\"王女士\",\"phone\":\"13812341234\"},", "");
        };
        refused(json, 400, field);
    }

    @Test
    void contentOverFourThousandCharactersIsRefused() throws Exception {
        refused(VALID.replace("楼下烧烤店油烟直排", "积".repeat(4001)), 400, "content");
    }

    @Test
    void contentOfExactlyFourThousandCharactersIsAccepted() throws Exception {
        new Api(mvc).post("operator1", "/api/v1/orders", VALID.replace("楼下烧烤店油烟直排", "积".repeat(4000)))
                .andExpect(status().isCreated());
    }

    @ParameterizedTest(name = "phone {0}")
    @CsvSource({ "12345", "1381234123", "23812341234", "138-1234-1234", "abcdefghijk" })
    void anInvalidPhoneNumberIsRefused(String phone) throws Exception {
        refused(VALID.replace("13812341234", phone), 400, "citizen.phone");
    }

    @Test
    void aPhoneCallMustRecordTheCallersNumber() throws Exception {
        refused(VALID.replace(",\"phone\":\"13812341234\"", ""), 400, "citizen.phone");
    }

    @Test
    void anUnknownCategoryIsRefused() throws Exception {
        refused(VALID.replace("\"content\"", "\"categoryCode\":\"99.99\",\"content\""), 400, "categoryCode");
    }

    @Test
    void anUnknownFieldIsRefusedRatherThanIgnored() throws Exception {
        refused(VALID.replace("\"content\"", "\"priority\":\"high\",\"content\""), 400, "priority");
    }

    @Test
    void dispatchingToAnUnknownUnitNamesTheField() throws Exception {
        Api api = new Api(mvc);
        String n = api.register("路灯不亮");
        long before = rows();
        api.post("dispatcher1", "/api/v1/orders/" + n + "/dispatch",
                "{\"leadUnit\":\"dcf-zhzfj\",\"coUnits\":[\"dcf-gulou\",\"no-such-unit\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("coUnits[1]"));
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void dispatchingToAnUnknownLeadUnitOrCategoryNamesTheField() throws Exception {
        Api api = new Api(mvc);
        String n = api.register("路灯不亮");
        long before = rows();
        api.post("dispatcher1", "/api/v1/orders/" + n + "/dispatch", "{\"leadUnit\":\"no-such-unit\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("leadUnit"));
        api.post("dispatcher1", "/api/v1/orders/" + n + "/dispatch",
                        "{\"leadUnit\":\"dcf-zhzfj\",\"categoryCode\":\"99.99.99\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("categoryCode"));
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void anOversizeUploadIsRefusedWith413() throws Exception {
        String n = new Api(mvc).register("现场照片很大");
        long before = rows();
        MockMultipartFile huge = new MockMultipartFile("file", "photo.jpg", "image/jpeg", new byte[11 * 1024 * 1024]);
        mvc.perform(multipart("/api/v1/orders/" + n + "/attachments").file(huge)
                        .with(httpBasic("operator1", Api.PASSWORD)))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void anUploadOfAnUnsupportedTypeIsRefused() throws Exception {
        String n = new Api(mvc).register("附件类型不对");
        long before = rows();
        MockMultipartFile exe = new MockMultipartFile("file", "run.exe", "application/x-msdownload", new byte[10]);
        mvc.perform(multipart("/api/v1/orders/" + n + "/attachments").file(exe)
                        .with(httpBasic("operator1", Api.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void aPhotoIsStoredAndServedBack() throws Exception {
        String n = new Api(mvc).register("井盖缺失，附照片");
        byte[] jpeg = org.hotline.support.Photos.jpeg(false);
        String body = Api.json(mvc.perform(multipart("/api/v1/orders/" + n + "/attachments")
                        .file(new MockMultipartFile("file", "井盖.jpg", "image/jpeg", jpeg))
                        .with(httpBasic("operator1", Api.PASSWORD)))
                .andExpect(status().isCreated()));
        String id = com.jayway.jsonpath.JsonPath.read(body, "$.id");
        byte[] back = new Api(mvc).get("operator1", "/api/v1/orders/" + n + "/attachments/" + id)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(back).isEqualTo(jpeg);
    }

    @Test
    void anActionTheStatusForbidsIsAConflictWithAReadableReason() throws Exception {
        Api api = new Api(mvc);
        String n = api.register("噪声扰民");
        long before = rows();
        api.post("zf-handler", "/api/v1/orders/" + n + "/acknowledge", "")
                .andExpect(status().isNotFound());
        api.post("reviewer1", "/api/v1/orders/" + n + "/close", "{}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("status-forbids"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("待派单")));
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void aRoleThatMayNotActIsForbidden() throws Exception {
        Api api = new Api(mvc);
        String n = api.register("噪声扰民");
        api.post("operator1", "/api/v1/orders/" + n + "/dispatch", "{\"leadUnit\":\"dcf-zhzfj\"}")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("not-permitted"));
    }

    @Test
    void searchParametersAreValidated() throws Exception {
        new Api(mvc).get("supervisor1", "/api/v1/orders?size=500").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        new Api(mvc).get("supervisor1", "/api/v1/orders?status=SLEEPING").andExpect(status().isBadRequest());
        new Api(mvc).get("supervisor1", "/api/v1/orders?from=yesterday").andExpect(status().isBadRequest());
    }
}
