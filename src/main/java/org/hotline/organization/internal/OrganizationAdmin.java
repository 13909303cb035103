package org.hotline.organization.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hotline.organization.Actor;
import org.hotline.organization.Category;
import org.hotline.organization.Place;
import org.hotline.organization.PlaceKind;
import org.hotline.organization.Role;
import org.hotline.organization.Unit;
import org.hotline.organization.UnitId;
import org.hotline.organization.UnitKind;
import org.hotline.organization.UserAccount;
import org.hotline.platform.AdminAudit;
import org.hotline.platform.ConflictException;
import org.hotline.platform.InvalidInputException;
import org.hotline.platform.NotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin's changes to the organisation. Every change is checked against the database as committed (not
 * the read caches), written in one transaction, and refused with the field at fault before anything is
 * written. Nothing is deleted: units, categories and places are deactivated, users disabled. Each change is a line
 * of the administrators' audit ({@link AdminAudit}) in the same transaction, saying what it changed from what; a
 * password never reaches it (the line says that it was set, not what it is).
 */
@Service
@Transactional
class OrganizationAdmin {

    private final JdbcUnits units;
    private final JdbcCategories categories;
    private final JdbcGazetteer places;
    private final JdbcUserAccounts users;
    private final PasswordEncoder passwordEncoder;
    private final AdminAudit audit;

    OrganizationAdmin(JdbcUnits units, JdbcCategories categories, JdbcGazetteer places, JdbcUserAccounts users,
            PasswordEncoder passwordEncoder, AdminAudit audit) {
        this.units = units;
        this.categories = categories;
        this.places = places;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
    }

    // --- units ---

    UnitEntry createUnit(String id, String name, UnitKind kind, String contactPhone, String parentId,
            boolean active, Actor by) {
        OrganizationRules.idProblem(id).ifPresent(p -> fail("id", p));
        UnitId unitId = new UnitId(id);
        if (units.current(unitId).isPresent()) {
            throw new ConflictException("unit-exists", "单位编号「" + id + "」已存在");
        }
        UnitEntry entry = new UnitEntry(new Unit(unitId, name.strip(), kind, active), blankToNull(contactPhone),
                parentUnit(unitId, parentId));
        units.insert(entry);
        audit.record(by.username(), AdminAudit.UNIT, id, "CREATE", AdminAudit.changes()
                .fact("类型", kind.label()).fact("联系电话", entry.contactPhone()).fact("上级单位", unitName(entry.parent()))
                .fact("状态", state(active)).summary("新建承办单位「" + entry.unit().name() + "」（" + id + "）"));
        return entry;
    }

    UnitEntry updateUnit(String id, String name, UnitKind kind, String contactPhone, String parentId,
            boolean active, Actor by) {
        UnitId unitId = new UnitId(id);
        UnitEntry before = units.current(unitId)
                .orElseThrow(() -> new NotFoundException("承办单位「" + id + "」不存在"));
        UnitEntry after = new UnitEntry(new Unit(unitId, name.strip(), kind, active), blankToNull(contactPhone),
                parentUnit(unitId, parentId));
        if (before.unit().active() && !active) {
            // an intake would resolve these categories to a unit that can no longer receive orders
            List<String> defaulting = categories.activeDefaultingTo(unitId);
            if (!defaulting.isEmpty()) {
                throw new ConflictException("unit-in-use", "承办单位「" + before.unit().name()
                        + "」仍是以下分类的默认承办单位，请先调整：" + String.join("、", defaulting));
            }
        }
        if (kind != UnitKind.TERRITORIAL && places.activeCountOf(unitId) > 0) {
            throw new ConflictException("unit-in-use", "承办单位「" + before.unit().name()
                    + "」仍负责地名，不能改为非属地单位，请先调整地名的负责单位");
        }
        units.update(after);
        AdminAudit.Changes changes = AdminAudit.changes()
                .change("名称", before.unit().name(), after.unit().name())
                .change("类型", before.unit().kind().label(), kind.label())
                .change("联系电话", before.contactPhone(), after.contactPhone())
                .change("上级单位", unitName(before.parent()), unitName(after.parent()))
                .change("状态", state(before.unit().active()), state(active));
        if (!changes.isEmpty()) {
            String action = before.unit().active() == active ? "UPDATE" : active ? "ENABLE" : "DISABLE";
            audit.record(by.username(), AdminAudit.UNIT, id, action,
                    changes.summary(verb(action) + "承办单位「" + before.unit().name() + "」（" + id + "）"));
        }
        return after;
    }

    private UnitId parentUnit(UnitId self, String parentId) {
        if (parentId == null || parentId.isBlank()) {
            return null;
        }
        UnitId parent = new UnitId(parentId);
        if (units.current(parent).isEmpty()) {
            fail("parentId", "上级单位「" + parentId + "」不存在");
        }
        // walk up from the new parent: meeting ourselves would make the hierarchy a loop
        Optional<UnitId> current = Optional.of(parent);
        while (current.isPresent()) {
            if (current.get().equals(self)) {
                fail("parentId", "上级单位不能是本单位或其下级单位");
            }
            current = units.current(current.get()).map(UnitEntry::parent);
        }
        return parent;
    }

    // --- categories ---

    CategoryEntry createCategory(String code, String name, Integer level, String parentCode, String defaultUnitId,
            boolean active, Actor by) {
        OrganizationRules.categoryCodeProblem(code).ifPresent(p -> fail("code", p));
        int derivedLevel = OrganizationRules.levelOf(code);
        String derivedParent = OrganizationRules.parentOf(code);
        if (level != null && level != derivedLevel) {
            fail("level", "分类编码「" + code + "」是第 " + derivedLevel + " 级，与层级 " + level + " 不符");
        }
        if (parentCode != null && !parentCode.equals(derivedParent)) {
            fail("parentCode", "分类编码「" + code + "」的上级应为「" + (derivedParent == null ? "无" : derivedParent)
                    + "」，与「" + parentCode + "」不符");
        }
        if (categories.current(code).isPresent()) {
            throw new ConflictException("category-exists", "分类编码「" + code + "」已存在");
        }
        if (derivedParent != null) {
            CategoryEntry parent = categories.current(derivedParent)
                    .orElseThrow(() -> new InvalidInputException("parentCode", "上级分类「" + derivedParent + "」不存在"));
            if (active && !parent.active()) {
                fail("parentCode", "上级分类「" + derivedParent + "」已停用");
            }
        }
        CategoryEntry entry = new CategoryEntry(new Category(code, name.strip(), derivedLevel, derivedParent,
                defaultUnit(defaultUnitId)), active);
        categories.insert(entry);
        audit.record(by.username(), AdminAudit.CATEGORY, code, "CREATE", AdminAudit.changes()
                .fact("层级", derivedLevel + " 级").fact("上级分类", derivedParent)
                .fact("默认承办单位", unitName(entry.category().defaultUnit())).fact("状态", state(active))
                .summary("新建分类「" + entry.category().name() + "」（" + code + "）"));
        return entry;
    }

    /** Code, level and parent are the category's identity and never change; name, unit and status do. */
    CategoryEntry updateCategory(String code, String name, String defaultUnitId, boolean active, Actor by) {
        CategoryEntry before = categories.current(code)
                .orElseThrow(() -> new NotFoundException("分类「" + code + "」不存在"));
        Category old = before.category();
        if (active && old.parentCode() != null && categories.current(old.parentCode()).map(c -> !c.active())
                .orElse(false)) {
            fail("active", "上级分类「" + old.parentCode() + "」已停用，不能启用其下级分类");
        }
        if (!active && before.active()) {
            List<String> children = categories.activeChildrenOf(code);
            if (!children.isEmpty()) {
                throw new ConflictException("category-has-active-children",
                        "分类「" + code + "」仍有启用的下级分类，请先停用：" + String.join("、", children));
            }
        }
        CategoryEntry after = new CategoryEntry(new Category(code, name.strip(), old.level(), old.parentCode(),
                defaultUnit(defaultUnitId)), active);
        categories.update(after);
        AdminAudit.Changes changes = AdminAudit.changes()
                .change("名称", old.name(), after.category().name())
                .change("默认承办单位", unitName(old.defaultUnit()), unitName(after.category().defaultUnit()))
                .change("状态", state(before.active()), state(active));
        if (!changes.isEmpty()) {
            String action = before.active() == active ? "UPDATE" : active ? "ENABLE" : "DISABLE";
            audit.record(by.username(), AdminAudit.CATEGORY, code, action,
                    changes.summary(verb(action) + "分类「" + old.name() + "」（" + code + "）"));
        }
        return after;
    }

    private UnitId defaultUnit(String unitId) {
        if (unitId == null || unitId.isBlank()) {
            return null;
        }
        UnitEntry unit = existingUnit("defaultUnitId", unitId);
        if (!unit.unit().active()) {
            fail("defaultUnitId", "承办单位「" + unit.unit().name() + "」已停用");
        }
        return unit.id();
    }

    // --- places ---

    PlaceEntry createPlace(String id, String name, PlaceKind kind, String parentId, String unitId,
            List<String> aliases, boolean active, Actor by) {
        OrganizationRules.idProblem(id).ifPresent(p -> fail("id", p));
        if (places.current(id).isPresent()) {
            throw new ConflictException("place-exists", "地名编号「" + id + "」已存在");
        }
        PlaceEntry entry = place(id, name, kind, parentId, unitId, aliases, active);
        places.insert(entry);
        Place p = entry.place();
        audit.record(by.username(), AdminAudit.PLACE, id, "CREATE", AdminAudit.changes()
                .fact("类型", placeKind(kind)).fact("上级地名", p.parentId()).fact("负责单位", unitName(p.unit()))
                .fact("别名", p.aliases()).fact("状态", state(active))
                .summary("新建地名「" + p.name() + "」（" + id + "）"));
        return entry;
    }

    PlaceEntry updatePlace(String id, String name, PlaceKind kind, String parentId, String unitId,
            List<String> aliases, boolean active, Actor by) {
        PlaceEntry before = places.current(id).orElseThrow(() -> new NotFoundException("地名「" + id + "」不存在"));
        PlaceEntry entry = place(id, name, kind, parentId, unitId, aliases, active);
        places.update(entry);
        Place was = before.place();
        Place now = entry.place();
        AdminAudit.Changes changes = AdminAudit.changes()
                .change("名称", was.name(), now.name())
                .change("类型", placeKind(was.kind()), placeKind(now.kind()))
                .change("上级地名", was.parentId(), now.parentId())
                .change("负责单位", unitName(was.unit()), unitName(now.unit()))
                .change("别名", was.aliases(), now.aliases())
                .change("状态", state(before.active()), state(active));
        if (!changes.isEmpty()) {
            String action = before.active() == active ? "UPDATE" : active ? "ENABLE" : "DISABLE";
            audit.record(by.username(), AdminAudit.PLACE, id, action,
                    changes.summary(verb(action) + "地名「" + was.name() + "」（" + id + "）"));
        }
        return entry;
    }

    private PlaceEntry place(String id, String name, PlaceKind kind, String parentId, String unitId,
            List<String> aliases, boolean active) {
        String parent = blankToNull(parentId);
        if (parent != null) {
            if (places.current(parent).isEmpty()) {
                fail("parentId", "上级地名「" + parent + "」不存在");
            }
            Optional<String> current = Optional.of(parent);
            while (current.isPresent()) {
                if (current.get().equals(id)) {
                    fail("parentId", "上级地名不能是本地名或其下级地名");
                }
                current = places.current(current.get()).map(p -> p.place().parentId());
            }
        }
        UnitEntry unit = existingUnit("unitId", unitId);
        OrganizationRules.placeUnitProblem(unitId, unit.unit().kind()).ifPresent(p -> fail("unitId", p));
        List<String> cleanAliases = new ArrayList<>();
        for (String alias : aliases == null ? List.<String>of() : aliases) {
            OrganizationRules.aliasProblem(alias).ifPresent(p -> fail("aliases", p));
            cleanAliases.add(alias.strip());
        }
        return new PlaceEntry(new Place(id, name.strip(), kind, parent, unit.id(), cleanAliases), active);
    }

    // --- users ---

    UserAccount createUser(String username, String displayName, String password, Role role, String unitId,
            boolean enabled, Actor by) {
        OrganizationRules.usernameProblem(username).ifPresent(p -> fail("username", p));
        if (users.current(username).isPresent()) {
            throw new ConflictException("user-exists", "用户名「" + username + "」已存在");
        }
        UserAccount user = new UserAccount(username, displayName.strip(), passwordEncoder.encode(password), role,
                userUnit(role, unitId), enabled);
        users.insert(user);
        // the password is set, and the line says no more than that
        audit.record(by.username(), AdminAudit.USER, username, "CREATE", AdminAudit.changes()
                .fact("角色", role.label()).fact("单位", userUnitName(user.unit())).fact("状态", state(enabled))
                .note("已设置初始密码").summary("新建用户 " + username + "（" + user.displayName() + "）"));
        return user;
    }

    UserAccount updateUser(String username, String displayName, Role role, String unitId, boolean enabled,
            Actor by) {
        UserAccount before = users.current(username)
                .orElseThrow(() -> new NotFoundException("用户「" + username + "」不存在"));
        UserAccount after = new UserAccount(username, displayName.strip(), before.passwordHash(), role,
                userUnit(role, unitId), enabled);
        users.update(after);
        AdminAudit.Changes changes = AdminAudit.changes()
                .change("姓名", before.displayName(), after.displayName())
                .change("角色", before.role().label(), role.label())
                .change("单位", userUnitName(before.unit()), userUnitName(after.unit()))
                .change("状态", state(before.enabled()), state(enabled));
        if (!changes.isEmpty()) {
            // what a reader looks for first: an account switched off or on, then a new role, then the rest
            String action = before.enabled() != enabled ? (enabled ? "ENABLE" : "DISABLE")
                    : before.role() != role ? "ROLE" : "UPDATE";
            audit.record(by.username(), AdminAudit.USER, username, action, changes.summary(
                    verb(action) + "用户 " + username + "（" + before.displayName() + "）"));
        }
        return after;
    }

    void changePassword(String username, String password, Actor by) {
        UserAccount user = users.current(username)
                .orElseThrow(() -> new NotFoundException("用户「" + username + "」不存在"));
        users.changePassword(username, passwordEncoder.encode(password));
        // that it was set, by whom and when: never the password, nor its hash
        audit.record(by.username(), AdminAudit.USER, username, "PASSWORD",
                "重置用户 " + username + "（" + user.displayName() + "）的密码");
    }

    private UnitId userUnit(Role role, String unitId) {
        String unit = blankToNull(unitId);
        OrganizationRules.roleUnitProblem(role, unit != null).ifPresent(p -> fail("unitId", p));
        if (unit == null) {
            return null;
        }
        UnitEntry entry = existingUnit("unitId", unit);
        if (!entry.unit().active()) {
            fail("unitId", "承办单位「" + entry.unit().name() + "」已停用");
        }
        return entry.id();
    }

    // --- shared ---

    /** A unit as a line of the audit names it: its name and id (null: none). */
    private String unitName(UnitId id) {
        if (id == null) {
            return null;
        }
        return units.current(id).map(u -> u.unit().name() + "（" + id.value() + "）").orElse(id.value());
    }

    /** A user's unit: the center's roles have none. */
    private String userUnitName(UnitId id) {
        return id == null ? "受理中心" : unitName(id);
    }

    private static String state(boolean active) {
        return active ? "启用" : "停用";
    }

    private static String verb(String action) {
        return switch (action) {
            case "ENABLE" -> "启用";
            case "DISABLE" -> "停用";
            default -> "修改";
        };
    }

    private static String placeKind(PlaceKind kind) {
        return switch (kind) {
            case TOWN -> "镇";
            case STREET_OFFICE -> "街道";
            case PARK -> "园区";
            case COMMUNITY -> "社区";
            case VILLAGE -> "村";
            case ROAD -> "道路";
        };
    }

    private UnitEntry existingUnit(String field, String unitId) {
        OrganizationRules.idProblem(unitId).ifPresent(p -> fail(field, p));
        return units.current(new UnitId(unitId))
                .orElseThrow(() -> new InvalidInputException(field, "承办单位「" + unitId + "」不存在"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void fail(String field, String problem) {
        throw new InvalidInputException(field, problem);
    }
}
