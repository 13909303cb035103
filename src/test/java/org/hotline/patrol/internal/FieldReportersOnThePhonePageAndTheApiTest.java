package org.hotline.patrol.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.console.ConsoleSessions.signIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hotline.support.HotlineIntegrationTest;
import org.hotline.support.Photos;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** 巡查上报 through its adapters: the REST API, the phone page and 巡查统计, with who may use which. */
@HotlineIntegrationTest
class FieldReportersOnThePhonePageAndTheApiTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aReporterFilesOverTheApiAndReadsTheirOwnCounts() throws Exception {
        mvc.perform(post("/api/v1/patrol/reports").with(httpBasic("gulou-patrol1", "demo123"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"kind":"SAFETY_HAZARD","text":"楼北社区 5 号楼外墙瓷砖松动，有坠落风险","address":"古楼街道楼北社区 5 号楼",
                         "latitude":36.45,"longitude":115.98,"needsAction":true}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.orderNumber").isString())
                .andExpect(jsonPath("$.kind").value("SAFETY_HAZARD"));

        mvc.perform(get("/api/v1/patrol/me").with(httpBasic("gulou-patrol1", "demo123")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tally.dailyQuota").value(12))
                .andExpect(jsonPath("$.recent[0].text").value("楼北社区 5 号楼外墙瓷砖松动，有坠落风险"));
    }

    @Test
    void aReporterFilesWithPhotosAsMultipart() throws Exception {
        mvc.perform(multipart("/api/v1/patrol/reports").file(new MockMultipartFile("report", "", "application/json",
                        "{\"kind\":\"GREENHOUSE\",\"text\":\"大棚棚膜破损两处\",\"address\":\"古楼街道西关\"}".getBytes()))
                        .file(new MockMultipartFile("photos", "p.jpg", "image/jpeg", Photos.jpeg(true)))
                        .with(httpBasic("gulou-patrol2", "demo123")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.photoCount").value(1))
                .andExpect(jsonPath("$.needsAction").value(false));
    }

    @Test
    void aReportWithoutAKindIsRefusedNamingTheField() throws Exception {
        mvc.perform(post("/api/v1/patrol/reports").with(httpBasic("gulou-patrol1", "demo123"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"没有类别的上报\",\"address\":\"古楼\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
    }

    @Test
    void aFieldReporterRegistersNoOtherOrdersAndSeesNone() throws Exception {
        mvc.perform(post("/api/v1/orders").with(httpBasic("gulou-patrol1", "demo123"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"channel":"PHONE","appealType":"COMPLAINT","citizen":{"name":"王女士","phone":"13812341234"},
                         "content":"楼下烧烤店油烟直排","location":{"address":"古楼街道"}}"""))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("reporters-register-patrol-orders-only"));
        mvc.perform(get("/api/v1/orders").with(httpBasic("gulou-patrol1", "demo123")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theReporterLandsOnThePatrolPageWhereWhatTheyTypedIsEscaped() throws Exception {
        MockHttpSession reporter = signIn(mvc, "gulou-patrol1");
        mvc.perform(get("/").session(reporter)).andExpect(redirectedUrl("/console/patrol"));

        mvc.perform(multipart("/console/patrol").session(reporter).with(csrf()).param("kind", "OTHER")
                .param("text", "<script>alert(1)</script>路口井盖缺失").param("address", "古楼街道东关")
                .param("needsAction", "false"))
                .andExpect(redirectedUrl("/console/patrol"));

        String page = mvc.perform(get("/console/patrol").session(reporter)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;路口井盖缺失").doesNotContain("<script>alert");
        assertThat(page).contains("我的任务量", "/ <span>12</span>");
    }

    @Test
    void thePatrolPageIsTheReportersAndTheTownsPageTheCentersAndTheTowns() throws Exception {
        mvc.perform(get("/console/patrol").session(signIn(mvc, "supervisor1"))).andExpect(status().isForbidden());
        String towns = mvc.perform(get("/console/patrol/towns").session(signIn(mvc, "supervisor1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(towns).contains("侯营镇", "古楼街道", "本月覆盖率");
        mvc.perform(get("/console/patrol/towns").session(signIn(mvc, "zf-handler"))).andExpect(status().isForbidden());
        mvc.perform(get("/console/patrol/towns").session(signIn(mvc, "gulou-patrol1"))).andExpect(status().isForbidden());
    }

    @Test
    void theNotificationLogIsForAdminsAndSupervisors() throws Exception {
        mvc.perform(get("/console/notifications").session(signIn(mvc, "admin"))).andExpect(status().isOk());
        mvc.perform(get("/console/notifications").session(signIn(mvc, "operator1"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/notifications").with(httpBasic("supervisor1", "demo123"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/notifications").with(httpBasic("zf-handler", "demo123")))
                .andExpect(status().isForbidden());
    }
}
