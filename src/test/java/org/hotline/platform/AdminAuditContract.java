package org.hotline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The administrators' audit is append-only: a line is written and read back newest first, and the database itself
 * refuses to change or remove one, whatever code runs against it. Run on both databases ({@link AdminAuditOnH2Test},
 * {@link AdminAuditOnPostgresTest}): the trigger is per database.
 */
abstract class AdminAuditContract {

    @Autowired
    AdminAudit audit;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAuditLineIsReadBackNewestFirstForItsAreaAndTarget() {
        String target = UUID.randomUUID().toString();
        audit.record("admin", AdminAudit.OPEN311_KEY, target, "CREATE", "发放密钥「测试」");
        audit.record("admin", AdminAudit.OPEN311_KEY, target, "RATE", "每分钟限额 600 件改为 60 件");
        audit.record("admin", AdminAudit.DISPATCH_MODEL, target, "ACTIVATE", "启用版本");

        assertThat(audit.recent(AdminAudit.OPEN311_KEY, target, 10)).extracting(AdminAudit.Entry::action)
                .containsExactly("RATE", "CREATE");
        assertThat(audit.recent(AdminAudit.OPEN311_KEY, target, 10).get(0).detail()).isEqualTo("每分钟限额 600 件改为 60 件");
    }

    @Test
    void anAuditLineIsNeverChangedOrRemoved() {
        String target = UUID.randomUUID().toString();
        audit.record("admin", AdminAudit.OPEN311_KEY, target, "REVOKE", "停用密钥「测试」");

        assertThatThrownBy(() -> jdbc.sql("UPDATE admin_audit SET detail = '改过' WHERE target = :t")
                .param("t", target).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM admin_audit WHERE target = :t").param("t", target).update())
                .hasMessageContaining("append-only");
        assertThat(audit.recent(AdminAudit.OPEN311_KEY, target, 10)).singleElement()
                .extracting(AdminAudit.Entry::detail).isEqualTo("停用密钥「测试」");
    }
}
