package org.hotline.webchannel.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotline.organization.Actor;
import org.hotline.support.HotlineIntegrationTest;
import org.hotline.support.Photos;
import org.hotline.workorder.Channel;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * 我要诉求 end to end through the pages (MockMvc): a code to the phone, the appeal with the code, the order on
 * channel WEB; and every way it refuses. Each test comes from a client address of its own, since the limits
 * count per address.
 */
@HotlineIntegrationTest
class CitizensFileAppealsOnTheWebTest {

    private static final AtomicInteger CLIENTS = new AtomicInteger(1);
    private static final Pattern CHALLENGE = Pattern.compile("/appeal\\?c=([0-9a-f-]{36})");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WorkOrderService orders;

    @Test
    void aConfirmedPhoneFilesAWebOrderDispatchedLikeAnyOther() throws Exception {
        Citizen c = new Citizen("13912340001");
        String challenge = c.askForCode();
        String code = c.codeFromTheNotificationLog(challenge);

        MvcResult filed = c.file(challenge, code, "东关街后巷路灯坏了一个多月，晚上很黑", Photos.jpeg(true)).andReturn();

        assertThat(filed.getResponse().getRedirectedUrl()).isEqualTo("/appeal/filed");
        String number = (String) filed.getFlashMap().get("number");
        WorkOrder order = orders.find(new OrderNumber(number), Actor.system());
        assertThat(order.channel()).isEqualTo(Channel.WEB);
        assertThat(order.citizen().phone()).isEqualTo("13912340001");
        assertThat(order.location().address()).isEqualTo("东昌府区古楼街道东关社区东关街后巷");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM work_order_attachment WHERE order_number = :n").param("n", number)
                .query(Integer.class).single()).isEqualTo(1);
        byte[] stored = jdbc.sql("SELECT data FROM work_order_attachment WHERE order_number = :n").param("n", number)
                .query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).as("the photo lost its GPS directory")
                .doesNotContain("GPS");

        String page = mvc.perform(get("/appeal/filed").session(c.session).flashAttr("number", number))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(number, "href=\"/cases\"");
    }

    @Test
    void theSameFormSentTwiceFilesOneOrder() throws Exception {
        Citizen c = new Citizen("13912340002");
        String challenge = c.askForCode();
        String code = c.codeFromTheNotificationLog(challenge);
        int before = webOrders();

        String first = (String) c.file(challenge, code, "小区门口下水道堵塞，污水外溢").andReturn().getFlashMap().get("number");
        String second = (String) c.file(challenge, code, "小区门口下水道堵塞，污水外溢").andReturn().getFlashMap().get("number");

        assertThat(second).isEqualTo(first);
        assertThat(webOrders()).isEqualTo(before + 1);
    }

    @Test
    void aWrongCodeCountsATryAndAfterFiveNoCodeWorks() throws Exception {
        Citizen c = new Citizen("13912340003");
        String challenge = c.askForCode();
        String code = c.codeFromTheNotificationLog(challenge);
        String wrong = code.equals("000000") ? "000001" : "000000";
        int before = webOrders();

        for (int i = 4; i >= 1; i--) {
            String page = c.file(challenge, wrong, "楼道灯不亮").andExpect(status().isBadRequest()).andReturn()
                    .getResponse().getContentAsString();
            assertThat(page).contains("验证码不正确", "还可尝试 " + i + " 次");
        }
        c.file(challenge, wrong, "楼道灯不亮").andExpect(status().isBadRequest());
        String page = c.file(challenge, code, "楼道灯不亮").andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString();

        assertThat(page).contains("验证码输入错误次数过多，请重新获取");
        assertThat(webOrders()).isEqualTo(before);
    }

    @Test
    void anExpiredCodeFilesNothing() throws Exception {
        Citizen c = new Citizen("13912340004");
        String challenge = c.askForCode();
        String code = c.codeFromTheNotificationLog(challenge);
        jdbc.sql("UPDATE web_appeal_challenge SET expires_at = issued_at WHERE id = :id").param("id", challenge).update();
        int before = webOrders();

        String page = c.file(challenge, code, "楼道灯不亮").andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString();

        assertThat(page).contains("验证码已过期，请重新获取");
        assertThat(webOrders()).isEqualTo(before);
    }

    @Test
    void aPhoneGetsFiveCodesAnHourAndNoMore() throws Exception {
        for (int i = 0; i < 5; i++) {
            new Citizen("13912340005").askForCode();
        }
        String page = new Citizen("13912340005").sendCode().andExpect(status().isTooManyRequests()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("该手机号获取验证码过于频繁");
    }

    @Test
    void aClientGetsTenCodesAnHourAndNoMore() throws Exception {
        Citizen c = new Citizen("13912340100");
        for (int i = 0; i < 10; i++) {
            c.phone = "1391234" + String.format("%04d", 200 + i);
            c.askForCode();
        }
        c.phone = "13912340299";
        String page = c.sendCode().andExpect(status().isTooManyRequests()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("获取验证码过于频繁");
    }

    @Test
    void codesGoOnlyToMobileNumbers() throws Exception {
        String page = new Citizen("0635-8888888").sendCode().andExpect(status().isBadRequest()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("请填写 11 位手机号码");
    }

    @Test
    void aFileThatIsNotAPhotoByItsBytesIsRefusedAndFilesNothing() throws Exception {
        Citizen c = new Citizen("13912340006");
        String challenge = c.askForCode();
        String code = c.codeFromTheNotificationLog(challenge);
        int before = webOrders();

        String page = c.file(challenge, code, "楼道灯不亮", "<html><script>alert(1)</script></html>"
                .getBytes(StandardCharsets.UTF_8)).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString();

        assertThat(page).contains("文件内容不是照片或 PDF");
        assertThat(webOrders()).isEqualTo(before);
    }

    @Test
    void whatTheCitizenTypedIsShownBackEscaped() throws Exception {
        Citizen c = new Citizen("13912340007");
        String challenge = c.askForCode();

        String page = c.file(challenge, "12345", "<script>alert('x')</script>路灯坏了")
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;路灯坏了")
                .doesNotContain("<script>alert");
    }

    @Test
    void tooManyFailedSubmissionsFromOneClientAreRefusedWithoutLooking() throws Exception {
        Citizen c = new Citizen("13912340008");
        String challenge = c.askForCode();
        for (int i = 0; i < 20; i++) {
            c.file(challenge, "12345", "路灯坏了").andExpect(status().isBadRequest());
        }
        String page = c.file(challenge, "12345", "路灯坏了").andExpect(status().isTooManyRequests()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("提交失败次数过多");
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/appeal/code").param("phone", "13912340009")).andExpect(status().isForbidden());
    }

    @Test
    void thePagesAreOpenToAnyoneAndLinkToTheCaseLookup() throws Exception {
        String page = mvc.perform(get("/appeal")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("我要诉求", "获取验证码", "href=\"/cases\"");
    }

    private int webOrders() {
        return jdbc.sql("SELECT COUNT(*) FROM work_order WHERE channel = 'WEB'").query(Integer.class).single();
    }

    /** One citizen with one browser session, from a client address of their own. */
    private final class Citizen {

        final MockHttpSession session = new MockHttpSession();
        final String address = "10.15.0." + CLIENTS.getAndIncrement();
        String phone;

        Citizen(String phone) {
            this.phone = phone;
        }

        org.springframework.test.web.servlet.ResultActions sendCode() throws Exception {
            return mvc.perform(post("/appeal/code").session(session).with(csrf()).param("phone", phone)
                    .with(r -> {
                        r.setRemoteAddr(address);
                        return r;
                    }));
        }

        String askForCode() throws Exception {
            String target = sendCode().andExpect(status().is3xxRedirection()).andReturn().getResponse()
                    .getRedirectedUrl();
            Matcher m = CHALLENGE.matcher(target);
            assertThat(m.matches()).as(target).isTrue();
            return m.group(1);
        }

        /** What a tester does in the demo: read the code in the notification log. */
        String codeFromTheNotificationLog(String challenge) {
            String text = jdbc.sql("SELECT text FROM notification WHERE dedupe_key = :k").param("k", "CODE:" + challenge)
                    .query(String.class).single();
            Matcher m = Pattern.compile("验证码为 (\\d{6})").matcher(text);
            assertThat(m.find()).isTrue();
            return m.group(1);
        }

        org.springframework.test.web.servlet.ResultActions file(String challenge, String code, String content,
                byte[]... photos) throws Exception {
            MockMultipartHttpServletRequestBuilder request = multipart("/appeal");
            for (byte[] p : photos) {
                request.file(new MockMultipartFile("photos", "IMG_0001.jpg", "image/jpeg", p));
            }
            return mvc.perform(request.session(session).with(csrf()).param("challenge", challenge).param("code", code)
                    .param("appealType", "HELP_REQUEST").param("content", content).param("district", "东昌府区")
                    .param("street", "古楼街道").param("community", "东关社区").param("detail", "东关街后巷")
                    .with(r -> {
                        r.setRemoteAddr(address);
                        return r;
                    }));
        }
    }
}
