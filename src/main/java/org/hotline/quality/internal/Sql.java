package org.hotline.quality.internal;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Row mapping the quality module's tables need beyond plain JDBC (moments: {@code platform.DbTime}). */
final class Sql {

    private Sql() {
    }

    static Boolean nullableBoolean(ResultSet rs, String column) throws SQLException {
        boolean v = rs.getBoolean(column);
        return rs.wasNull() ? null : v;
    }
}
