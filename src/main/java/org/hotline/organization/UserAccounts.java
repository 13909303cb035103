package org.hotline.organization;

import java.util.List;
import java.util.Optional;

/** The users who can sign in. */
public interface UserAccounts {

    Optional<UserAccount> find(String username);

    /** The accounts with this role (enabled or not), by username: e.g. a town's field reporters for the patrol. */
    List<UserAccount> withRole(Role role);
}
