package org.hotline.organization.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline.organization.Role;
import org.hotline.organization.UnitId;
import org.hotline.organization.UserAccount;
import org.hotline.organization.UserAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The users table. Not cached: it is read once per sign-in, and a disabled user must be refused at once,
 * also by the other instances.
 */
@Component
class JdbcUserAccounts implements UserAccounts {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcUserAccounts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<UserAccount> find(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM users WHERE username = :username").param("username", username)
                .query(JdbcUserAccounts::map).optional();
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
    }

    /** Changes everything but the password, which only {@link #changePassword} sets. */
    void update(UserAccount user) {
        jdbc.sql("""
                UPDATE users SET display_name = :displayName, role = :role, unit_id = :unit, enabled = :enabled,
                                 updated_at = :now
                WHERE username = :username""")
                .params(params(user))
                .update();
    }

    void changePassword(String username, String passwordHash) {
        jdbc.sql("UPDATE users SET password_hash = :hash, updated_at = :now WHERE username = :username")
                .param("hash", passwordHash)
                .param("now", OffsetDateTime.now(clock))
                .param("username", username)
                .update();
    }

    private Map<String, Object> params(UserAccount user) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("username", user.username());
        params.put("displayName", user.displayName());
        params.put("hash", user.passwordHash());
        params.put("role", user.role().name());
        params.put("unit", user.unit() == null ? null : user.unit().value());
        params.put("enabled", user.enabled());
        params.put("now", OffsetDateTime.now(clock));
        return params;
    }

    private static UserAccount map(ResultSet rs, int row) throws SQLException {
        String unit = rs.getString("unit_id");
        return new UserAccount(rs.getString("username"), rs.getString("display_name"),
                rs.getString("password_hash"), Role.valueOf(rs.getString("role")),
                unit == null ? null : new UnitId(unit), rs.getBoolean("enabled"));
    }
}
