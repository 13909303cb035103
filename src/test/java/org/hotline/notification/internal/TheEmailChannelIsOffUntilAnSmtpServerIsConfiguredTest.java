package org.hotline.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.hotline.notification.Medium;
import org.hotline.notification.Notification;
import org.hotline.notification.Notifications;
import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * E-mail is off by default: the log notifier stays the e-mail medium's, and a citizen's address is not written to.
 * Switched on, the SMTP server and the sender must be named or the application does not start, and the connection is
 * encrypted unless the operator says otherwise: STARTTLS required by default, SSL from the first byte on request.
 */
@HotlineIntegrationTest
class TheEmailChannelIsOffUntilAnSmtpServerIsConfiguredTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Notifications notifications;

    @Test
    void withTheEmailChannelOffTheLogStaysTheDefaultAndNoMailIsQueued() throws Exception {
        assertThat(notifications.notifierFor(Medium.EMAIL)).isEqualTo("log");
        String issued = mvc.perform(post("/api/v1/admin/open311/keys").with(httpBasic("admin", "demo123"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"邮件关闭-" + UUID.randomUUID() + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String body = mvc.perform(post("/open311/v2/requests.json").param("api_key", (String) JsonPath.read(issued,
                                "$.apiKey")).param("service_code", "09.05.01").param("address_string", "柳园街道振兴路")
                        .param("description", "振兴路路灯不亮已经一周了").param("phone", "13812345601")
                        .param("email", "wang.wu@example.cn"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String number = JsonPath.read(body, "$[0].service_request_id");

        // the text message is queued; no mail beside it
        await().atMost(Duration.ofSeconds(10)).until(() -> !notifications.about(number).isEmpty());
        assertThat(notifications.about(number)).extracting(Notification::medium).containsOnly(Medium.SMS);
    }

    @Test
    void anEnabledEmailChannelNeedsAServerAndASender() {
        assertThatThrownBy(() -> properties(true, null, EmailProperties.Security.STARTTLS, "12345@hotline.test"))
                .hasMessageContaining("hotline.notification.email.host");
        assertThatThrownBy(() -> properties(true, "smtp.example.cn", EmailProperties.Security.STARTTLS, null))
                .hasMessageContaining("hotline.notification.email.from");
        assertThat(properties(false, null, EmailProperties.Security.STARTTLS, null).enabled()).isFalse();
    }

    @Test
    void theConnectionIsEncryptedUnlessTheOperatorSaysOtherwise() {
        var startTls = new SmtpEmailNotifier(properties(true, "smtp.example.cn", EmailProperties.Security.STARTTLS,
                "12345@hotline.test")).settings();
        assertThat(startTls).containsEntry("mail.smtp.starttls.enable", "true")
                .containsEntry("mail.smtp.starttls.required", "true").containsEntry("mail.smtp.auth", "true")
                .containsEntry("mail.smtp.timeout", "10000");
        var ssl = new SmtpEmailNotifier(properties(true, "smtp.example.cn", EmailProperties.Security.SSL,
                "12345@hotline.test")).settings();
        assertThat(ssl).containsEntry("mail.smtps.auth", "true").containsEntry("mail.smtps.ssl.checkserveridentity",
                "true").doesNotContainKey("mail.smtp.starttls.enable");
    }

    private static EmailProperties properties(boolean enabled, String host, EmailProperties.Security security,
            String from) {
        return new EmailProperties(enabled, host, 587, security, "12345@hotline.test", "secret", from, "12345 市民热线",
                Duration.ofSeconds(10));
    }
}
