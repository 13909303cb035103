package org.hotline.knowledge.internal;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.hotline.knowledge.EntryId;
import org.hotline.knowledge.EntryStatus;
import org.hotline.knowledge.KnowledgeEntry;
import org.springframework.core.io.ClassPathResource;

/**
 * {@code knowledge-bench}: how long a search and a suggestion take on one thread over thousands of entries, and
 * how long the index takes to build. Without a file, the entries and the appeals are made up from the demo
 * knowledge base's sentences (shuffled, so that thousands of entries share the district's vocabulary); with
 * {@code replies.csv}, the real replies are the entries and the real messages the appeals. Keeps nothing.
 *
 * <pre>
 *   java -jar target/hotline.jar knowledge-bench                       # 5,000 made-up entries
 *   java -jar target/hotline.jar knowledge-bench --entries 20000
 *   java -jar target/hotline.jar knowledge-bench ../shared/data/replies.csv
 * </pre>
 *
 * The last line, {@code RESULT entries=... search_p50_ms=... search_p99_ms=... suggest_p99_ms=...}, carries the
 * figures.
 */
public final class KnowledgeBenchmark {

    private KnowledgeBenchmark() {
    }

    public static int run(List<String> args, PrintStream out) throws Exception {
        int size = 5000;
        int queries = 5000;
        String file = null;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--entries" -> size = Integer.parseInt(args.get(++i));
                case "--queries" -> queries = Integer.parseInt(args.get(++i));
                default -> {
                    if (args.get(i).startsWith("--") || file != null) {
                        out.println("usage: knowledge-bench [--entries 5000] [--queries 5000] [replies.csv]");
                        return 2;
                    }
                    file = args.get(i);
                }
            }
        }
        List<KnowledgeEntry> entries = new ArrayList<>();
        List<String> appeals = new ArrayList<>();
        if (file != null) {
            if (!Files.isReadable(Path.of(file))) {
                out.println("cannot read " + Path.of(file).toAbsolutePath());
                return 2;
            }
            for (KnowledgeEval.Message m : KnowledgeEval.read(Path.of(file))) {
                entries.add(KnowledgeEval.entry(new EntryId(entries.size() + 1), m.subject(), m.reply()));
                appeals.add(m.detail());
            }
        } else {
            madeUp(size, queries, entries, appeals);
        }
        long heapBefore = usedHeap();
        long t0 = System.nanoTime();
        try (KnowledgeIndex index = new KnowledgeIndex(ChineseAnalysis.JIEBA_SEARCH, KnowledgeIndex.Settings.defaults())) {
            JiebaTokenizer.warmUp();
            long t1 = System.nanoTime();
            entries.forEach(index::put);
            index.refresh();
            double buildSeconds = (System.nanoTime() - t1) / 1e9;
            double dictionarySeconds = (t1 - t0) / 1e9;
            long heap = usedHeap() - heapBefore;
            KnowledgeIndex.Filter filter = KnowledgeIndex.Filter.servedOn(LocalDate.of(2026, 12, 6));
            Highlighting highlighting = new Highlighting();
            for (String appeal : appeals) { // warm-up: the JIT
                index.search(appeal, filter, 3);
            }
            long[] search = new long[appeals.size()];
            long[] suggest = new long[appeals.size()];
            for (int i = 0; i < appeals.size(); i++) {
                long s0 = System.nanoTime();
                index.search(appeals.get(i), filter, 3);
                search[i] = System.nanoTime() - s0;
                long s1 = System.nanoTime();
                for (KnowledgeIndex.Hit hit : index.search(appeals.get(i), filter, 3)) {
                    List<String> shown = hit.matchedWords().stream().filter(Highlighting::shown).toList();
                    highlighting.title(hit.entry().title(), shown);
                    highlighting.snippet(hit.entry().answer(), shown);
                }
                suggest[i] = System.nanoTime() - s1;
            }
            out.printf(Locale.ROOT, "jieba dictionary %.1f s; index of %d entries built in %.1f s, about %d MB of heap%n",
                    dictionarySeconds, entries.size(), buildSeconds, heap / 1_000_000);
            out.printf(Locale.ROOT, "RESULT entries=%d appeals=%d search_p50_ms=%.3f search_p99_ms=%.3f"
                    + " suggest_p50_ms=%.3f suggest_p99_ms=%.3f build_s=%.1f%n", entries.size(), appeals.size(),
                    KnowledgeEval.percentile(search, 0.5), KnowledgeEval.percentile(search, 0.99),
                    KnowledgeEval.percentile(suggest, 0.5), KnowledgeEval.percentile(suggest, 0.99), buildSeconds);
        }
        return 0;
    }

    /** Entries and appeals made of the demo entries' sentences, shuffled (a fixed seed: the same run each time). */
    static void madeUp(int size, int queries, List<KnowledgeEntry> entries, List<String> appeals) {
        DemoKnowledge.DemoFile demo = DemoKnowledge.read(new ClassPathResource("knowledge/dongchangfu-demo-entries.yaml"));
        List<String> titles = demo.entries().stream().map(DemoKnowledge.DemoEntry::title).toList();
        List<String> sentences = demo.entries().stream()
                .flatMap(e -> Arrays.stream(e.answer().split("(?<=[。；])"))).map(String::strip)
                .filter(s -> s.length() > 4).toList();
        Random random = new Random(12345);
        Instant at = Instant.EPOCH;
        for (int i = 0; i < size; i++) {
            StringBuilder answer = new StringBuilder();
            int n = 2 + random.nextInt(6);
            for (int s = 0; s < n; s++) {
                answer.append(sentences.get(random.nextInt(sentences.size())));
            }
            String title = titles.get(random.nextInt(titles.size())) + "（" + (i + 1) + "）";
            entries.add(new KnowledgeEntry(new EntryId(i + 1), 1, title, answer.toString(), null, null, null, null,
                    List.of(), EntryStatus.PUBLISHED, null, null, at, "bench", at, "bench"));
        }
        for (int i = 0; i < queries; i++) {
            StringBuilder appeal = new StringBuilder("你好，我想反映一个问题，");
            int n = 1 + random.nextInt(4);
            for (int s = 0; s < n; s++) {
                appeal.append(sentences.get(random.nextInt(sentences.size())));
            }
            appeals.add(appeal.toString());
        }
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return r.totalMemory() - r.freeMemory();
    }
}
