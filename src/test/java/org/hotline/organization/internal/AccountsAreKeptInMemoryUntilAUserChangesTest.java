package org.hotline.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline.organization.Role;
import org.hotline.organization.UserAccount;
import org.junit.jupiter.api.Test;

/**
 * Every request asks for its user's account, so accounts are kept in memory; any change to any user made
 * through the organisation (here or, signalled, on another instance) makes every account be read again.
 */
class AccountsAreKeptInMemoryUntilAUserChangesTest {

    private final OrganizationDatabase db = OrganizationDatabase.h2();

    @Test
    void anAccountIsReadAgainOnlyAfterAUserChanged() {
        db.users.insert(operator("op-1", true));
        assertThat(db.users.find("op-1")).get().extracting(UserAccount::enabled).isEqualTo(true);

        // written behind the organisation's back, nothing signalled: memory still answers
        db.jdbc.sql("UPDATE users SET enabled = FALSE WHERE username = 'op-1'").update();
        assertThat(db.users.find("op-1")).get().extracting(UserAccount::enabled).isEqualTo(true);

        // any user's change is signalled, and every account is read again
        db.users.insert(operator("op-2", true));
        assertThat(db.users.find("op-1")).get().extracting(UserAccount::enabled).isEqualTo(false);
    }

    @Test
    void aDisabledOrMovedUserIsReadAsChangedOnTheNextLookUp() {
        db.users.insert(operator("op-3", true));
        db.users.find("op-3");

        db.users.update(operator("op-3", false));

        assertThat(db.users.find("op-3")).get().extracting(UserAccount::enabled).isEqualTo(false);
    }

    @Test
    void aNameUnknownBeforeIsFoundOnceTheUserIsCreated() {
        assertThat(db.users.find("op-4")).isEmpty();

        db.users.insert(operator("op-4", true));

        assertThat(db.users.find("op-4")).isPresent();
    }

    private static UserAccount operator(String username, boolean enabled) {
        return new UserAccount(username, "话务员", "{noop}unused", Role.OPERATOR, null, enabled);
    }
}
