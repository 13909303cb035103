package org.hotline.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.util.UUID;

import javax.sql.DataSource;

import org.hotline.console.ConsoleSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A change and its line of the audit commit together or not at all: a change refused (bad input, a rule) writes no
 * line, and a line the database refuses takes its change back with it. Run on both databases
 * ({@link AChangeAndItsRecordCommitTogetherOnH2Test}, {@link AChangeAndItsRecordCommitTogetherOnPostgresTest}),
 * where the refusal is a trigger of each database's own kind.
 */
abstract class AChangeAndItsRecordCommitTogetherContract {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void aChangeRefusedForItsInputLeavesNoLine() throws Exception {
        String id = "refused-" + UUID.randomUUID().toString().substring(0, 8);
        api(post("/api/v1/admin/units"), "{\"id\":\"" + id + "\",\"name\":\" \",\"kind\":\"INDUSTRY\"}")
                .andExpect(status().isBadRequest());
        mvc.perform(post("/console/admin/users").session(ConsoleSessions.signIn(mvc, "admin")).with(csrf())
                .param("username", id).param("displayName", "太短").param("password", "short").param("role", "OPERATOR"))
                .andExpect(status().isBadRequest());

        assertThat(lines(id)).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM units WHERE id = :id").param("id", id).query(Long.class).single())
                .isZero();
    }

    @Test
    void aChangeARuleRefusesLeavesNoLine() throws Exception {
        long before = lines("dcf-zjj");
        // the housing bureau is the default unit of categories: it cannot be switched off
        api(put("/api/v1/admin/units/dcf-zjj"), "{\"name\":\"区住房和城乡建设局\",\"kind\":\"INDUSTRY\",\"active\":false}")
                .andExpect(status().isConflict());

        assertThat(lines("dcf-zjj")).isEqualTo(before);
    }

    @Test
    void aLineThatCannotBeWrittenTakesItsChangeBackWithIt() throws Exception {
        String id = "unrecorded-" + UUID.randomUUID().toString().substring(0, 8);
        ConsoleSessions.createUser(mvc, id, "OPERATOR", null);
        refuseAuditLines(true);
        try {
            try {
                api(post("/api/v1/admin/units"), "{\"id\":\"" + id + "\",\"name\":\"未记录的单位\",\"kind\":\"INDUSTRY\"}")
                        .andExpect(status().is5xxServerError());
                api(put("/api/v1/admin/users/" + id), "{\"displayName\":\"未记录的姓名\",\"role\":\"DISPATCHER\",\"enabled\":false}")
                        .andExpect(status().is5xxServerError());
            } catch (jakarta.servlet.ServletException escaped) {
                // however the failure surfaces, what matters is what the database kept
            }
        } finally {
            refuseAuditLines(false);
        }

        assertThat(jdbc.sql("SELECT COUNT(*) FROM units WHERE id = :id").param("id", id).query(Long.class).single())
                .as("the unit whose line could not be written").isZero();
        assertThat(jdbc.sql("SELECT display_name || ' ' || role || ' ' || enabled FROM users WHERE username = :u")
                .param("u", id).query(String.class).single().toLowerCase())
                .as("the user whose change could not be recorded").isEqualTo("测试用户 operator true");
        assertThat(lines(id)).as("only the user's creation, before the refusal").isEqualTo(1);
    }

    /** Makes the database refuse every new line of the audit (a trigger of its own kind), or stops it. */
    private void refuseAuditLines(boolean refuse) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            try (var s = c.createStatement()) {
                if (refuse && postgres) {
                    s.execute("CREATE FUNCTION refuse_audit_line_for_test() RETURNS trigger AS $$ BEGIN"
                            + " RAISE EXCEPTION 'the audit is unavailable'; END; $$ LANGUAGE plpgsql");
                    s.execute("CREATE TRIGGER audit_line_refused_for_test BEFORE INSERT ON admin_audit"
                            + " FOR EACH ROW EXECUTE FUNCTION refuse_audit_line_for_test()");
                } else if (refuse) {
                    s.execute("CREATE TRIGGER audit_line_refused_for_test BEFORE INSERT ON admin_audit"
                            + " FOR EACH ROW CALL 'org.hotline.platform.AppendOnlyTable'");
                } else if (postgres) {
                    s.execute("DROP TRIGGER audit_line_refused_for_test ON admin_audit");
                    s.execute("DROP FUNCTION refuse_audit_line_for_test()");
                } else {
                    s.execute("DROP TRIGGER audit_line_refused_for_test");
                }
            }
        }
    }

    private long lines(String target) {
        return jdbc.sql("SELECT COUNT(*) FROM admin_audit WHERE target = :t").param("t", target).query(Long.class)
                .single();
    }

    private ResultActions api(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            String body) throws Exception {
        return mvc.perform(request.with(httpBasic("admin", "demo123")).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }
}
