package org.hotline.knowledge.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hotline.knowledge.EntryId;
import org.hotline.knowledge.KnowledgeChanges;
import org.hotline.knowledge.KnowledgeEntry;
import org.hotline.knowledge.KnowledgeSuggestion;
import org.hotline.knowledge.KnowledgeSuggestions;
import org.hotline.platform.ChangeSignals;
import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This instance's search index over the knowledge base, kept as the database has it. It is built from the
 * database when the application starts (in the background: jieba's dictionary takes a couple of seconds; a
 * search meanwhile waits for it), and brought up to date whenever {@link KnowledgeChanges#ENTRIES} moves: at once
 * on the instance that made the change (the writer's next search sees it), within a second on the others
 * (see {@link ChangeSignals}). Bringing it up to date compares each entry's version with the one indexed and
 * reindexes only what differs, so a missed signal is healed by the next one and nothing is indexed twice.
 */
@Component
class IndexedKnowledge implements KnowledgeSuggestions, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IndexedKnowledge.class);
    private static final int BATCH = 500;

    private final JdbcKnowledgeEntries store;
    private final Clock clock;
    private final ZoneId zone;
    private final KnowledgeIndex index = new KnowledgeIndex(ChineseAnalysis.JIEBA_SEARCH,
            KnowledgeIndex.Settings.defaults());
    private final Highlighting highlighting = new Highlighting();
    private final ChangeSignals.Version version;
    private final Object lock = new Object();
    /** The signals' version the index was last brought up to date at. */
    private volatile long synced = Long.MIN_VALUE;
    private volatile boolean running;

    IndexedKnowledge(JdbcKnowledgeEntries store, ChangeSignals signals, Clock clock,
            @Value("${hotline.zone:Asia/Shanghai}") String zone) {
        this.store = store;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
        this.version = signals.version(KnowledgeChanges.ENTRIES);
        signals.subscribe(KnowledgeChanges.ENTRIES, this::current);
    }

    @Override
    public List<KnowledgeSuggestion> suggest(String appealText, int limit) {
        if (appealText == null || appealText.isBlank()) {
            return List.of();
        }
        int n = Math.max(1, Math.min(MAX, limit));
        return search(appealText, KnowledgeIndex.Filter.servedOn(today()), n).stream().map(this::suggestion).toList();
    }

    /** The best entries for the text among those the filter lets through, from an index as current as the data. */
    List<KnowledgeIndex.Hit> search(String text, KnowledgeIndex.Filter filter, int limit) {
        current();
        return index.search(text, filter, limit);
    }

    KnowledgeSuggestion suggestion(KnowledgeIndex.Hit hit) {
        List<String> shown = hit.matchedWords().stream().filter(Highlighting::shown).toList();
        return new KnowledgeSuggestion(hit.entry(), hit.score(), hit.coverage(), shown,
                highlighting.title(hit.entry().title(), shown), highlighting.snippet(hit.entry().answer(), shown));
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** Brings the index up to date if the entries changed since it last was. */
    void current() {
        if (version.current() == synced) {
            return;
        }
        synchronized (lock) {
            // read before syncing: a change committed while syncing moves it again, and the next call syncs again
            long now = version.current();
            if (now == synced) {
                return;
            }
            sync();
            synced = now;
        }
    }

    private void sync() {
        Map<EntryId, Long> stored = store.versions();
        List<EntryId> changed = new ArrayList<>();
        stored.forEach((id, v) -> {
            KnowledgeEntry indexed = index.entry(id);
            if (indexed == null || indexed.version() != v) {
                changed.add(id);
            }
        });
        List<EntryId> gone = index.entries().stream().map(KnowledgeEntry::id).filter(id -> !stored.containsKey(id))
                .toList();
        for (int i = 0; i < changed.size(); i += BATCH) {
            store.byIds(changed.subList(i, Math.min(changed.size(), i + BATCH))).forEach(index::put);
        }
        gone.forEach(index::remove);
        if (!changed.isEmpty() || !gone.isEmpty()) {
            index.refresh();
            log.debug("Knowledge index: {} entries reindexed, {} removed, {} in all", changed.size(), gone.size(),
                    index.size());
        }
    }

    /** Builds the index in the background, so that starting the application does not wait for jieba. */
    @Override
    public void start() {
        running = true;
        Thread builder = new Thread(() -> {
            try {
                JiebaTokenizer.warmUp();
                current();
                log.info("Knowledge index ready: {} entries", index.size());
            } catch (RuntimeException e) {
                // the first search builds it then, or reports why it cannot
                log.warn("Knowledge index not built at start: {}", e.toString());
            }
        }, "knowledge-index");
        builder.setDaemon(true);
        builder.start();
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @PreDestroy
    void close() {
        index.close();
    }
}
