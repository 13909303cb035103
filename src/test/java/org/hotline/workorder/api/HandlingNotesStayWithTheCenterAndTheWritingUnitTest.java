package org.hotline.workorder.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * {@code POST /api/v1/orders/{n}/notes}: a unit's handling note (办理记录) is a line of the history that the
 * center and the writing unit read, and the other units on the order do not; the citizen's lookup never shows it.
 */
@HotlineIntegrationTest
class HandlingNotesStayWithTheCenterAndTheWritingUnitTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theLeadUnitsNoteIsReadByTheCenterAndTheLeadUnitNotByTheCoUnit() throws Exception {
        Api api = new Api(mvc);
        String n = api.dispatched("东关街后巷积水", "dcf-zhzfj", "dcf-gulou");
        api.post("zf-handler", "/api/v1/orders/" + n + "/acknowledge", "").andExpect(status().isOk());

        api.post("zf-handler", "/api/v1/orders/" + n + "/notes", "{\"text\":\"来电人系隔壁商户老板，注意沟通方式\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("IN_PROGRESS"));
        api.post("gulou-handler", "/api/v1/orders/" + n + "/notes", "{\"text\":\"网格员已入户了解\"}")
                .andExpect(status().isOk());

        assertThat(notes("zf-handler", n)).containsExactly("来电人系隔壁商户老板，注意沟通方式");
        assertThat(notes("gulou-handler", n)).containsExactly("网格员已入户了解");
        assertThat(notes("supervisor1", n)).containsExactly("来电人系隔壁商户老板，注意沟通方式", "网格员已入户了解");
    }

    @Test
    void aNoteIsRefusedWithoutTextToOtherUnitsAndToTheCenter() throws Exception {
        Api api = new Api(mvc);
        String n = api.dispatched("东关街后巷积水", "dcf-zhzfj");

        api.post("zf-handler", "/api/v1/orders/" + n + "/notes", "{\"text\":\" \"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("text"));
        api.post("scj-handler", "/api/v1/orders/" + n + "/notes", "{\"text\":\"已查看\"}")
                .andExpect(status().isNotFound());
        api.post("supervisor1", "/api/v1/orders/" + n + "/notes", "{\"text\":\"已查看\"}")
                .andExpect(status().isForbidden());
        assertThat(notes("supervisor1", n)).isEmpty();
    }

    private List<String> notes(String user, String n) throws Exception {
        String history = Api.json(new Api(mvc).get(user, "/api/v1/orders/" + n + "/history").andExpect(status().isOk()));
        return JsonPath.read(history, "$[?(@.action == 'NOTE')].detail");
    }
}
