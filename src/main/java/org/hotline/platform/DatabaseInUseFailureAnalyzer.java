package org.hotline.platform;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * A second hotline started in the same folder finds the embedded H2 database file locked by the first, and
 * used to print some sixty lines of stack trace. This says it in one line instead: which database, that
 * another process holds it, and what to do; the start fails (exit code 1) as before. Registered in
 * {@code META-INF/spring.factories}.
 */
public final class DatabaseInUseFailureAnalyzer implements FailureAnalyzer {

    /** H2's "Database may be already in use" (ErrorCode.DATABASE_ALREADY_OPEN_1). */
    static final int H2_DATABASE_ALREADY_OPEN = 90020;
    private static final Pattern H2_URL = Pattern.compile("^jdbc:h2:(?:file:)?([^;]+)");
    private static final Pattern QUOTED_FILE = Pattern.compile("\"([^\"]+?)(?:\\.mv\\.db)?\"");

    private final Environment environment;

    DatabaseInUseFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException e && e.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                return new FailureAnalysis("数据库 " + database(e) + " 正被另一个 hotline 进程使用（H2 文件已锁定）："
                        + "请先停止它，或用 --spring.datasource.url 指向另一个数据库",
                        "停止正在使用该数据库的另一个 hotline 进程，或用 --spring.datasource.url 指向另一个数据库",
                        null);
            }
        }
        return null;
    }

    /** The database as configured (./data/hotline), else the file H2 names in its message. */
    private String database(SQLException e) {
        String url = environment == null ? null : environment.getProperty("spring.datasource.url");
        if (url != null) {
            Matcher m = H2_URL.matcher(url);
            if (m.find()) {
                return m.group(1);
            }
        }
        Matcher m = QUOTED_FILE.matcher(String.valueOf(e.getMessage()));
        return m.find() ? m.group(1) : "（H2 文件）";
    }
}
