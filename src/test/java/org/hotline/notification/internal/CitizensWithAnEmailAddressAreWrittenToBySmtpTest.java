package org.hotline.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.hotline.notification.Medium;
import org.hotline.notification.Notification;
import org.hotline.notification.NotificationKind;
import org.hotline.notification.NotificationStatus;
import org.hotline.notification.Notifications;
import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.jayway.jsonpath.JsonPath;

/**
 * With the e-mail channel on, a citizen who gave an e-mail address (Open311's {@code email}) is written to by
 * e-mail, through a real SMTP conversation with a mail server (GreenMail, in this JVM): the subject and the body in
 * Chinese arrive as the citizen reads them, encoded as mail must be; the sender signs in with the configured
 * account. A mail server that is down is a failed try that the outbox retries, and the mail goes out once it is
 * back.
 */
@HotlineIntegrationTest
@TestPropertySource(properties = {
        "hotline.notification.email.enabled=true",
        "hotline.notification.email.host=127.0.0.1",
        "hotline.notification.email.security=NONE",
        "hotline.notification.email.username=12345@hotline.test",
        "hotline.notification.email.password=mail-secret",
        "hotline.notification.email.from=12345@hotline.test",
        "hotline.notification.email.timeout=PT5S",
        // the test waits for the retry, not a minute
        "hotline.notification.retry.first=PT0.2S" })
class CitizensWithAnEmailAddressAreWrittenToBySmtpTest {

    private static final int PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1",
            ServerSetup.PROTOCOL_SMTP)).withConfiguration(GreenMailConfiguration.aConfig()
                    .withUser("12345@hotline.test", "12345@hotline.test", "mail-secret"))
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("hotline.notification.email.port", () -> PORT);
    }

    @Autowired
    MockMvc mvc;
    private String key;
    @Autowired
    Notifications notifications;

    @Test
    void anOpen311CitizenWithAnEmailAddressGetsTheNoticeByMailInReadableChinese() throws Exception {
        String address = "zhang.san." + UUID.randomUUID().toString().substring(0, 6) + "@example.cn";
        String number = file(address);
        await().atMost(Duration.ofSeconds(10)).until(() -> email(number) != null);
        assertThat(notifications.notifierFor(Medium.EMAIL)).isEqualTo("smtp");

        notifications.deliverDue();

        MimeMessage mail = receivedBy(address);
        assertThat(mail.getSubject()).isEqualTo("12345 市民热线：受理告知（工单 " + number + "）");
        assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("12345 市民热线");
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("12345@hotline.test");
        assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactly(address);
        assertThat(mail.getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("charset=UTF-8");
        String body = ((String) mail.getContent()).replace("\r\n", "\n");
        assertThat(body).contains("您向 12345 市民热线提交的诉求已受理，工单编号 " + number + "。")
                .contains("办理进度和答复内容可在您提交诉求所用的应用中查看")
                .doesNotContain("手机号后 4 位").doesNotContain("窨井盖").doesNotContain("张");
        // on the wire: headers in ASCII (RFC 2047), the body declared UTF-8 and transfer-encoded
        String raw = GreenMailUtil.getWholeMessage(mail);
        String headers = raw.substring(0, raw.indexOf("\r\n\r\n"));
        assertThat(headers).containsPattern("Subject: =\\?UTF-8\\?[BQ]\\?");
        assertThat(headers.chars().allMatch(c -> c < 128)).as("the headers are ASCII").isTrue();
        assertThat(headers).containsPattern("Content-Transfer-Encoding: (base64|quoted-printable)");

        Notification sent = email(number);
        assertThat(sent.status()).isEqualTo(NotificationStatus.SENT);
        assertThat(sent.deliveredBy()).isEqualTo("smtp");
        assertThat(sent.maskedRecipient()).startsWith("zha***@").doesNotContain("zhang.san");
    }

    @Test
    void aMailServerThatIsDownIsRetriedByTheOutboxUntilTheMailGoesOut() throws Exception {
        String address = "li.si." + UUID.randomUUID().toString().substring(0, 6) + "@example.cn";
        MAIL.stop();
        String number;
        try {
            number = file(address);
            await().atMost(Duration.ofSeconds(10)).until(() -> email(number) != null);
            notifications.deliverDue();
            Notification failed = email(number);
            assertThat(failed.status()).isEqualTo(NotificationStatus.PENDING);
            assertThat(failed.attempts()).isEqualTo(1);
            assertThat(failed.lastError()).isNotBlank();
        } finally {
            MAIL.start();
        }
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            notifications.deliverDue();
            return email(number).status() == NotificationStatus.SENT;
        });
        assertThat(email(number).attempts()).isEqualTo(2);
        assertThat(receivedBy(address).getSubject()).contains(number);
    }

    /** Files an Open311 request with the citizen's e-mail address and no phone; returns its order number. */
    private String file(String address) throws Exception {
        if (key == null) {
            String issued = mvc.perform(post("/api/v1/admin/open311/keys").with(httpBasic("admin", "demo123"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"name\":\"邮件测试客户端-" + UUID.randomUUID() + "\"}"))
                    .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            key = JsonPath.read(issued, "$.apiKey");
        }
        String body = mvc.perform(post("/open311/v2/requests.json").param("api_key", key)
                        .param("service_code", "09.05.01").param("address_string", "柳园街道振兴路")
                        .param("description", "振兴路人行道上的窨井盖缺了一块，晚上看不清容易踩空")
                        .param("first_name", "张三").param("email", address))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return JsonPath.read(body, "$[0].service_request_id");
    }

    private Notification email(String number) {
        return notifications.about(number).stream()
                .filter(n -> n.medium() == Medium.EMAIL && n.kind() == NotificationKind.REGISTERED).findFirst()
                .orElse(null);
    }

    private MimeMessage receivedBy(String address) {
        await().atMost(Duration.ofSeconds(10)).until(() -> Arrays.stream(MAIL.getReceivedMessages())
                .anyMatch(m -> to(m).contains(address)));
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> to(m).contains(address)).findFirst()
                .orElseThrow();
    }

    private static List<String> to(MimeMessage m) {
        try {
            return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
