package org.hotline.organization.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import org.hotline.organization.Actor;
import org.hotline.organization.OrganizationAdministration;
import org.hotline.organization.Role;
import org.hotline.organization.UnitId;
import org.hotline.organization.UnitKind;
import org.hotline.organization.UserAccount;
import org.hotline.organization.internal.OrganizationAdminController.CategoryChange;
import org.hotline.organization.internal.OrganizationAdminController.NewCategory;
import org.hotline.organization.internal.OrganizationAdminController.NewPassword;
import org.hotline.organization.internal.OrganizationAdminController.NewUnit;
import org.hotline.organization.internal.OrganizationAdminController.NewUser;
import org.hotline.organization.internal.OrganizationAdminController.UnitChange;
import org.hotline.organization.internal.OrganizationAdminController.UserChange;
import org.springframework.stereotype.Service;

/**
 * {@link OrganizationAdministration} on {@link OrganizationAdmin}, the service behind the admin API. Each change
 * is first checked against the API's own request record (its sizes, required fields, the hasher's password
 * limit), so that a limit is written once and the console refuses what the API refuses, with the same words.
 */
@Service
class OrganizationAdministrationService implements OrganizationAdministration {

    private final OrganizationAdmin admin;
    private final JdbcUnits units;
    private final JdbcCategories categories;
    private final JdbcUserAccounts users;
    private final Validator validator;

    OrganizationAdministrationService(OrganizationAdmin admin, JdbcUnits units, JdbcCategories categories,
            JdbcUserAccounts users, Validator validator) {
        this.admin = admin;
        this.units = units;
        this.categories = categories;
        this.users = users;
        this.validator = validator;
    }

    @Override
    public List<UnitDetails> units() {
        return units.entries().stream().map(OrganizationAdministrationService::details).toList();
    }

    @Override
    public List<CategoryDetails> categories() {
        return categories.entries().stream().map(this::details).toList();
    }

    @Override
    public UserPage users(String text, Role role, int page, int size) {
        JdbcUserAccounts.Found found = users.page(text, role, (long) page * size, size);
        return new UserPage(found.users().stream().map(OrganizationAdministrationService::details).toList(), page,
                size, found.total());
    }

    @Override
    public Optional<UserDetails> user(String username) {
        return users.current(username).map(OrganizationAdministrationService::details);
    }

    @Override
    public UnitDetails createUnit(String id, String name, UnitKind kind, String contactPhone, String parentId,
            boolean active, Actor by) {
        valid(new NewUnit(id, name, kind, contactPhone, parentId, active));
        return details(admin.createUnit(id, name, kind, contactPhone, parentId, active, by));
    }

    @Override
    public UnitDetails updateUnit(String id, String name, UnitKind kind, String contactPhone, String parentId,
            boolean active, Actor by) {
        valid(new UnitChange(name, kind, contactPhone, parentId, active));
        return details(admin.updateUnit(id, name, kind, contactPhone, parentId, active, by));
    }

    @Override
    public CategoryDetails createCategory(String code, String name, String defaultUnitId, boolean active, Actor by) {
        valid(new NewCategory(code, name, null, null, defaultUnitId, active));
        return details(admin.createCategory(code, name, null, null, defaultUnitId, active, by));
    }

    @Override
    public CategoryDetails updateCategory(String code, String name, String defaultUnitId, boolean active, Actor by) {
        valid(new CategoryChange(name, defaultUnitId, active));
        return details(admin.updateCategory(code, name, defaultUnitId, active, by));
    }

    @Override
    public UserDetails createUser(String username, String displayName, String password, Role role, String unitId,
            boolean enabled, Actor by) {
        valid(new NewUser(username, displayName, password, role, unitId, enabled));
        return details(admin.createUser(username, displayName, password, role, unitId, enabled, by));
    }

    @Override
    public UserDetails updateUser(String username, String displayName, Role role, String unitId, boolean enabled,
            Actor by) {
        valid(new UserChange(displayName, role, unitId, enabled));
        return details(admin.updateUser(username, displayName, role, unitId, enabled, by));
    }

    @Override
    public void changePassword(String username, String password, Actor by) {
        valid(new NewPassword(password));
        admin.changePassword(username, password, by);
    }

    private <T> void valid(T request) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }

    private static UnitDetails details(UnitEntry e) {
        return new UnitDetails(e.unit(), e.contactPhone(), e.parent());
    }

    private CategoryDetails details(CategoryEntry e) {
        UnitId effective = categories.defaultUnitOf(e.code()).orElse(null);
        if (effective == null && e.category().defaultUnit() != null) {
            // a category just written: the read snapshot may not have it yet
            effective = e.category().defaultUnit();
        }
        return new CategoryDetails(e.category(), e.active(), effective);
    }

    private static UserDetails details(UserAccount u) {
        return new UserDetails(u.username(), u.displayName(), u.role(), u.unit(), u.enabled());
    }
}
