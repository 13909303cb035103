package org.hotline.dispatch.internal.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.dispatch.internal.learning.LearningFixture.eventually;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.hotline.dispatch.LabelKind;
import org.hotline.dispatch.internal.learning.ModelVersions.MetricMethod;
import org.hotline.dispatch.internal.learning.ModelVersions.NewVersion;
import org.hotline.dispatch.internal.model.FeatureSettings;
import org.hotline.dispatch.internal.model.LinearTextModel;
import org.hotline.dispatch.internal.model.ModelFiles;
import org.hotline.dispatch.internal.model.Trainer;
import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * Orders taken while no model was served wait in the manual queue without suggestions; when a model version
 * is served they get its advice, in the background, and stay for a dispatcher to dispatch even where the new
 * model is confident (ManualQueueAdvice). With automatic dispatch on, as a center runs it.
 */
@HotlineIntegrationTest
// Its own database, no model at the start: the state of a fresh install while its first model trains. The test's
// small uncalibrated models answer with about 0.5: a threshold below that makes their answers confident.
@TestPropertySource(properties = { "hotline.dispatch.automatic=true", "hotline.dispatch.train-at-first-start=false",
        "hotline.dispatch.auto-threshold=0.40",
        "spring.datasource.url=jdbc:h2:mem:hotline-readvice;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1" })
class QueuedOrdersGetTheAdviceOfANewlyServedModelTest {

    private static final String STREET_LIGHT = "柳园路的路灯这几天都不亮，晚上走路很危险。";
    private static final String OUTAGE = "北城社区从中午开始停电，没有接到任何通知。";

    @Autowired
    MockMvc mvc;
    @Autowired
    ModelRegistry registry;
    @Autowired
    ModelVersions versions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;

    @Test
    void anOrderTakenBeforeTheFirstModelGetsItsSuggestionsAndWaitsForADispatcher() throws Exception {
        // what an instance sees while its first model trains: none is active
        jdbc.sql("UPDATE dispatch_model SET active = NULL").update();
        registry.refresh();
        assertThat(registry.active()).isEmpty();
        String light = register(STREET_LIGHT, "柳园街道柳园路");
        String outage = register(OUTAGE, "北城街道北城社区");
        for (String n : List.of(light, outage)) {
            assertThat(statusOf(n)).isEqualTo("REGISTERED");
            assertThat(record(n).get("model_version")).isNull();
            assertThat(record(n).get("suggestions")).isEqualTo("[]");
        }

        int v = store("09", "13.02");
        registry.activate(v);

        eventually("the queued orders' advice renewed", Duration.ofMinutes(1),
                () -> List.of(light, outage).stream().allMatch(n -> String.valueOf(v).equals(record(n).get("model_version"))));
        Map<String, Object> renewed = record(light);
        assertThat((String) renewed.get("suggestions")).contains("09.05");
        assertThat((String) renewed.get("top3")).contains("09.05");
        assertThat(renewed.get("readvised_at")).isNotNull();
        assertThat(renewed.get("decided_at")).as("the intake's decision time stays").isNotNull();
        // confident now, yet not dispatched: the order is in a dispatcher's queue, and the record says why (the
        // confidence it names is the decision's, the unit's)
        assertThat(((Number) renewed.get("unit_confidence")).doubleValue()).isGreaterThanOrEqualTo(0.40);
        assertThat(renewed.get("automatic")).isEqualTo(false);
        assertThat((String) renewed.get("manual_reason")).isEqualTo(String.format(java.util.Locale.ROOT,
                "模型版本 %d 启用后重新给出建议（置信度 %.2f）；工单受理后已在待派单队列中，不再自动派单，由派单员确认", v,
                ((Number) renewed.get("unit_confidence")).doubleValue()));
        assertThat(statusOf(light)).isEqualTo("REGISTERED");
        assertThat(statusOf(outage)).isEqualTo("REGISTERED");

        // the dispatcher's queue shows the suggestions and when they were renewed
        String queue = mvc.perform(get("/api/v1/dispatch/queue?size=200").with(httpBasic("dispatcher1", "demo123")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String item = "$.items[?(@.number == '" + light + "')].advice";
        assertThat((List<String>) JsonPath.read(queue, item + ".modelVersion")).containsExactly(String.valueOf(v));
        assertThat((List<String>) JsonPath.read(queue, item + ".suggestions[0].category.code")).singleElement()
                .asString().startsWith("09.05");
        assertThat((List<String>) JsonPath.read(queue, item + ".readvisedAt")).singleElement().asString()
                .endsWith("+08:00");

        // a new order is decided by the model at intake, and dispatched when confident, as always
        String later = register(STREET_LIGHT, "柳园街道柳园路");
        assertThat(statusOf(later)).isEqualTo("DISPATCHED");
        assertThat(record(later).get("readvised_at")).isNull();
    }

    @Test
    void aServedVersionRenewsOnlyWhatItHasNotAdvisedYet() throws Exception {
        int v = store("09", "13.02");
        registry.activate(v);
        // a routing rule keeps this one for a person however sure the model is: it stays in the queue
        String older = register("北城社区从中午开始停电，家里老人说不想活了。", "北城街道北城社区");
        String newer = register("花园路的路灯坏了好几盏，晚上一片漆黑。", "新区街道花园路");
        eventually("both advised by the served version", Duration.ofMinutes(1),
                () -> List.of(older, newer).stream().allMatch(n -> String.valueOf(v).equals(record(n).get("model_version"))));

        // another instance serving the same version later: what this version advised is left as it is
        OffsetDateTime mark = OffsetDateTime.of(2001, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        jdbc.sql("UPDATE dispatch_record SET readvised_at = :mark WHERE order_number = :n").param("mark", mark)
                .param("n", newer).update();
        jdbc.sql("UPDATE dispatch_record SET model_version = NULL, readvised_at = NULL WHERE order_number = :n")
                .param("n", older).update();
        events.publishEvent(new ModelServed(v));

        // the pass goes newest first: once the older order is renewed, the newer one has been looked at
        eventually("the order without this version's advice renewed", Duration.ofMinutes(1),
                () -> String.valueOf(v).equals(record(older).get("model_version")));
        assertThat(readvisedAt(newer)).isEqualTo(mark.toInstant());
        assertThat(readvisedAt(older)).isAfter(mark.toInstant());
    }

    private String register(String content, String address) throws Exception {
        String body = mvc.perform(post("/api/v1/orders").with(httpBasic("operator1", "demo123"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"channel":"PHONE","appealType":"HELP_REQUEST","citizen":{"name":"严女士","phone":"13912340000"},
                         "content":"%s","location":{"address":"%s"}}""".formatted(content, address)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.number");
    }

    private String statusOf(String number) {
        return jdbc.sql("SELECT status FROM work_order WHERE number = :n").param("n", number).query(String.class)
                .single();
    }

    private Map<String, Object> record(String number) {
        return jdbc.sql("SELECT * FROM dispatch_record WHERE order_number = :n").param("n", number).query().singleRow();
    }

    private Instant readvisedAt(String number) {
        OffsetDateTime t = jdbc.sql("SELECT readvised_at FROM dispatch_record WHERE order_number = :n")
                .param("n", number).query(OffsetDateTime.class).single();
        return Objects.requireNonNull(t).toInstant();
    }

    private int store(String... labelPrefixes) {
        LinearTextModel model = new Trainer(FeatureSettings.defaults(), 0)
                .train(LearningFixture.demoExamples(labelPrefixes));
        return versions.add(new NewVersion("test", LabelKind.CATEGORY, 100, model.labels().length, 0,
                "readvice test", MetricMethod.NONE, null, null, 1, ModelFiles.settingsJson(model.settings()),
                ModelFiles.write(model)), Instant.now());
    }
}
