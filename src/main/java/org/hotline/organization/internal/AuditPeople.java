package org.hotline.organization.internal;

import java.util.Optional;

import org.hotline.organization.Actor;
import org.hotline.platform.AdminAudit;
import org.springframework.stereotype.Component;

/**
 * Who a username is, for the administrators' audit: the name and role the account has at the moment a line is
 * written, read from the database in the change's own transaction (an administrator who changes their own role
 * reads as they are after it). The platform's own usernames are "系统" without a role.
 */
@Component
class AuditPeople implements AdminAudit.People {

    private final JdbcUserAccounts users;

    AuditPeople(JdbcUserAccounts users) {
        this.users = users;
    }

    @Override
    public Optional<AdminAudit.Person> find(String username) {
        if (Actor.isPlatformUsername(username)) {
            return Optional.of(new AdminAudit.Person("系统", null));
        }
        return users.current(username).map(u -> new AdminAudit.Person(u.displayName(), u.role().name()));
    }
}
