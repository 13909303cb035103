package org.hotline.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * The publication flow through the API (KnowledgeRules): an editor writes a draft and proposes it, a publisher
 * who did not write it publishes it, and from then on operators are offered it and citizens read it. Whoever
 * wrote, changed or proposed an entry may not publish it; a published entry is never changed in place.
 */
@HotlineIntegrationTest
class AnEntryIsPublishedOnlyAfterASecondPersonReviewsItTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void draftProposedPublishedByAnotherThenSuggestedToOperatorsAndReadByCitizens() throws Exception {
        KnowledgeApi api = new KnowledgeApi(mvc);
        long id = api.draft("supervisor1", "独生子女父母奖励金怎么领取", "符合条件的独生子女父母，可向户籍所在地村居提出申请，经镇街审核后按年发放奖励金。",
                "\"独生子女\",\"奖励金\"");
        String base = "/api/v1/knowledge/" + id;

        // a draft is the editors' business: operators and citizens do not see it
        api.get("operator1", base).andExpect(status().isNotFound());
        api.anonymous("/api/v1/public/knowledge/" + id).andExpect(status().isNotFound());
        suggested(api, "我是独生子女父母，奖励金到哪里领").andExpect(jsonPath("$.suggestions[*].id", not(hasItem((int) id))));

        api.post("supervisor1", base + "/submit", "{\"note\":\"请审核\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_REVIEW")).andExpect(jsonPath("$.statusLabel").value("待审核"));
        api.post("director1", base + "/review", "{\"approve\":true}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED")).andExpect(jsonPath("$.servedToday").value(true));

        // the operator's next request is offered it, its words marked
        suggested(api, "我是独生子女父母，奖励金到哪里领")
                .andExpect(jsonPath("$.suggestions[0].id").value(id))
                .andExpect(jsonPath("$.suggestions[0].titleMarked").value("<mark>独生子女父母奖励金</mark>怎么领取"))
                .andExpect(jsonPath("$.suggestions[0].matchedWords", hasItem("奖励金")))
                .andExpect(jsonPath("$.suggestions[0].unit.name").value("区住房和城乡建设局"));
        api.anonymous("/api/v1/public/knowledge?q=独生子女奖励金").andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value(id))
                .andExpect(jsonPath("$.items[0].unitName").value("区住房和城乡建设局"));
        api.anonymous("/api/v1/public/knowledge/" + id).andExpect(status().isOk())
                .andExpect(jsonPath("$.answer").value("符合条件的独生子女父母，可向户籍所在地村居提出申请，经镇街审核后按年发放奖励金。"))
                .andExpect(jsonPath("$.createdBy").doesNotExist()).andExpect(jsonPath("$.status").doesNotExist());

        api.get("director1", base + "/history").andExpect(status().isOk())
                .andExpect(jsonPath("$[*].action", contains("CREATED", "SUBMITTED", "PUBLISHED")))
                .andExpect(jsonPath("$[*].actor", contains("supervisor1", "supervisor1", "director1")))
                .andExpect(jsonPath("$[1].note").value("请审核"));
    }

    @Test
    void whoeverWroteChangedOrProposedAnEntryMayNotPublishIt() throws Exception {
        KnowledgeApi api = new KnowledgeApi(mvc);
        long id = api.draft("admin", "古树名木保护咨询", "古树名木由园林部门统一登记挂牌保护。", "\"古树\"");
        String base = "/api/v1/knowledge/" + id;
        // the director changes the admin's draft: now both have a hand in it
        api.put("director1", base, """
                {"title":"古树名木保护咨询","answer":"古树名木由园林部门统一登记挂牌保护，禁止擅自砍伐、移植。","keywords":["古树"]}
                """, null).andExpect(status().isOk()).andExpect(header().string("ETag", "\"2\""));
        api.post("admin", base + "/submit", "{}").andExpect(status().isOk());

        for (String author : List.of("admin", "director1")) {
            api.post(author, base + "/review", "{\"approve\":true}").andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.code").value("knowledge-four-eyes"))
                    .andExpect(jsonPath("$.detail").value("编写、修改或提交本条目的人不能发布它，须由另一位发布人审核"));
        }
        // editors who are not publishers cannot publish at all
        api.post("supervisor1", base + "/review", "{\"approve\":true}").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("knowledge-publishers-only"));
        assertThat(statusOf(id)).isEqualTo("IN_REVIEW");

        // sending back needs a reason, and returns it to draft
        api.post("admin", base + "/review", "{\"approve\":false}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        api.post("admin", base + "/review", "{\"approve\":false,\"reason\":\"补充政策依据\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DRAFT"));
    }

    @Test
    void aPublishedEntryIsNeverChangedInPlaceItsRevisionReplacesItWhenPublished() throws Exception {
        KnowledgeApi api = new KnowledgeApi(mvc);
        long id = api.published("supervisor1", "admin", "城区桥梁限高查询", "城区桥梁限高以桥头标志为准。", "\"限高\"");
        String base = "/api/v1/knowledge/" + id;
        api.put("supervisor1", base, "{\"title\":\"改\",\"answer\":\"改\"}", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("knowledge-not-a-draft"))
                .andExpect(jsonPath("$.detail").value("已发布的条目不能直接修改，请创建修订版"));

        String revision = KnowledgeApi.body(api.post("reviewer1", base + "/revision", "")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.revises").value(id))
                .andExpect(jsonPath("$.status").value("DRAFT")));
        long revisionId = ((Number) JsonPath.read(revision, "$.id")).longValue();
        api.post("reviewer1", base + "/revision", "").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("knowledge-revision-open"));
        api.put("reviewer1", "/api/v1/knowledge/" + revisionId,
                "{\"title\":\"城区桥梁限高查询\",\"answer\":\"城区桥梁限高以桥头标志为准，货车请绕行外环。\",\"keywords\":[\"限高\"]}",
                "\"1\"").andExpect(status().isOk());
        // still the original while the revision is being written
        assertThat(statusOf(id)).isEqualTo("PUBLISHED");
        api.post("reviewer1", "/api/v1/knowledge/" + revisionId + "/submit", "{}").andExpect(status().isOk());
        api.post("director1", "/api/v1/knowledge/" + revisionId + "/review", "{\"approve\":true}")
                .andExpect(status().isOk());

        assertThat(statusOf(id)).isEqualTo("RETIRED");
        assertThat(statusOf(revisionId)).isEqualTo("PUBLISHED");
        api.anonymous("/api/v1/public/knowledge/" + id).andExpect(status().isNotFound());
        api.get("director1", base + "/history").andExpect(jsonPath("$[-1].action").value("RETIRED"))
                .andExpect(jsonPath("$[-1].note").value("由修订版 #" + revisionId + " 取代"));
    }

    @Test
    void aChangeFromAStaleReadIsRefusedAndChangesNothing() throws Exception {
        KnowledgeApi api = new KnowledgeApi(mvc);
        long id = api.draft("admin", "过时的读取", "第一版。", "");
        api.put("admin", "/api/v1/knowledge/" + id, "{\"title\":\"过时的读取\",\"answer\":\"第二版。\"}", "\"1\"")
                .andExpect(status().isOk());
        api.put("admin", "/api/v1/knowledge/" + id, "{\"title\":\"过时的读取\",\"answer\":\"第三版。\"}", "\"1\"")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("stale-version"));
        api.get("admin", "/api/v1/knowledge/" + id).andExpect(jsonPath("$.answer").value("第二版。"))
                .andExpect(jsonPath("$.version").value(2));
    }

    @Test
    void unitsDoNotUseTheKnowledgeBaseAndOperatorsDoNotWriteIt() throws Exception {
        KnowledgeApi api = new KnowledgeApi(mvc);
        api.post("zf-handler", "/api/v1/knowledge/suggest", "{\"content\":\"油烟\"}").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("knowledge-center-only"));
        api.get("zf-handler", "/api/v1/knowledge?q=油烟").andExpect(status().isForbidden());
        api.post("operator1", "/api/v1/knowledge", "{\"title\":\"t\",\"answer\":\"a\"}").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("knowledge-editors-only"));
        api.get("operator1", "/api/v1/knowledge?scope=ALL").andExpect(status().isForbidden());
    }

    @Test
    void badInputNamesItsFieldAndWritesNothing() throws Exception {
        KnowledgeApi api = new KnowledgeApi(mvc);
        long before = count();
        api.post("admin", "/api/v1/knowledge", "{\"title\":\" \",\"answer\":\"a\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("title"));
        api.post("admin", "/api/v1/knowledge", "{\"title\":\"t\",\"answer\":\"a\",\"unit\":\"no-such-unit\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("unit"));
        api.post("admin", "/api/v1/knowledge",
                "{\"title\":\"t\",\"answer\":\"a\",\"validFrom\":\"2027-01-02\",\"validTo\":\"2027-01-01\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("validTo"));
        api.post("admin", "/api/v1/knowledge", "{\"title\":\"t\",\"answer\":\"a\",\"keywords\":[\"好\",\"  \"]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("keywords[1]"));
        api.post("admin", "/api/v1/knowledge", "{\"title\":\"t\",\"answer\":\"a\",\"validFrom\":\"明天\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("validFrom"));
        api.post("operator1", "/api/v1/knowledge/suggest", "{\"content\":\"油烟\",\"limit\":11}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("limit"));
        api.get("admin", "/api/v1/knowledge/abc").andExpect(status().isNotFound());
        api.get("admin", "/api/v1/knowledge/-1").andExpect(status().isNotFound());
        api.anonymous("/api/v1/public/knowledge?page=-1").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"));
        assertThat(count()).isEqualTo(before);
    }

    private org.springframework.test.web.servlet.ResultActions suggested(KnowledgeApi api, String content)
            throws Exception {
        return api.post("operator1", "/api/v1/knowledge/suggest", "{\"content\":\"" + content + "\"}")
                .andExpect(status().isOk());
    }

    private String statusOf(long id) {
        return jdbc.sql("SELECT status FROM knowledge_entry WHERE id = :id").param("id", id).query(String.class)
                .single();
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM knowledge_entry").query(Long.class).single();
    }
}
