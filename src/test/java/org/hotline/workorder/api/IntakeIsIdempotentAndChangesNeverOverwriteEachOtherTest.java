package org.hotline.workorder.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.jayway.jsonpath.JsonPath;

/** No acknowledged order is lost or duplicated, and two users acting at once never overwrite each other. */
@HotlineIntegrationTest
class IntakeIsIdempotentAndChangesNeverOverwriteEachOtherTest {

    private static final String BODY = """
            {"channel":"APP","appealType":"HELP_REQUEST","citizen":{"name":"李女士","phone":"13600001111"},
             "content":"小区门口的公交站牌被撞倒了"}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    private MvcResult intake(String key, String body) throws Exception {
        return mvc.perform(post("/api/v1/orders").with(httpBasic("operator1", Api.PASSWORD))
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheSameOrderBack() throws Exception {
        String key = UUID.randomUUID().toString();
        MvcResult first = intake(key, BODY);
        MvcResult retry = intake(key, BODY);
        assertThat(first.getResponse().getStatus()).isEqualTo(201);
        assertThat(retry.getResponse().getStatus()).isEqualTo(200);
        String number = JsonPath.read(first.getResponse().getContentAsString(), "$.number");
        assertThat((String) JsonPath.read(retry.getResponse().getContentAsString(), "$.number")).isEqualTo(number);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_key WHERE idem_key = ?", Integer.class, key))
                .isEqualTo(1);
    }

    @Test
    void concurrentRetriesWithOneKeyCreateOneOrder() throws Exception {
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<MvcResult>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(pool.submit(() -> {
                start.await();
                return intake(key, BODY);
            }));
        }
        start.countDown();
        List<String> numbers = new ArrayList<>();
        for (Future<MvcResult> call : calls) {
            MvcResult r = call.get();
            assertThat(r.getResponse().getStatus()).isIn(200, 201);
            numbers.add(JsonPath.read(r.getResponse().getContentAsString(), "$.number"));
        }
        pool.shutdown();
        assertThat(numbers).containsOnly(numbers.get(0));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM work_order o JOIN idempotency_key k"
                + " ON k.order_number = o.number WHERE k.idem_key = ?", Integer.class, key)).isEqualTo(1);
    }

    @Test
    void aRetryDrawsNoOrderNumberSoFiftyRetriesLeaveNoGap() throws Exception {
        String key = UUID.randomUUID().toString();
        String first = JsonPath.read(intake(key, BODY).getResponse().getContentAsString(), "$.number");
        for (int retry = 0; retry < 50; retry++) {
            MvcResult replayed = intake(key, BODY);
            assertThat(replayed.getResponse().getStatus()).isEqualTo(200);
            assertThat((String) JsonPath.read(replayed.getResponse().getContentAsString(), "$.number")).isEqualTo(first);
        }

        String next = JsonPath.read(intake(UUID.randomUUID().toString(), BODY).getResponse().getContentAsString(),
                "$.number");
        assertThat(sequence(next)).as("the next order after %s", first).isEqualTo(sequence(first) + 1);
    }

    private static long sequence(String number) {
        return Long.parseLong(number.substring(number.indexOf('-') + 1));
    }

    @Test
    void theSameKeyWithADifferentRequestIsRefused() throws Exception {
        String key = UUID.randomUUID().toString();
        intake(key, BODY);
        MvcResult other = intake(key, BODY.replace("公交站牌", "路灯"));
        assertThat(other.getResponse().getStatus()).isEqualTo(409);
        assertThat(other.getResponse().getContentAsString()).contains("idempotency-key-reused");
    }

    @Test
    void aChangeBasedOnAStaleVersionIsAConflictAndChangesNothing() throws Exception {
        Api api = new Api(mvc);
        String n = api.dispatched("垃圾清运不及时", "dcf-zhzfj");
        String etag = api.get("zf-handler", "/api/v1/orders/" + n).andExpect(header().exists(HttpHeaders.ETAG))
                .andReturn().getResponse().getHeader(HttpHeaders.ETAG);

        // The supervisor urges the order first; the handler's view is now one version behind.
        api.post("supervisor1", "/api/v1/orders/" + n + "/supervision", "{\"reason\":\"请尽快签收\"}")
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/orders/" + n + "/acknowledge").with(httpBasic("zf-handler", Api.PASSWORD))
                        .header(HttpHeaders.IF_MATCH, etag))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("stale-version"));
        assertThat(jdbc.queryForObject("SELECT status FROM work_order WHERE number = ?", String.class, n))
                .isEqualTo("DISPATCHED");

        String fresh = api.get("zf-handler", "/api/v1/orders/" + n).andReturn().getResponse()
                .getHeader(HttpHeaders.ETAG);
        mvc.perform(post("/api/v1/orders/" + n + "/acknowledge").with(httpBasic("zf-handler", Api.PASSWORD))
                        .header(HttpHeaders.IF_MATCH, fresh))
                .andExpect(status().isOk());
    }

    @Test
    void twoUsersActingAtOnceOneWinsTheOtherGetsAConflict() throws Exception {
        Api api = new Api(mvc);
        String n = api.dispatched("垃圾清运不及时", "dcf-zhzfj");
        String etag = api.get("supervisor1", "/api/v1/orders/" + n).andReturn().getResponse()
                .getHeader(HttpHeaders.ETAG);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> calls = new ArrayList<>();
        for (String user : List.of("supervisor1", "director1")) {
            calls.add(pool.submit(() -> {
                start.await();
                return mvc.perform(post("/api/v1/orders/" + n + "/supervision")
                        .with(httpBasic(user, Api.PASSWORD)).header(HttpHeaders.IF_MATCH, etag)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"" + user + " 督办\"}"))
                        .andReturn().getResponse().getStatus();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> c : calls) {
            statuses.add(c.get());
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(jdbc.queryForObject("SELECT supervision_count FROM work_order WHERE number = ?", Integer.class, n))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM work_order_history WHERE order_number = ?"
                + " AND action = 'SUPERVISE'", Integer.class, n)).isEqualTo(1);
    }
}
