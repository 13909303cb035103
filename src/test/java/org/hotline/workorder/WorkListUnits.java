package org.hotline.workorder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.organization.UnitId;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Units of a test's own, made by the admin through the API, so that the work lists of a test (a unit's inbox, the
 * supervisors' lists narrowed to a unit) hold only the orders the test made, whatever else shares the database.
 */
public final class WorkListUnits {

    private WorkListUnits() {
    }

    /** A new active unit named {@code name}. */
    public static UnitId create(MockMvc mvc, String name) throws Exception {
        UnitId id = new UnitId("t-" + UUID.randomUUID().toString().substring(0, 12));
        mvc.perform(post("/api/v1/admin/units").with(httpBasic("admin", "demo123"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"id\":\"%s\",\"name\":\"%s\",\"kind\":\"TERRITORIAL\"}".formatted(id.value(), name)))
                .andExpect(status().isCreated());
        return id;
    }

    public static Actor handler(UnitId unit) {
        return new Actor(unit.value() + "-handler", "承办人", Role.UNIT_HANDLER, unit);
    }
}
