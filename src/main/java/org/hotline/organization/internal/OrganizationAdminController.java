package org.hotline.organization.internal;

import java.util.List;

import org.hotline.organization.Actor;
import org.hotline.organization.PlaceKind;
import org.hotline.organization.Role;
import org.hotline.organization.UnitKind;
import org.hotline.organization.internal.OrganizationViews.CategoryView;
import org.hotline.organization.internal.OrganizationViews.PlaceView;
import org.hotline.organization.internal.OrganizationViews.UnitView;
import org.hotline.organization.internal.OrganizationViews.UserView;
import org.hotline.platform.PasswordLength;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The admin's maintenance of the organisation. Access is restricted to ADMIN by the security configuration
 * for {@code /api/v1/admin/**}. There is no delete: PUT with {@code active=false} (or {@code enabled=false})
 * keeps old orders pointing at something that exists.
 */
@RestController
@RequestMapping("/api/v1/admin")
class OrganizationAdminController {

    private final OrganizationAdmin admin;
    private final JdbcUserAccounts users;

    OrganizationAdminController(OrganizationAdmin admin, JdbcUserAccounts users) {
        this.admin = admin;
        this.users = users;
    }

    record NewUnit(
            @NotBlank(message = "不能为空") @Size(max = 64, message = "最长 64 个字符") String id,
            @NotBlank(message = "不能为空") @Size(max = 200, message = "最长 200 个字符") String name,
            @NotNull(message = "不能为空") UnitKind kind,
            @Size(max = 32, message = "最长 32 个字符") String contactPhone,
            String parentId,
            Boolean active) {
    }

    record UnitChange(
            @NotBlank(message = "不能为空") @Size(max = 200, message = "最长 200 个字符") String name,
            @NotNull(message = "不能为空") UnitKind kind,
            @Size(max = 32, message = "最长 32 个字符") String contactPhone,
            String parentId,
            @NotNull(message = "不能为空") Boolean active) {
    }

    @PostMapping("/units")
    @ResponseStatus(HttpStatus.CREATED)
    UnitView createUnit(@Valid @RequestBody NewUnit request, Actor actor) {
        return UnitView.of(admin.createUnit(request.id(), request.name(), request.kind(), request.contactPhone(),
                request.parentId(), request.active() == null || request.active(), actor));
    }

    @PutMapping("/units/{id}")
    UnitView updateUnit(@PathVariable String id, @Valid @RequestBody UnitChange request, Actor actor) {
        return UnitView.of(admin.updateUnit(id, request.name(), request.kind(), request.contactPhone(),
                request.parentId(), request.active(), actor));
    }

    /** {@code level} and {@code parentCode} may be left out: they follow from the code, and must agree with it. */
    record NewCategory(
            @NotBlank(message = "不能为空") String code,
            @NotBlank(message = "不能为空") @Size(max = 100, message = "最长 100 个字符") String name,
            @Min(value = 1, message = "应在 1 到 3 之间") @Max(value = 3, message = "应在 1 到 3 之间") Integer level,
            String parentCode,
            String defaultUnitId,
            Boolean active) {
    }

    record CategoryChange(
            @NotBlank(message = "不能为空") @Size(max = 100, message = "最长 100 个字符") String name,
            String defaultUnitId,
            @NotNull(message = "不能为空") Boolean active) {
    }

    @PostMapping("/categories")
    @ResponseStatus(HttpStatus.CREATED)
    CategoryView createCategory(@Valid @RequestBody NewCategory request, Actor actor) {
        CategoryEntry entry = admin.createCategory(request.code(), request.name(), request.level(),
                request.parentCode(), request.defaultUnitId(), request.active() == null || request.active(), actor);
        return CategoryView.of(entry, null);
    }

    @PutMapping("/categories/{code}")
    CategoryView updateCategory(@PathVariable String code, @Valid @RequestBody CategoryChange request,
            Actor actor) {
        return CategoryView.of(admin.updateCategory(code, request.name(), request.defaultUnitId(), request.active(),
                actor),
                null);
    }

    record NewPlace(
            @NotBlank(message = "不能为空") @Size(max = 64, message = "最长 64 个字符") String id,
            @NotBlank(message = "不能为空") @Size(max = 100, message = "最长 100 个字符") String name,
            @NotNull(message = "不能为空") PlaceKind kind,
            String parentId,
            @NotBlank(message = "不能为空") String unitId,
            @Size(max = 20, message = "最多 20 个别名") List<@NotBlank(message = "不能为空") @Size(max = 40,
                    message = "最长 40 个字符") String> aliases,
            Boolean active) {
    }

    record PlaceChange(
            @NotBlank(message = "不能为空") @Size(max = 100, message = "最长 100 个字符") String name,
            @NotNull(message = "不能为空") PlaceKind kind,
            String parentId,
            @NotBlank(message = "不能为空") String unitId,
            @Size(max = 20, message = "最多 20 个别名") List<@NotBlank(message = "不能为空") @Size(max = 40,
                    message = "最长 40 个字符") String> aliases,
            @NotNull(message = "不能为空") Boolean active) {
    }

    @PostMapping("/places")
    @ResponseStatus(HttpStatus.CREATED)
    PlaceView createPlace(@Valid @RequestBody NewPlace request, Actor actor) {
        return PlaceView.of(admin.createPlace(request.id(), request.name(), request.kind(), request.parentId(),
                request.unitId(), request.aliases(), request.active() == null || request.active(), actor));
    }

    @PutMapping("/places/{id}")
    PlaceView updatePlace(@PathVariable String id, @Valid @RequestBody PlaceChange request, Actor actor) {
        return PlaceView.of(admin.updatePlace(id, request.name(), request.kind(), request.parentId(),
                request.unitId(), request.aliases(), request.active(), actor));
    }

    record NewUser(
            @NotBlank(message = "不能为空") @Size(max = 64, message = "最长 64 个字符") String username,
            @NotBlank(message = "不能为空") @Size(max = 100, message = "最长 100 个字符") String displayName,
            @NotBlank(message = "不能为空") @Size(min = 8, max = 72, message = "长度应为 8 到 72 个字符") @PasswordLength
            String password,
            @NotNull(message = "不能为空") Role role,
            String unitId,
            Boolean enabled) {
    }

    record UserChange(
            @NotBlank(message = "不能为空") @Size(max = 100, message = "最长 100 个字符") String displayName,
            @NotNull(message = "不能为空") Role role,
            String unitId,
            @NotNull(message = "不能为空") Boolean enabled) {
    }

    record NewPassword(
            @NotBlank(message = "不能为空") @Size(min = 8, max = 72, message = "长度应为 8 到 72 个字符") @PasswordLength
            String password) {
    }

    @GetMapping("/users")
    List<UserView> users() {
        return users.all().stream().map(UserView::of).toList();
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    UserView createUser(@Valid @RequestBody NewUser request, Actor actor) {
        return UserView.of(admin.createUser(request.username(), request.displayName(), request.password(),
                request.role(), request.unitId(), request.enabled() == null || request.enabled(), actor));
    }

    @PutMapping("/users/{username}")
    UserView updateUser(@PathVariable String username, @Valid @RequestBody UserChange request, Actor actor) {
        return UserView.of(admin.updateUser(username, request.displayName(), request.role(), request.unitId(),
                request.enabled(), actor));
    }

    @PostMapping("/users/{username}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@PathVariable String username, @Valid @RequestBody NewPassword request, Actor actor) {
        admin.changePassword(username, request.password(), actor);
    }
}
