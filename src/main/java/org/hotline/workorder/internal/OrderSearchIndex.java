package org.hotline.workorder.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.hotline.platform.DbTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the keyword search's index ({@link OrderTextIndex}) holding exactly the orders of the database, and says
 * when it does not, so that the search then asks the database alone ({@code LIKE}, as before the index): a search
 * is never wrong because the index lags, only slower.
 *
 * <p>An order's content and address never change after registration (merges, replies and corrections write other
 * columns; {@link JdbcWorkOrders#add} is the only insert), so the index only ever gains orders, and it is complete
 * exactly when it holds as many orders as the table ({@link #complete}, a {@code COUNT(*)} per search, which H2
 * answers without reading the table). Orders reach it
 * <ul>
 *   <li>from this instance, right after the registration commits (a transaction synchronisation on the insert),
 *       indexed by a thread of the index's own so that intake never waits for it;</li>
 *   <li>from other instances sharing the database (and rows written by other programs), by the catch-up every
 *       {@code hotline.order-search.catch-up-interval} (5 s): the orders registered since shortly before the newest
 *       one indexed ({@code hotline.order-search.catch-up-window}, 10 minutes, for clocks that differ and
 *       transactions that commit late) that the index lacks. A search that finds the index short runs the same
 *       catch-up first, so an order registered a moment ago on another instance is found at once;</li>
 *   <li>whatever else is missing (rows written with an old registration time, a database restored from a backup, an
 *       index left behind by a crash) by a comparison of the whole table with the index, at start and whenever
 *       the counts still differ after the catch-up; meanwhile the search asks the database.</li>
 * </ul>
 *
 * <p>The index lives in {@code hotline.order-search.index-dir}; by default beside an H2 database file
 * ({@code ./data/order-search} for {@code ./data/hotline}) and in memory otherwise, e.g. in tests. A restart reads
 * it and compares it with the table instead of indexing every order again. An index that cannot be read (corrupt,
 * of an older format) is deleted and built again, one locked by another process is replaced by one in memory:
 * never a reason not to start.
 */
@Component
class OrderSearchIndex implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OrderSearchIndex.class);
    /** Orders read from the database per query when indexing. */
    private static final int BATCH = 500;
    /**
     * How long a search that finds the index short waits for an indexing in progress (a registration's takes a few
     * milliseconds, more on a busy machine) before it asks the database alone.
     */
    private static final long SEARCH_WAIT_MILLIS = 200;
    /** Whole-table comparisons asked for by searches run at most this often. */
    private static final Duration RECONCILE_GAP = Duration.ofSeconds(30);

    /** What the index is doing: off, being built or compared with the table, or answering searches. */
    enum State { DISABLED, BUILDING, READY }

    /**
     * Who answered a keyword search: the index alone (a keyword and nothing else), the table on the orders the
     * index found, the index among a unit's orders, or the table alone (index not complete, or too many matches
     * with other conditions).
     */
    enum Answer { INDEX, CANDIDATES, UNITS, TABLE }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final boolean enabled;
    private final Path location;
    private final int maxCandidates;
    private final Duration window;

    /** One writer at a time: the registrations' indexing, the catch-up and the comparison with the table. */
    private final ReentrantLock writing = new ReentrantLock();
    /** Orders this instance registered that are not indexed yet. */
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final AtomicBoolean reconcileScheduled = new AtomicBoolean();
    private final ExecutorService worker;

    private volatile OrderTextIndex index;
    private volatile boolean ready;
    private volatile boolean running;
    private volatile boolean dirty;
    private volatile boolean inMemory;
    /** A whole-table comparison runs: a search that finds the index short does not wait for it. */
    private volatile boolean comparing;
    /** The newest registration time indexed: the catch-up looks for orders from shortly before it on. */
    private volatile Instant newest;
    private volatile Instant lastReconcile = Instant.MIN;
    /** Orders the last comparison with the table indexed (a restart with a current index: none). */
    private volatile long lastIndexed;
    private final Map<Answer, LongAdder> answers = new EnumMap<>(Answer.class);

    OrderSearchIndex(JdbcClient jdbc, Clock clock,
            @Value("${hotline.order-search.enabled:true}") boolean enabled,
            @Value("${hotline.order-search.index-dir:}") String indexDir,
            @Value("${spring.datasource.url:}") String datasourceUrl,
            @Value("${hotline.order-search.max-candidates:2000}") int maxCandidates,
            @Value("${hotline.order-search.catch-up-window:PT10M}") Duration window) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.enabled = enabled;
        this.location = indexDir.isBlank() ? besideH2File(datasourceUrl) : Path.of(indexDir);
        this.maxCandidates = maxCandidates;
        this.window = window;
        for (Answer a : Answer.values()) {
            answers.put(a, new LongAdder());
        }
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "order-search-index");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * {@code order-search} beside the file of an embedded H2 database ({@code jdbc:h2:file:./data/hotline} or
     * {@code jdbc:h2:./data/hotline}); null (in memory) for an in-memory H2, a server or another database.
     */
    static Path besideH2File(String url) {
        if (url == null || !url.startsWith("jdbc:h2:")) {
            return null;
        }
        String rest = url.substring("jdbc:h2:".length());
        int settings = rest.indexOf(';');
        String path = settings < 0 ? rest : rest.substring(0, settings);
        if (path.startsWith("file:")) {
            path = path.substring("file:".length());
        } else if (path.startsWith("mem:") || path.startsWith("tcp:") || path.startsWith("ssl:")
                || path.startsWith("zip:") || path.startsWith("split:") || path.startsWith("nio")) {
            return null;
        }
        if (path.isBlank()) {
            return null;
        }
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        Path file = Path.of(path).toAbsolutePath().normalize();
        return file.getParent() == null ? null : file.getParent().resolve("order-search");
    }

    int maxCandidates() {
        return maxCandidates;
    }

    /**
     * Up to this many matches, a search among a unit's orders lets the table check them; above it, reading the
     * numbers of the unit's orders (a few ten thousand at most, from an index) and matching them costs less.
     */
    int fewCandidates() {
        return Math.min(200, maxCandidates);
    }

    void answered(Answer answer) {
        answers.get(answer).increment();
    }

    /** How many keyword searches were answered so, since the start. */
    long answers(Answer answer) {
        return answers.get(answer).sum();
    }

    long lastIndexed() {
        return lastIndexed;
    }

    State state() {
        return !enabled ? State.DISABLED : ready ? State.READY : State.BUILDING;
    }

    /** How many orders the index holds now (whether or not it is complete). */
    int size() {
        OrderTextIndex current = index;
        if (current == null) {
            return 0;
        }
        try (OrderTextIndex.View view = current.view()) {
            return view.size();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Where the index lives: a directory, or "memory". */
    String where() {
        return inMemory || location == null ? "memory" : location.toString();
    }

    // ---------------------------------------------------------------- what the search asks

    /**
     * A view of the index holding exactly the orders of the table, or empty when the index cannot promise that
     * now (not built yet, behind and busy, broken): the caller then asks the database alone. Close the view.
     */
    Optional<OrderTextIndex.View> complete() {
        OrderTextIndex current = index;
        if (!ready || current == null) {
            return Optional.empty();
        }
        try {
            long orders = count();
            OrderTextIndex.View view = current.view();
            if (view.size() == orders) {
                return Optional.of(view);
            }
            view.close();
            // behind: orders this instance or another one registered a moment ago; index them now, unless a
            // longer indexing holds the index (then the database answers this once)
            if (!comparing && writing.tryLock(SEARCH_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                try {
                    drainLocked();
                    catchUpRecentLocked();
                } finally {
                    writing.unlock();
                }
                orders = count();
                view = current.view();
                if (view.size() == orders) {
                    return Optional.of(view);
                }
                view.close();
                reconcileLater(false);
            }
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (DataAccessException e) {
            // the database failed, not the index: the search fails as it would without one
            throw e;
        } catch (IOException | RuntimeException e) {
            broken(e);
            return Optional.empty();
        }
    }

    /**
     * The index named orders the table does not confirm (their rows no longer say what the index holds, or are
     * gone): they are indexed again from the table, or removed.
     */
    void suspect(Collection<String> numbers) {
        log.warn("Order search index disagrees with the table on {} orders; indexing them again", numbers.size());
        numbers.forEach(this::registered);
    }

    /** The index failed while searching: it is built again, and the database answers meanwhile. */
    void failed(Exception e) {
        if (e instanceof AlreadyClosedException) {
            // swapped for a rebuilt one, or the application stops: nothing is wrong with the new one
            return;
        }
        broken(e);
    }

    // ---------------------------------------------------------------- registrations

    /** Indexes the order once the current transaction commits (at once without one), on the index's thread. */
    void afterCommit(String number) {
        if (!enabled) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    registered(number);
                }
            });
        } else {
            registered(number);
        }
    }

    private void registered(String number) {
        pending.add(number);
        if (drainScheduled.compareAndSet(false, true)) {
            submit(() -> {
                drainScheduled.set(false);
                writing.lock();
                try {
                    drainLocked();
                } finally {
                    writing.unlock();
                }
            });
        }
    }

    private void drainLocked() {
        OrderTextIndex current = index;
        if (current == null || pending.isEmpty()) {
            return;
        }
        List<String> numbers = new ArrayList<>(pending);
        try {
            List<OrderTextIndex.Entry> entries = read(numbers);
            put(current, entries);
            if (entries.size() < numbers.size()) {
                // asked for by a search the table did not confirm, and no longer in the table
                Set<String> gone = new HashSet<>(numbers);
                entries.forEach(e -> gone.remove(e.number()));
                current.delete(gone);
                dirty = true;
            }
            current.refresh();
            numbers.forEach(pending::remove);
        } catch (DataAccessException e) {
            // kept pending: the next registration, search or catch-up tries again
            log.debug("Order search index: registrations not read ({})", e.toString());
        } catch (IOException | RuntimeException e) {
            broken(e);
        }
    }

    // ---------------------------------------------------------------- catching up

    /**
     * The catch-up: indexes what this instance registered, then the orders other instances registered since
     * shortly before the newest indexed, then compares the whole table when the counts still differ; and writes
     * the index to its directory. Every instance runs its own (each has its own index): no cluster lock.
     */
    @Scheduled(fixedDelayString = "${hotline.order-search.catch-up-interval:PT5S}",
            initialDelayString = "${hotline.order-search.catch-up-interval:PT5S}")
    void catchUp() {
        if (!enabled || !running || !lockBriefly()) {
            // off, stopping, or being built or compared right now
            return;
        }
        try {
            OrderTextIndex current = index;
            if (current == null) {
                return;
            }
            drainLocked();
            boolean complete = false;
            if (ready) {
                catchUpRecentLocked();
                try (OrderTextIndex.View view = current.view()) {
                    complete = view.size() == count();
                }
            }
            if (!complete && Duration.between(lastReconcile, clock.instant()).compareTo(RECONCILE_GAP) >= 0) {
                reconcileLocked();
            }
            if (dirty && !inMemory) {
                current.commit();
                dirty = false;
            }
        } catch (DataAccessException e) {
            log.debug("Order search index: catch-up skipped, the database did not answer ({})", e.toString());
        } catch (IOException | RuntimeException e) {
            broken(e);
        } finally {
            writing.unlock();
        }
    }

    /** The writer's lock, if it is free within a second (a registration's indexing takes milliseconds). */
    private boolean lockBriefly() {
        try {
            return writing.tryLock(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void catchUpRecentLocked() {
        OrderTextIndex current = index;
        if (current == null) {
            return;
        }
        Instant now = clock.instant();
        Instant since = (newest == null || newest.isAfter(now) ? now : newest).minus(window);
        try {
            List<String> missing = new ArrayList<>();
            try (OrderTextIndex.View view = current.view()) {
                for (Row row : jdbc.sql("SELECT number, registered_at FROM work_order WHERE registered_at >= :since")
                        .param("since", DbTime.param(since))
                        .query((rs, i) -> new Row(rs.getString(1), DbTime.instant(rs, 2))).list()) {
                    if (!row.registeredAt().equals(view.registeredAt(row.number()))) {
                        missing.add(row.number());
                    }
                }
            }
            if (!missing.isEmpty()) {
                put(current, read(missing));
                current.refresh();
            }
        } catch (DataAccessException e) {
            log.debug("Order search index: recent orders not read ({})", e.toString());
        } catch (IOException | RuntimeException e) {
            broken(e);
        }
    }

    private record Row(String number, Instant registeredAt) {
    }

    // ---------------------------------------------------------------- the whole table

    /** Indexes this instance's registrations and compares the whole table with the index, now (tests). */
    void reconcile() {
        writing.lock();
        try {
            if (index == null) {
                index = open();
            }
            drainLocked();
            reconcileLocked();
        } catch (IOException e) {
            broken(e);
        } finally {
            writing.unlock();
        }
    }

    private void reconcileLater(boolean urgent) {
        if (!urgent && Duration.between(lastReconcile, clock.instant()).compareTo(RECONCILE_GAP) < 0) {
            return;
        }
        if (reconcileScheduled.compareAndSet(false, true)) {
            submit(() -> {
                reconcileScheduled.set(false);
                writing.lock();
                try {
                    reconcileLocked();
                } catch (DataAccessException e) {
                    log.warn("Order search index not compared with the table: {}", e.toString());
                } catch (IOException | RuntimeException e) {
                    broken(e);
                } finally {
                    writing.unlock();
                }
            });
        }
    }

    /**
     * Compares the whole table with the index, order by order (its number and registration time): indexes what is
     * missing or differs, removes what the table does not have. Reads the table in pages by number.
     */
    private void reconcileLocked() throws IOException {
        OrderTextIndex current = index;
        if (current == null) {
            return;
        }
        lastReconcile = clock.instant();
        comparing = true;
        try {
            compareLocked(current);
        } finally {
            comparing = false;
        }
    }

    private void compareLocked(OrderTextIndex current) throws IOException {
        long started = System.nanoTime();
        long inTable = 0;
        int added = 0;
        try (OrderTextIndex.View view = current.view()) {
            String after = "";
            while (running) {
                List<OrderTextIndex.Entry> page = jdbc.sql("""
                        SELECT number, registered_at, LOWER(content) AS content, LOWER(address) AS address
                        FROM work_order WHERE number > :after ORDER BY number LIMIT :limit""")
                        .param("after", after).param("limit", BATCH)
                        .query((rs, i) -> entry(rs)).list();
                if (page.isEmpty()) {
                    break;
                }
                List<OrderTextIndex.Entry> changed = new ArrayList<>();
                for (OrderTextIndex.Entry e : page) {
                    if (!e.registeredAt().equals(view.registeredAt(e.number()))) {
                        changed.add(e);
                    }
                }
                put(current, changed);
                inTable += page.size();
                added += changed.size();
                after = page.get(page.size() - 1).number();
            }
        }
        if (!running) {
            return;
        }
        current.refresh();
        List<String> extra = new ArrayList<>();
        try (OrderTextIndex.View view = current.view()) {
            if (view.size() > inTable) {
                // orders the table does not have (removed behind the application's back, another database)
                Set<String> numbers = new HashSet<>(jdbc.sql("SELECT number FROM work_order").query(String.class)
                        .list());
                for (String number : view.numbers()) {
                    if (!numbers.contains(number)) {
                        extra.add(number);
                    }
                }
            }
        }
        if (!extra.isEmpty()) {
            current.delete(extra);
            current.refresh();
            dirty = true;
        }
        if (dirty && !inMemory) {
            current.commit();
            dirty = false;
        }
        lastIndexed = added;
        boolean wasReady = ready;
        ready = true;
        if (!wasReady || added > 0 || !extra.isEmpty()) {
            log.info("Order search index ({}) compared with the table in {} ms: {} orders, {} indexed, {} removed",
                    where(), (System.nanoTime() - started) / 1_000_000, inTable, added, extra.size());
        }
    }

    // ---------------------------------------------------------------- reading and writing

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM work_order").query(Long.class).single();
    }

    /** The orders with these numbers, their texts lowercased by the database as its {@code LIKE} sees them. */
    private List<OrderTextIndex.Entry> read(List<String> numbers) {
        List<OrderTextIndex.Entry> entries = new ArrayList<>(numbers.size());
        for (int i = 0; i < numbers.size(); i += BATCH) {
            entries.addAll(jdbc.sql("""
                    SELECT number, registered_at, LOWER(content) AS content, LOWER(address) AS address
                    FROM work_order WHERE number IN (:numbers)""")
                    .param("numbers", numbers.subList(i, Math.min(numbers.size(), i + BATCH)))
                    .query((rs, n) -> entry(rs)).list());
        }
        return entries;
    }

    private static OrderTextIndex.Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new OrderTextIndex.Entry(rs.getString("number"), DbTime.instant(rs, "registered_at"),
                rs.getString("content"), rs.getString("address"));
    }

    private void put(OrderTextIndex current, List<OrderTextIndex.Entry> entries) throws IOException {
        if (entries.isEmpty()) {
            return;
        }
        current.put(entries);
        dirty = true;
        for (OrderTextIndex.Entry e : entries) {
            if (newest == null || e.registeredAt().isAfter(newest)) {
                newest = e.registeredAt();
            }
        }
    }

    // ---------------------------------------------------------------- opening, failing, closing

    @Override
    public void start() {
        running = true;
        if (!enabled) {
            log.info("Order search index switched off (hotline.order-search.enabled=false): keyword search reads"
                    + " the table");
            return;
        }
        submit(() -> {
            writing.lock();
            try {
                if (index == null) {
                    index = open();
                }
                reconcileLocked();
            } catch (DataAccessException e) {
                // the catch-up tries again
                log.warn("Order search index not built at start: {}", e.toString());
            } catch (IOException | RuntimeException e) {
                broken(e);
            } finally {
                writing.unlock();
            }
        });
    }

    /** The index in its directory, built again when it cannot be read; in memory when the directory is taken. */
    private OrderTextIndex open() throws IOException {
        if (location == null) {
            inMemory = true;
            return new OrderTextIndex(new ByteBuffersDirectory());
        }
        Directory dir = null;
        try {
            Files.createDirectories(location);
            dir = FSDirectory.open(location);
            inMemory = false;
            return new OrderTextIndex(dir);
        } catch (LockObtainFailedException e) {
            close(dir);
            log.warn("Order search index {} is in use by another process; this instance keeps its own in memory",
                    location);
            inMemory = true;
            return new OrderTextIndex(new ByteBuffersDirectory());
        } catch (IOException | RuntimeException e) {
            close(dir);
            log.warn("Order search index {} cannot be read ({}); building it again", location, e.toString());
            try {
                deleteContents(location);
                dir = FSDirectory.open(location);
                inMemory = false;
                return new OrderTextIndex(dir);
            } catch (IOException | RuntimeException again) {
                close(dir);
                log.warn("Order search index cannot be written to {} ({}); keeping it in memory", location,
                        again.toString());
                inMemory = true;
                return new OrderTextIndex(new ByteBuffersDirectory());
            }
        }
    }

    private static void deleteContents(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.deleteIfExists(dir);
            Files.createDirectories(dir);
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Logs, stops answering from the index and builds it again from the table, in the background. */
    private void broken(Exception e) {
        if (!running) {
            return;
        }
        boolean wasReady = ready;
        ready = false;
        if (wasReady) {
            log.warn("Order search index failed; keyword search reads the table until it is rebuilt", e);
        }
        if (reconcileScheduled.compareAndSet(false, true)) {
            submit(() -> {
                reconcileScheduled.set(false);
                writing.lock();
                try {
                    OrderTextIndex old = index;
                    index = null;
                    if (old != null) {
                        old.abandon();
                        if (!inMemory && location != null) {
                            deleteContents(location);
                        }
                    }
                    index = open();
                    reconcileLocked();
                } catch (DataAccessException again) {
                    log.warn("Order search index not rebuilt yet: {}", again.toString());
                } catch (IOException | RuntimeException again) {
                    log.warn("Order search index cannot be rebuilt: keyword search reads the table", again);
                } finally {
                    writing.unlock();
                }
            });
        }
    }

    private void submit(Runnable task) {
        if (running) {
            try {
                worker.execute(task);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // the application is stopping: the next start compares the index with the table
            }
        }
    }

    private static void close(Directory dir) {
        if (dir != null) {
            try {
                dir.close();
            } catch (IOException ignored) {
                // nothing was written through it
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        worker.shutdown();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writing.lock();
        try {
            OrderTextIndex current = index;
            index = null;
            ready = false;
            if (current != null) {
                if (dirty && !inMemory) {
                    current.commit();
                }
                current.close();
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Order search index not written at stop ({}); the next start compares it with the table",
                    e.toString());
        } finally {
            writing.unlock();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
