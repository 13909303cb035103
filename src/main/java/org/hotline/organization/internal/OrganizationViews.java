package org.hotline.organization.internal;

import java.util.List;

import org.hotline.organization.Category;
import org.hotline.organization.Place;
import org.hotline.organization.PlaceKind;
import org.hotline.organization.Role;
import org.hotline.organization.UnitKind;
import org.hotline.organization.UserAccount;

/** What the organisation API returns: its own records, so table and domain changes stay inside. */
final class OrganizationViews {

    private OrganizationViews() {
    }

    record UnitView(String id, String name, UnitKind kind, boolean active, String contactPhone, String parentId) {

        static UnitView of(UnitEntry e) {
            return new UnitView(e.id().value(), e.unit().name(), e.unit().kind(), e.unit().active(),
                    e.contactPhone(), e.parent() == null ? null : e.parent().value());
        }
    }

    /**
     * @param defaultUnitId          the category's own default unit
     * @param effectiveDefaultUnitId its own or the nearest ancestor's: where intake will suggest sending it
     */
    record CategoryView(String code, String name, int level, String parentCode, String defaultUnitId,
            String effectiveDefaultUnitId, boolean active) {

        static CategoryView of(CategoryEntry e, String effectiveDefaultUnitId) {
            Category c = e.category();
            return new CategoryView(c.code(), c.name(), c.level(), c.parentCode(),
                    c.defaultUnit() == null ? null : c.defaultUnit().value(), effectiveDefaultUnitId, e.active());
        }
    }

    record CategoryNode(String code, String name, int level, String defaultUnitId, String effectiveDefaultUnitId,
            boolean active, List<CategoryNode> children) {
    }

    record PlaceView(String id, String name, PlaceKind kind, String parentId, String unitId, List<String> aliases,
            boolean active) {

        static PlaceView of(PlaceEntry e) {
            Place p = e.place();
            return new PlaceView(p.id(), p.name(), p.kind(), p.parentId(), p.unit().value(), p.aliases(),
                    e.active());
        }
    }

    /** A user without the password hash, which never leaves the module. */
    record UserView(String username, String displayName, Role role, String unitId, boolean enabled) {

        static UserView of(UserAccount u) {
            return new UserView(u.username(), u.displayName(), u.role(), u.unit() == null ? null : u.unit().value(),
                    u.enabled());
        }
    }
}
