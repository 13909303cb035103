package org.hotline.organization;

import java.util.Objects;

/**
 * Who is acting: the authenticated user, their role and, for unit roles, their unit. Every change to an
 * order records its actor. {@code unit} is null for center roles and for the system itself.
 */
public record Actor(String username, String displayName, Role role, UnitId unit) {

    public Actor {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        if (!role.isCenter() && unit == null) {
            throw new IllegalArgumentException("a unit role needs a unit: " + username);
        }
    }

    /** The platform itself, for scheduled jobs (deadline sweeps). */
    public static Actor system() {
        return new Actor("system", "系统", Role.ADMIN, null);
    }

    public boolean isCenter() {
        return role.isCenter();
    }

    public boolean belongsTo(UnitId id) {
        return unit != null && unit.equals(id);
    }
}
