package org.hotline.security;

import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.organization.UnitId;

/** The people of the security tests, one per kind of access. All share one password. */
final class Users {

    static final String PASSWORD = "s3cret-12345";

    static final TestUser OPERATOR = new TestUser("zhang.hw", "张话务", Role.OPERATOR, null, true);
    static final TestUser ADMIN = new TestUser("li.admin", "李管理", Role.ADMIN, null, true);
    static final TestUser DIRECTOR = new TestUser("wang.zr", "王主任", Role.DIRECTOR, null, true);
    static final TestUser UNIT_HANDLER = new TestUser("zhao.cb", "赵承办", Role.UNIT_HANDLER,
            new UnitId("dcf-scjgj"), true);
    static final TestUser DISABLED = new TestUser("qian.ty", "钱停用", Role.OPERATOR, null, false);
    /** An account under a name the platform acts under itself, as a database from before the rule might hold. */
    static final TestUser PLATFORM_NAMED = new TestUser(Actor.SYSTEM, "冒名系统", Role.ADMIN, null, true);

    static final TestUser[] ALL = { OPERATOR, ADMIN, DIRECTOR, UNIT_HANDLER, DISABLED, PLATFORM_NAMED };

    private Users() {
    }

    record TestUser(String username, String displayName, Role role, UnitId unit, boolean enabled) {
    }
}
