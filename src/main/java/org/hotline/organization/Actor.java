package org.hotline.organization;

import java.util.Objects;
import java.util.Set;

/**
 * Who is acting: the authenticated user, their role and, for unit roles, their unit. Every change to an
 * order records its actor. {@code unit} is null for center roles and for the system itself.
 */
public record Actor(String username, String displayName, Role role, UnitId unit) {

    /** The platform itself: scheduled jobs, first-start loading, retraining. */
    public static final String SYSTEM = "system";
    /** AI dispatch, when it dispatches on its own. */
    public static final String AI_DISPATCHER = "ai-dispatcher";
    /** The quality loop: reviews, callbacks and escalations that move on by themselves. */
    public static final String QUALITY_LOOP = "quality-loop";
    /** The citizens' web channel (市民网上诉求), registering what a citizen filed on the public page. */
    public static final String WEB_CHANNEL = "web-channel";

    /**
     * The usernames the platform acts under itself; the one list of them. Rules and records single them out
     * (only "system" may record a non-cooperation; AI dispatches are not learned from as corrections), so no
     * person may have one: the organisation refuses them as usernames and no one signs in with one.
     */
    public static final Set<String> PLATFORM_USERNAMES = Set.of(SYSTEM, AI_DISPATCHER, QUALITY_LOOP, WEB_CHANNEL);

    public Actor {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        if (!role.isCenter() && unit == null) {
            throw new IllegalArgumentException("a unit role needs a unit: " + username);
        }
    }

    /** The platform itself, for scheduled jobs (deadline sweeps). */
    public static Actor system() {
        return new Actor(SYSTEM, "系统", Role.ADMIN, null);
    }

    /** Whether the platform acts under this username itself (see {@link #PLATFORM_USERNAMES}). */
    public static boolean isPlatformUsername(String username) {
        return username != null && PLATFORM_USERNAMES.contains(username);
    }

    public boolean isCenter() {
        return role.isCenter();
    }

    public boolean belongsTo(UnitId id) {
        return unit != null && unit.equals(id);
    }
}
