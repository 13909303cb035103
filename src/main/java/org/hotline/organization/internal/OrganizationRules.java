package org.hotline.organization.internal;

import java.util.Optional;
import java.util.regex.Pattern;

import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.organization.UnitKind;

/**
 * The rules an organisation must follow, shared by the file loader and the admin API. Each check returns
 * the problem as the user reads it (Simplified Chinese), or empty when the value is fine; the caller adds
 * which field or file entry it was.
 */
final class OrganizationRules {

    /** Ids of units and places: lower-case letters, digits, '-', '_' and '.', as they appear in URLs. */
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    /** Category codes: two digits per level, dot-separated, at most three levels (01, 01.02, 01.02.03). */
    private static final Pattern CATEGORY_CODE = Pattern.compile("\\d{2}(\\.\\d{2}){0,2}");

    /** The separator of aliases in the places table, so it cannot appear inside one. */
    static final String ALIAS_SEPARATOR = "|";

    private OrganizationRules() {
    }

    static Optional<String> idProblem(String id) {
        if (id == null || id.isBlank()) {
            return Optional.of("不能为空");
        }
        return ID.matcher(id).matches() ? Optional.empty()
                : Optional.of("「" + id + "」格式不正确：只能使用小写字母、数字和 . _ -，以字母或数字开头，最长 64 个字符");
    }

    /**
     * Usernames are ids, and none may be one the platform acts under itself ({@link Actor#PLATFORM_USERNAMES}):
     * a person called "system" would pass for the platform in the history and in the rules that single it out.
     */
    static Optional<String> usernameProblem(String username) {
        Optional<String> problem = idProblem(username);
        if (problem.isPresent()) {
            return problem;
        }
        return Actor.isPlatformUsername(username)
                ? Optional.of("「" + username + "」是系统保留的用户名（系统自身以此身份操作），请换一个用户名")
                : Optional.empty();
    }

    static Optional<String> categoryCodeProblem(String code) {
        if (code == null || code.isBlank()) {
            return Optional.of("不能为空");
        }
        return CATEGORY_CODE.matcher(code).matches() ? Optional.empty()
                : Optional.of("「" + code + "」格式不正确：应为两位数字一级，用 . 分隔，最多三级，如 01、01.02、01.02.03");
    }

    /** The level a well-formed code stands for: one per dot-separated part. */
    static int levelOf(String code) {
        return code.split("\\.").length;
    }

    /** The parent a well-formed code stands for: the code without its last part; null at level 1. */
    static String parentOf(String code) {
        int dot = code.lastIndexOf('.');
        return dot < 0 ? null : code.substring(0, dot);
    }

    /** Unit roles act for one unit and must have it; center roles act for the center and have none. */
    static Optional<String> roleUnitProblem(Role role, boolean hasUnit) {
        if (!role.isCenter() && !hasUnit) {
            return Optional.of("角色 " + role + " 属于承办单位，必须指定承办单位");
        }
        if (role.isCenter() && hasUnit) {
            return Optional.of("角色 " + role + " 属于受理中心，不能指定承办单位");
        }
        return Optional.empty();
    }

    /** A place is in the area of a territorial unit: industry departments have no area. */
    static Optional<String> placeUnitProblem(String unitId, UnitKind kind) {
        return kind == UnitKind.TERRITORIAL ? Optional.empty()
                : Optional.of("承办单位「" + unitId + "」不是属地单位（镇街、园区），不能负责地名");
    }

    static Optional<String> aliasProblem(String alias) {
        if (alias == null || alias.isBlank()) {
            return Optional.of("别名不能为空");
        }
        return alias.contains(ALIAS_SEPARATOR) ? Optional.of("别名「" + alias + "」不能包含 " + ALIAS_SEPARATOR)
                : Optional.empty();
    }
}
