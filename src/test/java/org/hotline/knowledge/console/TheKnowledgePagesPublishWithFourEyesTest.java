package org.hotline.knowledge.console;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hotline.console.ConsoleSessions.signIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The knowledge pages act through the knowledge base's own service and offer what its rules allow: a draft is
 * written with its problems beside the fields, submitted, and published only by a publisher who did not write,
 * change or submit it (four eyes); the writer is told why it waits. Editors only; markup stays text.
 */
@HotlineIntegrationTest
class TheKnowledgePagesPublishWithFourEyesTest {

    @Autowired
    MockMvc mvc;

    private String draft(MockHttpSession editor, String title) throws Exception {
        mvc.perform(post("/console/knowledge/new").session(editor).with(csrf()).param("title", title)
                        .param("answer", " "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"err-EDIT-answer\"")))
                .andExpect(content().string(containsString("必须填写")));
        String url = mvc.perform(post("/console/knowledge/new").session(editor).with(csrf()).param("title", title)
                        .param("answer", "可携带身份证到政务服务中心公积金窗口办理提取。")
                        .param("policyBasis", "《住房公积金管理条例》").param("keywords", "公积金、提取，租房"))
                .andExpect(redirectedUrlPattern("/console/knowledge/*"))
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(post(url + "/submit").session(editor).with(csrf()).param("version", "1"))
                .andExpect(redirectedUrlPattern("/console/knowledge/*"));
        return url;
    }

    @Test
    void aPublisherWhoDidNotWriteTheEntryPublishesIt() throws Exception {
        String url = draft(signIn(mvc, "supervisor1"), "租房提取公积金怎么办理（页面测试）");
        mvc.perform(get(url).session(signIn(mvc, "supervisor1")))
                .andExpect(content().string(containsString("待审核")))
                .andExpect(content().string(not(containsString("data-action=\"PUBLISH\""))));

        MockHttpSession director = signIn(mvc, "director1");
        mvc.perform(get(url).session(director))
                .andExpect(content().string(containsString("data-action=\"PUBLISH\"")))
                .andExpect(content().string(containsString("data-action=\"SEND_BACK\"")));
        mvc.perform(post(url + "/review").session(director).with(csrf()).param("approve", "true"))
                .andExpect(redirectedUrlPattern("/console/knowledge/*"));
        mvc.perform(get(url).session(director))
                .andExpect(content().string(containsString("已发布")))
                .andExpect(content().string(containsString("data-action=\"REVISE\"")))
                .andExpect(content().string(not(containsString("data-action=\"EDIT\""))));
    }

    @Test
    void aPublisherWhoWroteTheEntryIsNotOfferedToPublishItAndIsRefused() throws Exception {
        MockHttpSession admin = signIn(mvc, "admin");
        String url = draft(admin, "公积金贷款额度（四眼测试）");
        mvc.perform(get(url).session(admin))
                .andExpect(content().string(not(containsString("data-action=\"PUBLISH\""))))
                .andExpect(content().string(containsString("id=\"publish-refusal\"")))
                .andExpect(content().string(containsString("编写、修改或提交本条目的人不能发布它")));
        mvc.perform(post(url + "/review").session(admin).with(csrf()).param("approve", "true"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("编写、修改或提交本条目的人不能发布它")));
        mvc.perform(post(url + "/review").session(admin).with(csrf()).param("approve", "false"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"err-SEND_BACK-reason\"")));
    }

    @Test
    void onlyEditorsOpenTheKnowledgePagesAndMarkupStaysText() throws Exception {
        mvc.perform(get("/console/knowledge").session(signIn(mvc, "operator1")).accept(MediaType.TEXT_HTML))
                .andExpect(status().isForbidden());
        MockHttpSession reviewer = signIn(mvc, "reviewer1");
        String url = mvc.perform(post("/console/knowledge/new").session(reviewer).with(csrf())
                        .param("title", "<script>alert(1)</script>标题").param("answer", "<img src=x onerror=alert(2)>"))
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(url).session(reviewer))
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;标题")))
                .andExpect(content().string(not(containsString("<img src=x"))));
        mvc.perform(get("/console/knowledge").session(reviewer).param("status", "DRAFT"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;标题")));
    }
}
