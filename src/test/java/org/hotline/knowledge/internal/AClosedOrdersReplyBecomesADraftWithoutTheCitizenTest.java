package org.hotline.knowledge.internal;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hotline.quality.internal.QualityApi;
import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * A good reply becomes an entry with one action (EntryFromOrder): only a closed order's answer, once per order,
 * as a draft (reviewed before it is published), with the citizen's name, phone and address taken out.
 */
@HotlineIntegrationTest
class AClosedOrdersReplyBecomesADraftWithoutTheCitizenTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void onlyAClosedOrdersAnswerBecomesADraftOncePerOrderWithTheCitizenMasked() throws Exception {
        KnowledgeApi api = new KnowledgeApi(mvc);
        QualityApi orders = new QualityApi(mvc, jdbc);
        // replied but not closed: not yet an answer the center stands by
        String open = orders.inProgress("振兴路小区供暖不热，室温只有十四度", null, "dcf-zjj", "zjj-handler");
        orders.reply("zjj-handler", open, "已联系供热公司排查").andExpect(status().isOk());
        api.post("supervisor1", "/api/v1/knowledge/from-order/" + open, "").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("knowledge-order-not-closed"));

        // the director closes it: now its reply may become a draft
        orders.post("director1", "/api/v1/orders/" + open + "/close", "{\"reason\":\"已解决\"}").andExpect(status().isOk());
        String draft = KnowledgeApi.body(api.post("supervisor1", "/api/v1/knowledge/from-order/" + open, "")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.sourceOrder").value(open))
                .andExpect(jsonPath("$.unit.id").value("dcf-zjj"))
                .andExpect(jsonPath("$.title").value("振兴路小区供暖不热，室温只有十四度"))
                .andExpect(jsonPath("$.answer").value("已联系供热公司排查")));
        long id = ((Number) JsonPath.read(draft, "$.id")).longValue();
        api.post("reviewer1", "/api/v1/knowledge/from-order/" + open, "").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("knowledge-order-already-used"))
                .andExpect(jsonPath("$.detail").value("工单 " + open + " 已转为知识条目 #" + id));
        api.get("supervisor1", "/api/v1/knowledge/" + id + "/history")
                .andExpect(jsonPath("$[0].changed").value("工单 " + open));
        // a draft is not offered until a publisher has read it
        api.post("operator1", "/api/v1/knowledge/from-order/" + open, "").andExpect(status().isForbidden());
    }

    @Test
    void theCitizensNamePhoneAndAddressDoNotReachTheEntry() throws Exception {
        KnowledgeApi api = new KnowledgeApi(mvc);
        QualityApi orders = new QualityApi(mvc, jdbc);
        // an inquiry answered at intake is closed at once, with its answer
        String body = QualityApi.json(orders.post("operator1", "/api/v1/orders", """
                {"channel":"PHONE","appealType":"INQUIRY","citizen":{"name":"赵建国","phone":"13306357007"},
                 "content":"赵建国想问居住证签注怎么办理？他住在花园路6号楼2单元301室",
                 "location":{"address":"花园路6号楼2单元301室"},
                 "intakeAnswer":"赵先生您好，居住证每年签注一次，请携带居住证到花园路6号楼2单元301室附近的社区警务室办理，如有疑问可回拨13306357007或致电0635-0000118。"}
                """).andExpect(status().isCreated()));
        String number = JsonPath.read(body, "$.number");

        api.post("admin", "/api/v1/knowledge/from-order/" + number, "").andExpect(status().isCreated())
                .andExpect(jsonPath("$.title").value("市民想问居住证签注怎么办理"))
                .andExpect(jsonPath("$.answer").value("市民您好，居住证每年签注一次，请携带居住证到该地址附近的社区警务室办理，"
                        + "如有疑问可回拨133****7007或致电0635-0000118。"));
    }
}
