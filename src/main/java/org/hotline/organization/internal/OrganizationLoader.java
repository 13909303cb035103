package org.hotline.organization.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.hotline.organization.Category;
import org.hotline.organization.Place;
import org.hotline.organization.Unit;
import org.hotline.organization.UnitId;
import org.hotline.organization.UnitKind;
import org.hotline.organization.UserAccount;
import org.hotline.organization.internal.OrganizationFile.CategoryLine;
import org.hotline.organization.internal.OrganizationFile.PlaceLine;
import org.hotline.organization.internal.OrganizationFile.UnitLine;
import org.hotline.organization.internal.OrganizationFile.UserLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the organisation file ({@code hotline.organization.file}) into an empty database at startup, so a
 * fresh installation has its units, categories, users and places without any manual step.
 *
 * <p>The whole file is checked before anything is written, and written in one transaction: either the
 * complete organisation is there or none of it is. A bad file stops startup with a message naming the entry.
 * A database that already has units is left alone, whatever the file says, because from then on the admin
 * API is the source of truth. Several instances may start at once against one database: each checks for
 * emptiness again inside its transaction, and one that collides on a primary key with another instance's
 * insert concludes that the other one loaded the organisation.
 *
 * <p>It runs once all singletons exist, still within context refresh, so the organisation is in place before
 * any application runner or web request needs it.
 */
@Component
class OrganizationLoader implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(OrganizationLoader.class);

    private final JdbcUnits units;
    private final JdbcCategories categories;
    private final JdbcUserAccounts users;
    private final JdbcGazetteer places;
    private final PasswordEncoder passwordEncoder;
    private final TransactionTemplate transaction;
    private final ResourceLoader resourceLoader;
    private final OrganizationProperties properties;

    OrganizationLoader(JdbcUnits units, JdbcCategories categories, JdbcUserAccounts users, JdbcGazetteer places,
            PasswordEncoder passwordEncoder, PlatformTransactionManager transactionManager,
            ResourceLoader resourceLoader, OrganizationProperties properties) {
        this.units = units;
        this.categories = categories;
        this.users = users;
        this.places = places;
        this.passwordEncoder = passwordEncoder;
        this.transaction = new TransactionTemplate(transactionManager);
        this.resourceLoader = resourceLoader;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Resource file = resolve(properties.file());
        try {
            if (loadIfEmpty(file)) {
                log.info("Loaded the organisation from {}", file.getDescription());
            } else {
                log.info("The database already has an organisation; {} was not read", file.getDescription());
            }
        } catch (DuplicateKeyException e) {
            log.info("Another instance loaded the organisation at the same time; keeping its data ({})",
                    e.getMostSpecificCause().getMessage());
        }
    }

    /**
     * Loads the file when the units table is empty. Returns whether it did; throws
     * {@link OrganizationFileException} for a file that is missing or wrong, having written nothing.
     */
    boolean loadIfEmpty(Resource file) {
        if (!units.isEmpty()) {
            return false;
        }
        Plan plan = plan(read(file), file.getDescription());
        Boolean loaded = transaction.execute(status -> {
            if (!units.isEmpty()) {
                return false; // another instance committed between our first look and now
            }
            plan.units().forEach(units::insert);
            plan.categories().forEach(categories::insert);
            plan.users().forEach(users::insert);
            plan.places().forEach(places::insert);
            return true;
        });
        return Boolean.TRUE.equals(loaded);
    }

    /** A Spring resource location ({@code classpath:}, {@code file:}, a URL) or a plain filesystem path. */
    Resource resolve(String location) {
        boolean hasScheme = location.matches("^[a-z][a-z0-9+.-]+:.*");
        return hasScheme ? resourceLoader.getResource(location) : new FileSystemResource(location);
    }

    private static OrganizationFile read(Resource file) {
        if (!file.exists()) {
            throw new OrganizationFileException("Organisation file not found: " + file.getDescription()
                    + " (set hotline.organization.file)");
        }
        try (InputStream in = file.getInputStream()) {
            return OrganizationFile.read(in);
        } catch (IOException e) {
            throw new OrganizationFileException("Organisation file " + file.getDescription()
                    + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** What will be written, in an order that satisfies the foreign keys (parents first). */
    private record Plan(List<UnitEntry> units, List<CategoryEntry> categories, List<UserAccount> users,
            List<PlaceEntry> places) {
    }

    /** Checks the whole file and turns it into rows; fails on the first bad entry, naming it. */
    private Plan plan(OrganizationFile file, String source) {
        Problems problems = new Problems(source);

        Map<String, UnitLine> unitLines = new LinkedHashMap<>();
        for (int i = 0; i < file.units().size(); i++) {
            UnitLine line = file.units().get(i);
            String where = "units[" + i + "]" + (line.id() == null ? "" : " (" + line.id() + ")");
            OrganizationRules.idProblem(line.id()).ifPresent(p -> problems.fail(where, "id", p));
            problems.require(where, "name", line.name());
            problems.require(where, "kind", line.kind());
            if (unitLines.putIfAbsent(line.id(), line) != null) {
                problems.fail(where, "id", "单位编号「" + line.id() + "」重复");
            }
            if (line.parent() != null && !file.units().stream().anyMatch(u -> line.parent().equals(u.id()))) {
                problems.fail(where, "parent", "上级单位「" + line.parent() + "」不存在");
            }
        }
        if (unitLines.isEmpty()) {
            problems.fail("units", "units", "至少需要一个承办单位");
        }
        List<UnitEntry> unitRows = parentsFirst(unitLines, UnitLine::parent, "units", problems).stream()
                .map(u -> new UnitEntry(new Unit(new UnitId(u.id()), u.name().strip(), u.kind(), true), u.phone(),
                        u.parent() == null ? null : new UnitId(u.parent())))
                .toList();

        Map<String, CategoryLine> categoryLines = new LinkedHashMap<>();
        for (int i = 0; i < file.categories().size(); i++) {
            CategoryLine line = file.categories().get(i);
            String where = "categories[" + i + "]" + (line.code() == null ? "" : " (" + line.code() + ")");
            OrganizationRules.categoryCodeProblem(line.code()).ifPresent(p -> problems.fail(where, "code", p));
            problems.require(where, "name", line.name());
            if (categoryLines.putIfAbsent(line.code(), line) != null) {
                problems.fail(where, "code", "分类编码「" + line.code() + "」重复");
            }
            String parent = OrganizationRules.parentOf(line.code());
            if (parent != null && file.categories().stream().noneMatch(c -> parent.equals(c.code()))) {
                problems.fail(where, "code", "上级分类「" + parent + "」不存在");
            }
            if (line.unit() != null && !unitLines.containsKey(line.unit())) {
                problems.fail(where, "unit", "默认承办单位「" + line.unit() + "」不存在");
            }
        }
        // ordered by code, a parent (a prefix) always comes before its children
        List<CategoryEntry> categoryRows = categoryLines.values().stream()
                .sorted(Comparator.comparing(CategoryLine::code))
                .map(c -> new CategoryEntry(new Category(c.code(), c.name().strip(),
                        OrganizationRules.levelOf(c.code()), OrganizationRules.parentOf(c.code()),
                        c.unit() == null ? null : new UnitId(c.unit())), true))
                .toList();

        // bcrypt is slow on purpose: hash each distinct password once per load, not once per user
        Map<String, String> hashes = new HashMap<>();
        Set<String> usernames = new HashSet<>();
        List<UserAccount> userRows = new ArrayList<>();
        for (int i = 0; i < file.users().size(); i++) {
            UserLine line = file.users().get(i);
            String where = "users[" + i + "]" + (line.username() == null ? "" : " (" + line.username() + ")");
            OrganizationRules.usernameProblem(line.username()).ifPresent(p -> problems.fail(where, "username", p));
            problems.require(where, "name", line.name());
            problems.require(where, "role", line.role());
            if (!usernames.add(line.username())) {
                problems.fail(where, "username", "用户名「" + line.username() + "」重复");
            }
            OrganizationRules.roleUnitProblem(line.role(), line.unit() != null)
                    .ifPresent(p -> problems.fail(where, "unit", p));
            if (line.unit() != null && !unitLines.containsKey(line.unit())) {
                problems.fail(where, "unit", "承办单位「" + line.unit() + "」不存在");
            }
            String password = line.password() != null ? line.password() : file.defaultPassword();
            if (password == null || password.isBlank()) {
                problems.fail(where, "password", "未设置密码，文件也没有 defaultPassword");
            }
            userRows.add(new UserAccount(line.username(), line.name().strip(),
                    hashes.computeIfAbsent(password, passwordEncoder::encode), line.role(),
                    line.unit() == null ? null : new UnitId(line.unit()), true));
        }

        Map<String, PlaceLine> placeLines = new LinkedHashMap<>();
        for (int i = 0; i < file.places().size(); i++) {
            PlaceLine line = file.places().get(i);
            String where = "places[" + i + "]" + (line.id() == null ? "" : " (" + line.id() + ")");
            OrganizationRules.idProblem(line.id()).ifPresent(p -> problems.fail(where, "id", p));
            problems.require(where, "name", line.name());
            problems.require(where, "kind", line.kind());
            if (placeLines.putIfAbsent(line.id(), line) != null) {
                problems.fail(where, "id", "地名编号「" + line.id() + "」重复");
            }
            if (line.parent() != null && file.places().stream().noneMatch(p -> line.parent().equals(p.id()))) {
                problems.fail(where, "parent", "上级地名「" + line.parent() + "」不存在");
            }
            if (line.aliases() != null) {
                line.aliases().forEach(a -> OrganizationRules.aliasProblem(a)
                        .ifPresent(p -> problems.fail(where, "aliases", p)));
            }
        }
        Map<String, String> placeUnits = new HashMap<>();
        List<PlaceEntry> placeRows = new ArrayList<>();
        for (PlaceLine line : parentsFirst(placeLines, PlaceLine::parent, "places", problems)) {
            String where = "places (" + line.id() + ")";
            String unit = line.unit() != null ? line.unit() : placeUnits.get(line.parent());
            if (unit == null) {
                problems.fail(where, "unit", "未指定负责的属地单位，也没有可继承单位的上级地名");
            }
            UnitLine unitLine = unitLines.get(unit);
            if (unitLine == null) {
                problems.fail(where, "unit", "承办单位「" + unit + "」不存在");
            }
            OrganizationRules.placeUnitProblem(unit, unitLine.kind()).ifPresent(p -> problems.fail(where, "unit", p));
            placeUnits.put(line.id(), unit);
            placeRows.add(new PlaceEntry(new Place(line.id(), line.name().strip(), line.kind(), line.parent(),
                    new UnitId(unit), line.aliases()), true));
        }
        return new Plan(unitRows, categoryRows, userRows, placeRows);
    }

    /** Orders entries so that every parent comes before its children; fails on a cycle. */
    private static <T> List<T> parentsFirst(Map<String, T> byId, Function<T, String> parentOf, String section,
            Problems problems) {
        List<T> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (String id : byId.keySet()) {
            List<String> chain = new ArrayList<>();
            String current = id;
            while (current != null && !placed.contains(current)) {
                if (chain.contains(current)) {
                    problems.fail(section + " (" + id + ")", "parent", "上级关系形成循环：" + String.join(" → ", chain));
                }
                chain.add(current);
                current = Optional.ofNullable(byId.get(current)).map(parentOf).orElse(null);
            }
            for (int i = chain.size() - 1; i >= 0; i--) {
                placed.add(chain.get(i));
                ordered.add(byId.get(chain.get(i)));
            }
        }
        return ordered;
    }

    /** Turns a problem into the exception that stops startup, naming file, entry and field. */
    private record Problems(String source) {

        void fail(String where, String field, String problem) {
            throw new OrganizationFileException(
                    "Organisation file " + source + ": " + where + ", " + field + ": " + problem);
        }

        void require(String where, String field, Object value) {
            if (value == null || (value instanceof String s && s.isBlank())) {
                fail(where, field, "不能为空");
            }
        }
    }
}
