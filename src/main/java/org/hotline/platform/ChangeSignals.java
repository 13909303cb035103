package org.hotline.platform;

import java.sql.DatabaseMetaData;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells every instance that admin-edited reference data has changed (units, users, routing rules, the active
 * dispatch model...), so that what each instance holds in memory is never older than the next request after a
 * commit here, and about a second after a commit elsewhere.
 *
 * <p>A change is named by a topic (e.g. {@code organization.units}). The code that writes the data calls
 * {@link #changed} in the same transaction; that raises the topic's row in {@code change_version} and, on
 * PostgreSQL, sends a {@code NOTIFY}, which PostgreSQL delivers only once the transaction commits (and never if
 * it rolls back). After the commit this instance moves the topic on at once, in the committing thread, so the
 * writer's next request already reads the new data. Every other instance listens on a connection of its own
 * ({@link ChangeListener}): a notification makes it read the versions and move on every topic that went up; the
 * same read every {@code hotline.changes.poll-interval} (10 s) heals a notification missed while that connection
 * was down. H2 runs one instance (its file is locked), so the in-process step is all it needs.
 *
 * <p>Readers hold their data as a {@link Snapshot} or check a {@link Version}: a counter per topic, read with one
 * volatile load, so the hot path (every intake reads units and categories, every request the user) pays nothing
 * for asking. Work that must happen when a topic changes (loading another model) {@link #subscribe}s; it runs on
 * a thread of its own, and is tried again after the poll interval if it fails.
 */
@Component
public class ChangeSignals implements SmartLifecycle {

    /** The PostgreSQL channel the notifications travel on. */
    static final String CHANNEL = "hotline_changes";

    private static final Logger log = LoggerFactory.getLogger(ChangeSignals.class);
    private static final int TOPIC_LENGTH = 64;

    private final JdbcClient jdbc;
    private final boolean postgres;
    private final Duration pollInterval;
    private final ChangeListener listener;
    /** This instance's counter per topic: moves whenever the topic's data may have changed. */
    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
    /** The database version of each topic this instance has acted on. */
    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    private final Map<String, List<Runnable>> subscribers = new ConcurrentHashMap<>();
    private final ScheduledThreadPoolExecutor notifier;
    private volatile boolean running;

    public ChangeSignals(DataSource dataSource,
            @Value("${hotline.changes.poll-interval:PT10S}") Duration pollInterval) {
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("hotline.changes.poll-interval must be positive");
        }
        this.jdbc = JdbcClient.create(dataSource);
        this.postgres = "PostgreSQL".equals(productName(dataSource));
        this.pollInterval = pollInterval;
        this.listener = postgres ? new ChangeListener(dataSource, this, pollInterval) : null;
        this.notifier = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "hotline-change-subscribers");
            t.setDaemon(true);
            return t;
        });
        // idle most of the time: the thread goes away between changes (a hand-built instance is never stopped)
        notifier.setKeepAliveTime(1, TimeUnit.MINUTES);
        notifier.allowCoreThreadTimeOut(true);
    }

    /**
     * Records that the topic's data changed. Call it in the transaction that changes the data: every instance
     * hears of it once that transaction commits. Outside a transaction the change counts as committed already.
     */
    public void changed(String topic) {
        check(topic);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            heard(topic, write(topic));
            return;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        // one raise per topic and transaction, however many rows it writes (a loaded organisation: thousands)
        if (!pending.versions.containsKey(topic)) {
            pending.versions.put(topic, write(topic));
        }
    }

    /** A counter that moves whenever one of the topics changes, here or on another instance. */
    public Version version(String... topics) {
        if (topics.length == 0) {
            throw new IllegalArgumentException("a version needs at least one topic");
        }
        AtomicLong[] parts = new AtomicLong[topics.length];
        for (int i = 0; i < topics.length; i++) {
            parts[i] = counter(check(topics[i]));
        }
        return new Version(parts);
    }

    /** A value loaded when first read and again on the first read after one of the topics changed. */
    public <T> Snapshot<T> snapshot(Supplier<T> loader, String... topics) {
        return new Snapshot<>(Objects.requireNonNull(loader, "loader"), version(topics));
    }

    /**
     * Runs {@code action} after every change of the topic, here or elsewhere, on the signals' own thread. An
     * action that throws is run again after the poll interval: the change it missed is not signalled twice.
     */
    public void subscribe(String topic, Runnable action) {
        Objects.requireNonNull(action, "action");
        subscribers.computeIfAbsent(check(topic), t -> new CopyOnWriteArrayList<>()).add(action);
    }

    /** Raises the topic's version in the current transaction and returns it; on PostgreSQL notifies at commit. */
    private long write(String topic) {
        jdbc.sql("INSERT INTO change_version (topic, version) VALUES (:topic, 0) ON CONFLICT DO NOTHING")
                .param("topic", topic).update();
        jdbc.sql("UPDATE change_version SET version = version + 1 WHERE topic = :topic").param("topic", topic).update();
        long version = jdbc.sql("SELECT version FROM change_version WHERE topic = :topic").param("topic", topic)
                .query(Long.class).single();
        if (postgres) {
            // delivered by PostgreSQL when (and only if) this transaction commits
            jdbc.sql("SELECT pg_notify(:channel, :topic)").param("channel", CHANNEL).param("topic", topic)
                    .query((rs, row) -> Boolean.TRUE).list();
        }
        return version;
    }

    /** This instance's own change, committed: readers move on at once, whatever the listener has seen yet. */
    private void heard(String topic, long version) {
        advance(topic, version);
        move(topic);
    }

    /**
     * The versions as the database has them now (after a notification, or from the safety poll): every topic
     * that went up since this instance last acted on it moves on.
     */
    void catchUp(Map<String, Long> versions) {
        versions.forEach((topic, version) -> {
            if (advance(topic, version)) {
                log.debug("Reference data '{}' changed on another instance (version {})", topic, version);
                move(topic);
            }
        });
    }

    /** Remembers the version; says whether it is newer than the one remembered. */
    private boolean advance(String topic, long version) {
        AtomicBoolean newer = new AtomicBoolean();
        seen.compute(topic, (t, known) -> {
            if (known == null || version > known) {
                newer.set(true);
                return version;
            }
            return known;
        });
        return newer.get();
    }

    private void move(String topic) {
        counter(topic).incrementAndGet();
        subscribers.getOrDefault(topic, List.of()).forEach(this::deliver);
    }

    private void deliver(Runnable action) {
        try {
            notifier.execute(() -> {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    log.warn("A reaction to changed reference data failed; trying again in {}: {}", pollInterval,
                            e.toString());
                    retryLater(action);
                }
            });
        } catch (RejectedExecutionException e) {
            // stopping: nothing is served any more
        }
    }

    private void retryLater(Runnable action) {
        try {
            notifier.schedule(() -> deliver(action), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // stopping
        }
    }

    private AtomicLong counter(String topic) {
        return counters.computeIfAbsent(topic, t -> new AtomicLong());
    }

    private static String check(String topic) {
        if (topic == null || topic.isBlank() || topic.length() > TOPIC_LENGTH) {
            throw new IllegalArgumentException("a topic is a name of 1 to " + TOPIC_LENGTH + " characters: " + topic);
        }
        return topic;
    }

    private static String productName(DataSource dataSource) {
        try {
            return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("cannot tell which database this is", e);
        }
    }

    /** Listens on PostgreSQL; on H2 there is no other instance to hear from. */
    @Override
    public void start() {
        running = true;
        if (listener != null) {
            listener.start();
        }
    }

    @Override
    public void stop() {
        running = false;
        if (listener != null) {
            listener.stop();
        }
        notifier.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The topics a transaction changed, with their new versions, heard here once it commits. */
    private final class Pending implements TransactionSynchronization {

        private final Map<String, Long> versions = new LinkedHashMap<>();

        @Override
        public void afterCommit() {
            versions.forEach(ChangeSignals.this::heard);
        }

        /** A transaction started inside this one (REQUIRES_NEW) collects its own changes, heard at its commit. */
        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(ChangeSignals.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(ChangeSignals.this, this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(ChangeSignals.this);
        }
    }

    /** How often one or more topics have changed, as far as this instance knows: compare, don't interpret. */
    public static final class Version {

        private final AtomicLong[] parts;

        private Version(AtomicLong[] parts) {
            this.parts = parts;
        }

        public long current() {
            long sum = 0;
            for (AtomicLong part : parts) {
                sum += part.get(); // each part only grows, so the sum moves whenever any of them does
            }
            return sum;
        }
    }

    /**
     * A value derived from reference data (a table read into memory, an index built from it), kept until one of
     * its topics changes. Two threads may both load after a change: harmless, both read committed data.
     */
    public static final class Snapshot<T> implements Supplier<T> {

        private record Entry<T>(long version, T value) {
        }

        private final Supplier<T> loader;
        private final Version version;
        private volatile Entry<T> entry;

        private Snapshot(Supplier<T> loader, Version version) {
            this.loader = loader;
            this.version = version;
        }

        @Override
        public T get() {
            // read before loading: a change that lands while loading leaves this entry outdated, so the next read
            // loads again instead of keeping what may predate the change
            long now = version.current();
            Entry<T> current = entry;
            if (current != null && current.version() == now) {
                return current.value();
            }
            T value = loader.get();
            entry = new Entry<>(now, value);
            return value;
        }
    }
}
