package org.hotline.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL (the production database) per test JVM, started on first use and stopped when the JVM
 * exits. Starting a server takes seconds, creating a database milliseconds: so the server is shared and
 * every Spring context (or test that wants one) gets a fresh, empty database of its own.
 */
public final class SharedPostgres {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private SharedPostgres() {
    }

    /** Creates an empty database and returns its JDBC URL; user {@link #USER}, password {@link #PASSWORD}. */
    public static String newDatabase(String purpose) {
        String name = "hotline_" + purpose.replaceAll("[^a-z0-9]", "_").toLowerCase() + "_"
                + DATABASES.incrementAndGet() + "_" + ProcessHandle.current().pid();
        EmbeddedPostgres pg = server();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            // the name is built from [a-z0-9_] only, so it needs no quoting
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return pg.getJdbcUrl(USER, name);
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // the JVM is exiting; the data directory is temporary and is cleaned up with it
                }
            }, "embedded-postgres-shutdown"));
        }
        return server;
    }
}
