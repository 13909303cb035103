package org.hotline.organization;

import java.util.List;
import java.util.Optional;

/**
 * The administrator's changes to the organisation, for the console: the same service, the same checks and the
 * same refusals as {@code /api/v1/admin} (units, categories, users). A value the API's request would refuse
 * (blank, too long, a password the hasher cannot read) is refused here with the same message, naming the field
 * as the API names it; a rule (a unit still in use, a username the platform keeps for itself) with the same
 * reason. Nothing is deleted: units and categories are deactivated, users disabled. Each change names who makes
 * it ({@code by}), for the administrators' audit it is recorded in.
 */
public interface OrganizationAdministration {

    /** A unit with what only the admin sees of it. */
    record UnitDetails(Unit unit, String contactPhone, UnitId parent) {
    }

    /**
     * A category, whether it is in use, and the unit intake will suggest for it: its own default unit or the nearest
     * ancestor's ({@code effectiveDefaultUnit}).
     */
    record CategoryDetails(Category category, boolean active, UnitId effectiveDefaultUnit) {
    }

    /** A user without the password hash, which never leaves the module. */
    record UserDetails(String username, String displayName, Role role, UnitId unit, boolean enabled) {
    }

    /** One page of users, by username. */
    record UserPage(List<UserDetails> users, int page, int size, long total) {
    }

    /** Every unit, active or not, by id. */
    List<UnitDetails> units();

    /** Every category, active or not, by code: parents before their children. */
    List<CategoryDetails> categories();

    /** Users whose username or name contains {@code text} (null: any), of {@code role} (null: any). */
    UserPage users(String text, Role role, int page, int size);

    Optional<UserDetails> user(String username);

    UnitDetails createUnit(String id, String name, UnitKind kind, String contactPhone, String parentId, boolean active,
            Actor by);

    UnitDetails updateUnit(String id, String name, UnitKind kind, String contactPhone, String parentId,
            boolean active, Actor by);

    /** Level and parent follow from the code (01.02.03 is level 3 under 01.02). */
    CategoryDetails createCategory(String code, String name, String defaultUnitId, boolean active, Actor by);

    CategoryDetails updateCategory(String code, String name, String defaultUnitId, boolean active, Actor by);

    UserDetails createUser(String username, String displayName, String password, Role role, String unitId,
            boolean enabled, Actor by);

    UserDetails updateUser(String username, String displayName, Role role, String unitId, boolean enabled, Actor by);

    void changePassword(String username, String password, Actor by);
}
