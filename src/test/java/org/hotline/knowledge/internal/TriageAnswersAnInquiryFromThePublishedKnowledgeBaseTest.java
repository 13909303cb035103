package org.hotline.knowledge.internal;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The knowledge base is what triage asks (triage.KnowledgeAnswers): an inquiry that a published entry answers is
 * advised to be answered at intake from that entry, with its answer; a draft nobody has reviewed is never offered.
 */
@HotlineIntegrationTest
class TriageAnswersAnInquiryFromThePublishedKnowledgeBaseTest {

    @Autowired
    MockMvc mvc;

    private ResultActions advice(String content) throws Exception {
        return new KnowledgeApi(mvc).post("operator1", "/api/v1/triage/advice", """
                {"content":"%s","appealType":"INQUIRY","channel":"PHONE"}""".formatted(content));
    }

    @Test
    void aPublishedEntryAnswersTheInquiryItCovers() throws Exception {
        String thing = "电动三轮" + UUID.randomUUID().toString().substring(0, 4);
        long id = new KnowledgeApi(mvc).published("supervisor1", "director1", thing + "上牌需要什么材料",
                thing + "上牌请携带身份证、购车发票和合格证到车管所办理。", "\"" + thing + "上牌\"");

        advice("想问一下" + thing + "上牌需要什么材料")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("KNOWLEDGE"))
                .andExpect(jsonPath("$.knowledge[0].entry").value(String.valueOf(id)))
                .andExpect(jsonPath("$.knowledge[0].answer").value(thing + "上牌请携带身份证、购车发票和合格证到车管所办理。"))
                .andExpect(jsonPath("$.explanation").value(thing + "上牌请携带身份证、购车发票和合格证到车管所办理。"));
    }

    @Test
    void aDraftIsNeverOfferedAsAnAnswer() throws Exception {
        String thing = "老年助餐卡" + UUID.randomUUID().toString().substring(0, 4);
        long draft = new KnowledgeApi(mvc).draft("supervisor1", thing + "怎么办理", thing + "到社区服务中心办理。",
                "\"" + thing + "\"");

        advice("想问一下" + thing + "怎么办理")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value(not("KNOWLEDGE")))
                .andExpect(jsonPath("$.knowledge[*].entry").value(not(hasItem(String.valueOf(draft)))));
    }
}
