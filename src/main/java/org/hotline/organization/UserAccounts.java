package org.hotline.organization;

import java.util.Optional;

/** The users who can sign in. */
public interface UserAccounts {

    Optional<UserAccount> find(String username);
}
