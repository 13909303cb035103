package org.hotline.organization;

/** A user as the security layer needs it: the password is only ever held as a hash. */
public record UserAccount(String username, String displayName, String passwordHash, Role role, UnitId unit,
        boolean enabled) {

    public Actor actor() {
        return new Actor(username, displayName, role, unit);
    }
}
