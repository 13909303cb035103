package org.hotline.quality.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hotline.console.ConsoleSessions.signIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hotline.workorder.Citizen;
import org.hotline.workorder.WorkOrderService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * 一把手抽访 in the console: the market bureau's leader sees each day's drawn orders with the citizens' full
 * numbers, records the calls and signs them with one entry of the password; the service checks the password
 * before anything is written, and a row that does not add up is shown in its row, with nothing signed.
 */
@QualityIntegrationTest
class TheLeaderSignsTheDaysSampleOnThePageTest {

    /** Monday to Wednesday, 7 to 9 September 2026: each test works on a day of its own. */
    private static final LocalDate LOOKED_AT = LocalDate.parse("2026-09-07");
    private static final LocalDate SIGNED_WHOLE = LocalDate.parse("2026-09-08");
    private static final LocalDate SIGNED_IN_PART = LocalDate.parse("2026-09-09");

    private static final Map<LocalDate, List<String>> drawn = new java.util.HashMap<>();

    @Autowired
    MockMvc mvc;

    @Autowired
    WorkOrderService orders;

    @Autowired
    QualityLoop loop;

    @Autowired
    LeaderSamplingService sampling;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    QualityClock clock;

    @BeforeEach
    void theMarketBureauRepliedElevenOrdersOnEachDayAndTwoOfEachWereDrawn() {
        if (drawn.isEmpty()) {
            QualityDesk desk = new QualityDesk(orders, loop, jdbc);
            for (LocalDate day : List.of(LOOKED_AT, SIGNED_WHOLE, SIGNED_IN_PART)) {
                for (int i = 0; i < 11; i++) {
                    clock.set(day + "T" + String.format("%02d:%s", 9 + i / 2, i % 2 == 0 ? "10" : "40"));
                    desk.replied("超市卖的酸奶过期了还在货架上，第 " + (i + 1) + " 盒", new Citizen("孙女士", "1380635" + (1000 + i), false),
                            "东昌路 8 号超市", "08.02.01", QualityDesk.MARKET, "已责令超市下架过期酸奶并予以警告");
                }
                // the nightly draw, after midnight
                clock.set(day.plusDays(1) + "T00:30");
                sampling.draw(day);
            }
            for (LocalDate day : List.of(LOOKED_AT, SIGNED_WHOLE, SIGNED_IN_PART)) {
                drawn.put(day, sampling.samplesFor(QualityDesk.leader(QualityDesk.MARKET), null, day).stream()
                        .map(s -> s.order().value()).toList());
            }
        }
        // Thursday morning
        clock.set("2026-09-10T09:00");
    }

    private MockHttpServletRequestBuilder sign(LocalDate day, MockHttpSession session) {
        return post("/console/leader-samples/" + day + "/signature").session(session).with(csrf());
    }

    private static MockHttpServletRequestBuilder satisfied(MockHttpServletRequestBuilder request, String number) {
        return request.param("reached." + number, "true").param("resolved." + number, "true")
                .param("satisfaction." + number, "SATISFIED").param("comment." + number, "市民表示酸奶已下架");
    }

    private long signed(LocalDate day) {
        return jdbc.sql("SELECT COUNT(*) FROM leader_sample WHERE sample_day = :d AND unit_id = 'dcf-scjgj'"
                + " AND completed_at IS NOT NULL").param("d", day).query(Long.class).single();
    }

    @Test
    void theLeaderSeesEachDrawnOrderWithTheCitizensFullNumberAndAPasswordToSignWith() throws Exception {
        assertThat(drawn.get(LOOKED_AT)).hasSize(2);

        String page = mvc.perform(get("/console/leader-samples").session(signIn(mvc, "scj-leader")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("2026-09-07"), containsString("抽访 2 件"),
                        containsString("超期"), containsString("已责令超市下架过期酸奶并予以警告"))))
                .andReturn().getResponse().getContentAsString();
        for (String n : drawn.get(LOOKED_AT)) {
            assertThat(page).contains(n, "name=\"reached." + n + "\"");
        }
        assertThat(page).containsPattern("href=\"tel:1380635100\\d\"");
        assertThat(page).contains("<input type=\"password\" id=\"password-2026-09-07\" name=\"password\" autocomplete=\"off\"");
    }

    @Test
    void aWrongPasswordIsShownUnderThePasswordFieldAndSignsNothing() throws Exception {
        String first = drawn.get(LOOKED_AT).get(0);

        String page = mvc.perform(satisfied(sign(LOOKED_AT, signIn(mvc, "scj-leader")), first)
                        .param("password", "not-my-password"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("id=\"err-sign-password\">密码错误，签署未生效")))
                .andReturn().getResponse().getContentAsString();

        assertThat(page).as("what was recorded stays in the form").contains("市民表示酸奶已下架")
                .as("the password is never written back").doesNotContain("not-my-password");
        assertThat(signed(LOOKED_AT)).isZero();
    }

    @Test
    void aRowThatDoesNotAddUpIsShownInItsRowAndNothingOfTheDayIsSigned() throws Exception {
        List<String> numbers = drawn.get(LOOKED_AT);

        mvc.perform(satisfied(sign(LOOKED_AT, signIn(mvc, "scj-leader")), numbers.get(0))
                        .param("reached." + numbers.get(1), "true").param("password", "demo123"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString(
                        "id=\"err-" + numbers.get(1) + "-" + numbers.get(1) + ".resolved\">接通后必须填写是否已解决")));
        assertThat(signed(LOOKED_AT)).isZero();
    }

    @Test
    void theLeaderSignsTheDaysCallsWithOnePasswordAndTheDayIsThenReadOnly() throws Exception {
        List<String> numbers = drawn.get(SIGNED_WHOLE);
        MockHttpSession leader = signIn(mvc, "scj-leader");

        mvc.perform(satisfied(sign(SIGNED_WHOLE, leader), numbers.get(0))
                        .param("reached." + numbers.get(1), "false").param("comment." + numbers.get(1), "关机")
                        .param("password", "demo123"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/console/leader-samples"))
                .andExpect(flash().attribute("outcome", "已签署 2026-09-08 的 2 件抽访，签署时间 2026-09-10 09:00。"));

        assertThat(signed(SIGNED_WHOLE)).isEqualTo(2);
        String page = mvc.perform(get("/console/leader-samples").session(leader))
                .andReturn().getResponse().getContentAsString();
        String day = page.substring(page.indexOf("id=\"h-day-2026-09-08\""));
        day = day.substring(0, day.indexOf("</section>"));
        assertThat(day).contains("已于 2026-09-10 09:00 签署", "已解决，满意", "未接通", "关机")
                .doesNotContain("type=\"password\"", "name=\"reached.");
    }

    @Test
    void aCallLeftBlankStaysOpenForALaterSignature() throws Exception {
        List<String> numbers = drawn.get(SIGNED_IN_PART);

        mvc.perform(satisfied(sign(SIGNED_IN_PART, signIn(mvc, "scj-leader")), numbers.get(0)).param("password", "demo123"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("outcome",
                        "已签署 2026-09-09 的 1 件抽访，签署时间 2026-09-10 09:00。本日还有 1 件未签署。"));
        assertThat(signed(SIGNED_IN_PART)).isEqualTo(1);
    }

    @Test
    void onlyTheUnitsLeaderSignsAndAnotherUnitNeverSeesTheSample() throws Exception {
        List<String> numbers = drawn.get(LOOKED_AT);

        mvc.perform(get("/console/leader-samples").session(signIn(mvc, "scj-handler")).accept(MediaType.TEXT_HTML))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("只有单位主要负责人和中心人员可以查看一把手抽访")));
        mvc.perform(get("/console/leader-samples").session(signIn(mvc, "zf-leader")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(not(containsString(numbers.get(0))), not(containsString("13806351")))));
        mvc.perform(satisfied(sign(LOOKED_AT, signIn(mvc, "zf-leader")), numbers.get(0)).param("password", "demo123")
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isBadRequest());
        assertThat(signed(LOOKED_AT)).isZero();
    }

    @Test
    void theCenterLooksAtAUnitsSamplesByNamingItAndIsNotOfferedTheSignature() throws Exception {
        MockHttpSession director = signIn(mvc, "director1");

        mvc.perform(get("/console/leader-samples").session(director))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("中心人员查看抽访须指定单位"),
                        containsString("id=\"f-unit\""))));
        List<String> seen = new ArrayList<>(drawn.get(LOOKED_AT));
        String page = mvc.perform(get("/console/leader-samples").param("unit", "dcf-scjgj").session(director))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(seen.get(0), seen.get(1)).doesNotContain("type=\"password\"");
    }

    @Test
    void aSignatureWithoutItsCsrfTokenIsRefused() throws Exception {
        String first = drawn.get(LOOKED_AT).get(0);

        mvc.perform(satisfied(post("/console/leader-samples/" + LOOKED_AT + "/signature")
                        .session(signIn(mvc, "scj-leader")), first).param("password", "demo123")
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isForbidden());
        assertThat(signed(LOOKED_AT)).isZero();
    }
}
