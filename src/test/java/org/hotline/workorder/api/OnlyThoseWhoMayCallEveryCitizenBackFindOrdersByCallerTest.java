package org.hotline.workorder.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * Search by caller (CallerSearch): the center's desk roles, who may call every citizen back, find a caller's
 * earlier appeals by the full number however it was typed, newest first, or by the beginning of the name;
 * everyone else is refused with a reason and learns nothing about whose number it is, confidential citizens
 * included.
 */
@HotlineIntegrationTest
class OnlyThoseWhoMayCallEveryCitizenBackFindOrdersByCallerTest {

    @Autowired
    MockMvc mvc;

    Api api;

    private String register(String name, String phone, boolean confidential, String content) throws Exception {
        return JsonPath.read(Api.json(api.post("operator1", "/api/v1/orders", """
                {"channel":"PHONE","appealType":"COMPLAINT",
                 "citizen":{"name":"%s","phone":"%s","confidential":%s},
                 "content":"%s","location":{"address":"古楼街道东关街"}}
                """.formatted(name, phone, confidential, content)).andExpect(status().isCreated())), "$.number");
    }

    private static String digits(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(ThreadLocalRandom.current().nextInt(10));
        }
        return s.toString();
    }

    @Test
    void anOperatorSeesACallersEarlierAppealsNewestFirstHoweverTheNumberIsTyped() throws Exception {
        api = new Api(mvc);
        String mobile = "139" + digits(8);
        String first = register("钱阿姨", mobile, false, "小区北门路灯不亮");
        String second = register("钱阿姨", mobile, false, "路灯还是不亮，第二次反映");
        register("孙先生", "138" + digits(8), false, "另一位来电人的诉求");

        for (String typed : List.of(mobile, mobile.substring(0, 3) + " " + mobile.substring(3, 7) + " "
                + mobile.substring(7), mobile.substring(0, 3) + "-" + mobile.substring(3), "+86" + mobile)) {
            String page = Api.json(api.get("operator1", "/api/v1/callers/" + typed + "/orders")
                    .andExpect(status().isOk()));
            assertThat((List<String>) JsonPath.read(page, "$.items[*].number")).as(typed)
                    .containsExactly(second, first);
            assertThat((List<String>) JsonPath.read(page, "$.items[*].citizen.phone")).containsOnly(mobile);
        }
        String byFilter = Api.json(api.get("operator1", "/api/v1/orders?phone=" + mobile + "&size=1")
                .andExpect(status().isOk()));
        assertThat((List<String>) JsonPath.read(byFilter, "$.items[*].number")).containsExactly(second);
        assertThat((Integer) JsonPath.read(byFilter, "$.total")).isEqualTo(2);
    }

    @Test
    void aLandlineIsFoundWithOrWithoutTheDashAfterItsAreaCode() throws Exception {
        api = new Api(mvc);
        String local = digits(7);
        String dashed = register("周大爷", "0635-" + local, false, "楼下饭店油烟大");
        String plain = register("周大爷", "0635" + local, false, "楼下饭店油烟还是很大");

        for (String typed : List.of("0635" + local, "0635-" + local, "0635 " + local)) {
            assertThat((List<String>) JsonPath.read(Api.json(api.get("dispatcher1", "/api/v1/orders?phone=" + typed)),
                    "$.items[*].number")).as(typed).containsExactly(plain, dashed);
        }
    }

    @Test
    void theCallerCanBeFoundByTheBeginningOfTheName() throws Exception {
        api = new Api(mvc);
        String name = "冯" + digits(6);
        String number = register(name + "女士", "137" + digits(8), false, "公交站台顶棚漏雨");

        assertThat((List<String>) JsonPath.read(Api.json(api.get("supervisor1", "/api/v1/orders?caller=" + name)),
                "$.items[*].number")).containsExactly(number);
    }

    @ParameterizedTest
    @ValueSource(strings = { "operator1", "dispatcher1", "reviewer1", "supervisor1", "director1" })
    void theCentersDeskRolesMaySearchByCaller(String user) throws Exception {
        api = new Api(mvc);
        String phone = "136" + digits(8);
        String number = register("褚先生", phone, false, "井盖松动");

        assertThat((List<String>) JsonPath.read(Api.json(api.get(user, "/api/v1/callers/" + phone + "/orders")
                .andExpect(status().isOk())), "$.items[*].number")).containsExactly(number);
    }

    @Test
    void aUnitOrAnAdministratorIsRefusedEvenForItsOwnOrder() throws Exception {
        api = new Api(mvc);
        String phone = "135" + digits(8);
        String number = register("卫女士", phone, false, "巷子里积水");
        api.post("dispatcher1", "/api/v1/orders/" + number + "/dispatch", "{\"leadUnit\":\"dcf-gulou\"}")
                .andExpect(status().isOk());

        for (String user : List.of("gulou-handler", "gulou-leader", "zf-handler", "admin")) {
            for (String path : List.of("/api/v1/callers/" + phone + "/orders", "/api/v1/orders?phone=" + phone,
                    "/api/v1/orders?caller=卫")) {
                String body = Api.json(api.get(user, path).andExpect(status().isForbidden())
                        .andExpect(jsonPath("$.code").value("caller-search-not-permitted"))
                        .andExpect(jsonPath("$.detail").value(
                                "只有话务员、派单员、审核员、督办员和中心主任可以按来电号码或姓名查找工单")));
                // nothing of the order: not its number, not the citizen's name, no list at all
                assertThat(body).as(user + " " + path).doesNotContain(number, "卫女士", "items");
            }
        }
        // the unit still sees its own order in its list, as before
        assertThat((List<String>) JsonPath.read(Api.json(api.get("gulou-handler", "/api/v1/orders?q=" + number)),
                "$.items[*].number")).containsExactly(number);
    }

    @Test
    void aConfidentialCallerIsFoundByTheCenterAndByNoUnit() throws Exception {
        api = new Api(mvc);
        String phone = "133" + digits(8);
        String number = register("蒋先生", phone, true, "举报小区内群租房消防隐患");
        api.post("dispatcher1", "/api/v1/orders/" + number + "/dispatch", "{\"leadUnit\":\"dcf-gulou\"}")
                .andExpect(status().isOk());

        // the center calls confidential citizens back for the units: the operator sees the whole record
        String found = Api.json(api.get("operator1", "/api/v1/callers/" + phone + "/orders").andExpect(status().isOk()));
        assertThat((List<String>) JsonPath.read(found, "$.items[*].number")).containsExactly(number);
        assertThat((List<String>) JsonPath.read(found, "$.items[*].citizen.phone")).containsExactly(phone);
        assertThat((List<Boolean>) JsonPath.read(found, "$.items[*].citizen.confidential")).containsExactly(true);

        // the unit handling the order may not look the number up, and its own list never names the citizen
        api.get("gulou-handler", "/api/v1/callers/" + phone + "/orders").andExpect(status().isForbidden());
        String list = Api.json(api.get("gulou-handler", "/api/v1/orders?q=" + number));
        assertThat((List<String>) JsonPath.read(list, "$.items[*].citizen.name")).containsExactly("保密");
        assertThat(list).doesNotContain(phone);
    }

    @Test
    void aNumberThatIsNoPhoneIsBadInput() throws Exception {
        api = new Api(mvc);
        api.get("operator1", "/api/v1/callers/12345/orders").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("phone"));
        api.get("operator1", "/api/v1/orders?phone=abc").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("phone"));
        api.get("operator1", "/api/v1/orders?caller=" + "名".repeat(51)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("caller"));
    }
}
