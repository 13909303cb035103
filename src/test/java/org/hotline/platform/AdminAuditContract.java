package org.hotline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void anAuditLineIsReadBackNewestFirstForItsAreaAndTarget() {
        String target = UUID.randomUUID().toString();
        record("admin", AdminAudit.OPEN311_KEY, target, "CREATE", "发放密钥「测试」");
        record("admin", AdminAudit.OPEN311_KEY, target, "RATE", "每分钟限额 600 件改为 60 件");
        record("admin", AdminAudit.DISPATCH_MODEL, target, "ACTIVATE", "启用版本");

        assertThat(audit.recent(AdminAudit.OPEN311_KEY, target, 10)).extracting(AdminAudit.Entry::action)
                .containsExactly("RATE", "CREATE");
        assertThat(audit.recent(AdminAudit.OPEN311_KEY, target, 10).get(0).detail()).isEqualTo("每分钟限额 600 件改为 60 件");
    }

    /** TheAuditIsAppendOnly: neither the code nor anyone with SQL changes or removes a line, its who included. */
    @Test
    void anAuditLineIsNeverChangedOrRemoved() {
        String target = UUID.randomUUID().toString();
        record("admin", AdminAudit.OPEN311_KEY, target, "REVOKE", "停用密钥「测试」");

        assertThatThrownBy(() -> jdbc.sql("UPDATE admin_audit SET detail = '改过' WHERE target = :t")
                .param("t", target).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("UPDATE admin_audit SET actor_name = '别人', actor_role = 'OPERATOR'"
                + " WHERE target = :t").param("t", target).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM admin_audit WHERE target = :t").param("t", target).update())
                .hasMessageContaining("append-only");
        assertThat(audit.recent(AdminAudit.OPEN311_KEY, target, 10)).singleElement()
                .extracting(AdminAudit.Entry::detail).isEqualTo("停用密钥「测试」");
    }

    @Test
    void aLineNamesWhoActedAsTheyWereThen() {
        String target = UUID.randomUUID().toString();
        record("admin", AdminAudit.UNIT, target, "CREATE", "新建承办单位");
        record(null, AdminAudit.UNIT, target, "UPDATE", "按启动配置修改");

        assertThat(audit.recent(AdminAudit.UNIT, target, 10))
                .extracting(AdminAudit.Entry::actor, AdminAudit.Entry::actorName, AdminAudit.Entry::actorRole)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("system", "系统", null),
                        org.assertj.core.groups.Tuple.tuple("admin", "系统管理员", "ADMIN"));
    }

    /** A line is written in its change's transaction or not at all: outside one it is refused, not written apart. */
    @Test
    void aLineIsOnlyWrittenInsideItsChangesTransaction() {
        String target = UUID.randomUUID().toString();
        assertThatThrownBy(() -> audit.record("admin", AdminAudit.UNIT, target, "CREATE", "没有事务"))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(audit.recent(AdminAudit.UNIT, target, 10)).isEmpty();
    }

    @Test
    void theAuditIsSearchedNewestFirstByPeriodPersonKindAndAction() {
        String target = UUID.randomUUID().toString();
        Instant before = Instant.now().minus(1, ChronoUnit.MINUTES);
        record("admin", AdminAudit.CATEGORY, target, "CREATE", "新建分类");
        record("admin", AdminAudit.CATEGORY, target, "DISABLE", "停用分类");
        record("director1", AdminAudit.CATEGORY, target, "UPDATE", "修改分类");

        AdminAudit.Found byAdmin = audit.search(new AdminAudit.Query(before, null, "admin", AdminAudit.CATEGORY,
                null), 0, 50);
        assertThat(byAdmin.entries()).filteredOn(e -> e.target().equals(target)).extracting(AdminAudit.Entry::action)
                .containsExactly("DISABLE", "CREATE");
        assertThat(audit.search(new AdminAudit.Query(before, null, null, AdminAudit.CATEGORY, "DISABLE"), 0, 50)
                .entries()).extracting(AdminAudit.Entry::target).contains(target)
                .allSatisfy(t -> assertThat(t).isNotNull());
        assertThat(audit.search(new AdminAudit.Query(null, before, null, AdminAudit.CATEGORY, null), 0, 50)
                .entries()).extracting(AdminAudit.Entry::target).doesNotContain(target);
        AdminAudit.Found firstOfTwo = audit.search(new AdminAudit.Query(before, null, null, AdminAudit.CATEGORY, null),
                0, 1);
        assertThat(firstOfTwo.entries()).hasSize(1);
        assertThat(firstOfTwo.total()).isGreaterThanOrEqualTo(3);
    }

    private void record(String actor, String area, String target, String action, String detail) {
        new TransactionTemplate(transactions).executeWithoutResult(
                tx -> audit.record(actor, area, target, action, detail));
    }
}
