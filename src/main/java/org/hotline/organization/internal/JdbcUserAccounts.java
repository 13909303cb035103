package org.hotline.organization.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.hotline.organization.OrganizationChanges;
import org.hotline.organization.Role;
import org.hotline.organization.UnitId;
import org.hotline.organization.UserAccount;
import org.hotline.organization.UserAccounts;
import org.hotline.platform.ChangeSignals;
import org.hotline.platform.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The users table. Every request asks for its user as the account is now (a disabled user is refused, a moved
 * one acts for the new unit), so accounts are remembered in memory, each with the users' version it was read
 * at (see {@link ChangeSignals}): any change to any user, on any instance, makes every remembered account be
 * read again on its next use. Unknown names are remembered too, so that guessing names costs no queries.
 */
@Component
class JdbcUserAccounts implements UserAccounts {

    /** Far more than the people signed in at once; past it, the memory starts over. */
    private static final int REMEMBERED = 10_000;

    private record Known(long version, Optional<UserAccount> account) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ChangeSignals signals;
    private final ChangeSignals.Version version;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    JdbcUserAccounts(JdbcClient jdbc, Clock clock, ChangeSignals signals) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.signals = signals;
        this.version = signals.version(OrganizationChanges.USERS);
    }

    @Override
    public Optional<UserAccount> find(String username) {
        if (username == null) {
            return Optional.empty();
        }
        // the version before the read: a change committed meanwhile leaves this entry outdated, never kept as new
        long now = version.current();
        Known k = known.get(username);
        if (k != null && k.version() == now) {
            return k.account();
        }
        Optional<UserAccount> account = current(username);
        if (known.size() >= REMEMBERED) {
            known.clear();
        }
        known.put(username, new Known(now, account));
        return account;
    }

    @Override
    public List<UserAccount> withRole(Role role) {
        return jdbc.sql("SELECT * FROM users WHERE role = :role ORDER BY username").param("role", role.name())
                .query(JdbcUserAccounts::map).list();
    }

    /** The account as committed now, bypassing memory: for checks before a write. */
    Optional<UserAccount> current(String username) {
        return jdbc.sql("SELECT * FROM users WHERE username = :username").param("username", username)
                .query(JdbcUserAccounts::map).optional();
    }

    record Found(List<UserAccount> users, long total) {
    }

    /** A page of users whose username or name contains {@code text} (null: any), of {@code role} (null: any). */
    Found page(String text, Role role, long offset, int limit) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (text != null && !text.isBlank()) {
            where.append(" AND (LOWER(username) LIKE :text ESCAPE '\\' OR display_name LIKE :text ESCAPE '\\')");
            params.put("text", "%" + text.strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (role != null) {
            where.append(" AND role = :role");
            params.put("role", role.name());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM users" + where).params(params).query(Long.class).single();
        params.put("limit", limit);
        params.put("offset", offset);
        List<UserAccount> found = jdbc.sql("SELECT * FROM users" + where
                + " ORDER BY username LIMIT :limit OFFSET :offset").params(params).query(JdbcUserAccounts::map).list();
        return new Found(found, total);
    }

    List<UserAccount> all() {
        return jdbc.sql("SELECT * FROM users ORDER BY username").query(JdbcUserAccounts::map).list();
    }

    void insert(UserAccount user) {
        jdbc.sql("""
                INSERT INTO users (username, display_name, password_hash, role, unit_id, enabled, updated_at)
                VALUES (:username, :displayName, :hash, :role, :unit, :enabled, :now)""")
                .params(params(user))
                .update();
        signals.changed(OrganizationChanges.USERS);
    }

    /** Changes everything but the password, which only {@link #changePassword} sets. */
    void update(UserAccount user) {
        jdbc.sql("""
                UPDATE users SET display_name = :displayName, role = :role, unit_id = :unit, enabled = :enabled,
                                 updated_at = :now
                WHERE username = :username""")
                .params(params(user))
                .update();
        signals.changed(OrganizationChanges.USERS);
    }

    void changePassword(String username, String passwordHash) {
        jdbc.sql("UPDATE users SET password_hash = :hash, updated_at = :now WHERE username = :username")
                .param("hash", passwordHash)
                .param("now", DbTime.param(clock.instant()))
                .param("username", username)
                .update();
        signals.changed(OrganizationChanges.USERS);
    }

    private Map<String, Object> params(UserAccount user) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("username", user.username());
        params.put("displayName", user.displayName());
        params.put("hash", user.passwordHash());
        params.put("role", user.role().name());
        params.put("unit", user.unit() == null ? null : user.unit().value());
        params.put("enabled", user.enabled());
        params.put("now", DbTime.param(clock.instant()));
        return params;
    }

    private static UserAccount map(ResultSet rs, int row) throws SQLException {
        String unit = rs.getString("unit_id");
        return new UserAccount(rs.getString("username"), rs.getString("display_name"),
                rs.getString("password_hash"), Role.valueOf(rs.getString("role")),
                unit == null ? null : new UnitId(unit), rs.getBoolean("enabled"));
    }
}
