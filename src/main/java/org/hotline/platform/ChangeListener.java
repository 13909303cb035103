package org.hotline.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL side of {@link ChangeSignals}: a thread that holds one connection, {@code LISTEN}s on the
 * channel, and reads {@code change_version} after every notification and, when none came, every poll interval.
 * That read is also the proof that the connection is alive (a half-open connection is caught by the network
 * timeout); when the connection fails, the thread opens another after a growing pause and reads the versions
 * first, so that what it missed in between is not lost.
 *
 * <p>The connection is borrowed from the application's pool for as long as it listens: one of its connections,
 * which keeps the listener on exactly the database, user and settings the rest of the application uses.
 */
final class ChangeListener {

    private static final Logger log = LoggerFactory.getLogger(ChangeListener.class);
    private static final long FIRST_PAUSE_MILLIS = 250;
    private static final long LONGEST_PAUSE_MILLIS = 10_000;

    private final DataSource dataSource;
    private final ChangeSignals signals;
    private final int pollMillis;
    private volatile boolean running;
    private volatile Thread thread;
    private volatile Connection connection;
    /** Only the listener's thread touches these two. */
    private boolean failing;
    private long pause = FIRST_PAUSE_MILLIS;

    ChangeListener(DataSource dataSource, ChangeSignals signals, Duration pollInterval) {
        this.dataSource = dataSource;
        this.signals = signals;
        this.pollMillis = (int) Math.min(Integer.MAX_VALUE, pollInterval.toMillis());
    }

    void start() {
        running = true;
        Thread t = new Thread(this::run, "hotline-change-listener");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /**
     * Ends the thread: aborts the connection it waits on (a pool that is closing would do the same), or ends its
     * pause between attempts.
     */
    void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
        Connection c = connection;
        if (c != null) {
            try {
                c.abort(Runnable::run);
            } catch (SQLException | RuntimeException e) {
                // stopping anyway
            }
        }
    }

    private void run() {
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                connection = c;
                listen(c);
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                if (!failing) {
                    log.warn("Not listening for changes made on other instances ({}); reconnecting", e.toString());
                    failing = true;
                }
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
            } finally {
                connection = null;
            }
        }
    }

    private void listen(Connection c) throws SQLException {
        c.setAutoCommit(true);
        // a query stuck on a dead connection gives up after this, and the loop opens another
        c.setNetworkTimeout(Runnable::run, (int) Math.min(Integer.MAX_VALUE, 2L * Math.max(pollMillis, 10_000)));
        try (Statement s = c.createStatement()) {
            s.execute("LISTEN " + ChangeSignals.CHANNEL);
        }
        PGConnection pg = c.unwrap(PGConnection.class);
        // whatever changed while nobody listened
        signals.catchUp(versions(c));
        if (failing) {
            log.info("Listening for changes made on other instances again");
            failing = false;
        }
        pause = FIRST_PAUSE_MILLIS;
        while (running) {
            // returns at the first notification, or empty after the poll interval: either way, read the versions
            pg.getNotifications(pollMillis);
            signals.catchUp(versions(c));
        }
    }

    private static Map<String, Long> versions(Connection c) throws SQLException {
        Map<String, Long> versions = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT topic, version FROM change_version")) {
            while (rs.next()) {
                versions.put(rs.getString(1), rs.getLong(2));
            }
        }
        return versions;
    }
}
