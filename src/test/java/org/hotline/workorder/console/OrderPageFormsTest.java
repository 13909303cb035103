package org.hotline.workorder.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hotline.console.ConsoleSessions.signIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.hotline.support.HotlineIntegrationTest;
import org.hotline.support.Photos;
import org.hotline.workorder.Citizen;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.OrderStatus;
import org.hotline.workorder.ReplyOutcome;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The order page's forms call the same service as the REST API, with the same checks: a stale page gets a clear
 * conflict, bad input its message next to the field, a rule's refusal its reason; and the page offers each person
 * only what they may do.
 */
@HotlineIntegrationTest
class OrderPageFormsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    WorkOrderService service;

    private ConsoleOrders orders() {
        return new ConsoleOrders(service);
    }

    private static final Citizen CITIZEN = new Citizen("赵大爷", "13306357007", false);

    @Test
    void eachPersonIsOfferedOnlyTheActionsTheOrderAllowsThem() throws Exception {
        OrderNumber n = orders().dispatched("小巷积水", CITIZEN);
        String page = "/console/orders/" + n.value();

        mvc.perform(get(page).session(signIn(mvc, "zf-handler")))
                .andExpect(content().string(containsString("data-action=\"ACKNOWLEDGE\"")))
                .andExpect(content().string(containsString("data-action=\"REQUEST_RETURN\"")))
                .andExpect(content().string(not(containsString("data-action=\"SUPERVISE\""))));
        mvc.perform(get(page).session(signIn(mvc, "gulou-handler")))
                .andExpect(content().string(containsString("data-action=\"CO_UNIT_ACKNOWLEDGE\"")))
                .andExpect(content().string(not(containsString("data-action=\"REQUEST_RETURN\""))))
                .andExpect(content().string(not(containsString("data-action=\"ACKNOWLEDGE\""))));
        mvc.perform(get(page).session(signIn(mvc, "supervisor1")))
                .andExpect(content().string(containsString("data-action=\"SUPERVISE\"")))
                .andExpect(content().string(not(containsString("data-action=\"ACKNOWLEDGE\""))));
        mvc.perform(get(page).session(signIn(mvc, "admin")))
                .andExpect(content().string(containsString("当前没有您可以办理的操作")));
    }

    @Test
    void closingIsOfferedOnlyAsTheDirectorsOverrideWithAReason() throws Exception {
        OrderNumber n = orders().underway("小巷积水", CITIZEN);
        service.reply(n, new WorkOrder.ReplyContent(ReplyOutcome.RESOLVED, "已疏通", null, null, true),
                ConsoleOrders.handler("zf-handler", ConsoleOrders.ENFORCEMENT), null);
        String page = "/console/orders/" + n.value();

        for (String other : new String[] { "reviewer1", "supervisor1", "dispatcher1" }) {
            mvc.perform(get(page).session(signIn(mvc, other)))
                    .andExpect(content().string(not(containsString("data-action=\"OVERRIDE_CLOSE\""))))
                    .andExpect(content().string(not(containsString("data-action=\"CLOSE\""))));
        }
        MockHttpSession director = signIn(mvc, "director1");
        mvc.perform(get(page).session(director))
                .andExpect(content().string(containsString("data-action=\"OVERRIDE_CLOSE\"")));
        mvc.perform(post(page + "/close").session(director).with(csrf()).param("reason", " "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"err-OVERRIDE_CLOSE-reason\">")));
        assertThat(service.find(n, ConsoleOrders.SUPERVISOR).status()).isEqualTo(OrderStatus.REPLIED);

        mvc.perform(post(page + "/close").session(director).with(csrf()).param("reason", "市民来电撤回诉求"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("notice", "order.done.override-close"));
        assertThat(service.find(n, ConsoleOrders.SUPERVISOR).status()).isEqualTo(OrderStatus.CLOSED);
        mvc.perform(get(page).session(director))
                .andExpect(content().string(containsString("主任决定办结")))
                .andExpect(content().string(containsString("市民来电撤回诉求")));
    }

    @Test
    void theSupervisorsDirectCloseIsRefusedWithTheRulesReason() throws Exception {
        OrderNumber n = orders().underway("小巷积水", CITIZEN);
        service.reply(n, new WorkOrder.ReplyContent(ReplyOutcome.RESOLVED, "已疏通", null, null, true),
                ConsoleOrders.handler("zf-handler", ConsoleOrders.ENFORCEMENT), null);

        mvc.perform(post("/console/orders/" + n.value() + "/close").session(signIn(mvc, "supervisor1")).with(csrf())
                        .param("reason", "已解决"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("只有中心主任可以说明理由后决定办结")));
        assertThat(service.find(n, ConsoleOrders.SUPERVISOR).status()).isEqualTo(OrderStatus.REPLIED);
    }

    @Test
    void aFormWithAControlCharacterIsRefusedAtTheEdgeAndChangesNothing() throws Exception {
        OrderNumber n = orders().dispatched("小巷积水", CITIZEN);

        mvc.perform(post("/console/orders/" + n.value() + "/supervision").session(signIn(mvc, "supervisor1"))
                        .with(csrf()).accept(MediaType.TEXT_HTML).param("reason", "请尽快\u0000疏通"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("请求有误")))
                .andExpect(content().string(containsString("reason: 含有不允许的控制字符（U+0000）")));
        assertThat(service.find(n, ConsoleOrders.SUPERVISOR).supervision().count()).isZero();
    }

    @Test
    void anActionPostsRedirectsAndSaysWhatItDid() throws Exception {
        OrderNumber n = orders().dispatched("小巷积水", CITIZEN);
        long version = service.find(n, ConsoleOrders.SUPERVISOR).version();

        mvc.perform(post("/console/orders/" + n.value() + "/supervision").session(signIn(mvc, "supervisor1"))
                        .with(csrf()).param("version", String.valueOf(version)).param("reason", "请尽快疏通"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/console/orders/" + n.value()))
                .andExpect(flash().attribute("notice", "order.done.supervise"));

        assertThat(service.find(n, ConsoleOrders.SUPERVISOR).supervision().count()).isEqualTo(1);
    }

    @Test
    void aPageLeftOpenWhileSomeoneElseActedGetsAClearConflict() throws Exception {
        OrderNumber n = orders().dispatched("小巷积水", CITIZEN);
        long seen = service.find(n, ConsoleOrders.SUPERVISOR).version();
        service.supervise(n, "第一次督办", ConsoleOrders.SUPERVISOR, null);

        mvc.perform(post("/console/orders/" + n.value() + "/supervision").session(signIn(mvc, "supervisor1"))
                        .with(csrf()).param("version", String.valueOf(seen)).param("reason", "第二次督办"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("工单已被其他用户修改")))
                .andExpect(content().string(containsString("第二次督办")));

        assertThat(service.find(n, ConsoleOrders.SUPERVISOR).supervision().count()).isEqualTo(1);
    }

    @Test
    void badInputIsShownNextToItsFieldAndChangesNothing() throws Exception {
        OrderNumber n = orders().underway("小巷积水", CITIZEN);
        MockHttpSession handler = signIn(mvc, "zf-handler");

        mvc.perform(post("/console/orders/" + n.value() + "/extension-request").session(handler).with(csrf())
                        .param("workingDays", "三天").param("reason", "需协调"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"err-REQUEST_EXTENSION-workingDays\">请填写整数")));
        mvc.perform(post("/console/orders/" + n.value() + "/extension-request").session(handler).with(csrf())
                        .param("workingDays", "3").param("reason", " "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"err-REQUEST_EXTENSION-reason\">必须说明理由")));

        assertThat(service.find(n, ConsoleOrders.SUPERVISOR).extension().pendingDays()).isZero();
    }

    @Test
    void aRuleThatRefusesShowsItsReason() throws Exception {
        OrderNumber n = orders().underway("小巷积水", CITIZEN);

        mvc.perform(post("/console/orders/" + n.value() + "/extension-request").session(signIn(mvc, "zf-handler"))
                        .with(csrf()).param("workingDays", "11").param("reason", "需协调"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("延期累计不得超过 10 个工作日")));
        mvc.perform(post("/console/orders/" + n.value() + "/co-units").session(signIn(mvc, "zf-handler"))
                        .with(csrf()).param("unit", "dcf-gulou"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("该单位已是本工单的协办单位")));
        assertThat(service.find(n, ConsoleOrders.SUPERVISOR).status()).isEqualTo(OrderStatus.IN_PROGRESS);
    }

    @Test
    void anotherUnitsOrderAndItsFilesDoNotExistForAUnit() throws Exception {
        OrderNumber n = orders().dispatched("小巷积水", CITIZEN);
        MockHttpSession market = signIn(mvc, "scj-handler");

        mvc.perform(get("/console/orders/" + n.value()).session(market).accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("页面不存在")))
                .andExpect(content().string(not(containsString("小巷积水"))));
        mvc.perform(get("/console/orders/" + n.value() + "/attachments/any").session(market))
                .andExpect(status().isNotFound());
        mvc.perform(post("/console/orders/" + n.value() + "/acknowledge").session(market).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(service.find(n, ConsoleOrders.SUPERVISOR).status()).isEqualTo(OrderStatus.DISPATCHED);
    }

    /** The console's upload takes the REST upload's one way in: the type from the bytes, photos without GPS. */
    @Test
    void aPhotoIsAttachedWithoutItsLocationAndServedOnlyAsTheOrderIsVisible() throws Exception {
        OrderNumber n = orders().underway("小巷积水", CITIZEN);
        MockHttpSession handler = signIn(mvc, "zf-handler");
        byte[] photo = Photos.jpeg(true);

        mvc.perform(multipart("/console/orders/" + n.value() + "/attachments")
                        .file(new MockMultipartFile("file", "现场照片.jpg", "image/jpeg", photo)).session(handler).with(csrf()))
                .andExpect(status().isFound());
        mvc.perform(multipart("/console/orders/" + n.value() + "/attachments")
                        .file(new MockMultipartFile("file", "notes.png", "image/png", "x".getBytes())).session(handler)
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"err-ATTACH-file\">文件内容不是照片或 PDF")));

        String page = mvc.perform(get("/console/orders/" + n.value()).session(handler))
                .andExpect(content().string(containsString("现场照片.jpg")))
                .andExpect(content().string(not(containsString("notes.png"))))
                .andReturn().getResponse().getContentAsString();
        String link = page.replaceAll("(?s).*href=\"(/console/orders/[^\"]+/attachments/[^\"]+)\".*", "$1");
        byte[] stored = mvc.perform(get(link).session(handler)).andExpect(status().isOk())
                .andExpect(content().contentType("image/jpeg"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(((JpegImageMetadata) Imaging.getMetadata(stored)).getExif().getGpsInfo()).isNull();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("GPSLatitude");
        mvc.perform(get(link).session(signIn(mvc, "scj-handler"))).andExpect(status().isNotFound());
    }
}
