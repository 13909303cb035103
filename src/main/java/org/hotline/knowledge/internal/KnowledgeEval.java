package org.hotline.knowledge.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.hotline.knowledge.EntryId;
import org.hotline.knowledge.EntryStatus;
import org.hotline.knowledge.KnowledgeEntry;

/**
 * {@code knowledge-eval}: how often the knowledge base suggests the right answer, measured on real messages
 * with the official replies they got ({@code replies.csv}: subject, detail, reply). Runs without the server,
 * database or network, and keeps nothing: the entries exist in memory for the run only.
 *
 * <p>The protocol. Each distinct reply becomes a published entry: its title is the message's subject (the
 * one-line summary an editor would write) and its answer the reply. Each message then asks with its detail,
 * the citizen's own description, never its subject: a hit at k is the message's own reply's entry among the
 * first k suggestions, out of all of them (about 2,800). Three harder readings of the same data:
 * <ul>
 *   <li>{@code typed-60} and {@code typed-30}: only the first 60 or 30 characters of the detail, as the intake
 *       form asks while the operator is still typing;</li>
 *   <li>{@code reply-only}: the entry has no title and every quotation of the subject is cut out of the reply
 *       (replies restate it: "关于您反映的……问题"), so the appeal must be found by what the answer says.</li>
 * </ul>
 * Messages that share one reply (near duplicates) share its entry. The latency is the search alone (top 3 of
 * all entries, one thread, after a warm-up pass), and the same with the highlighting that the suggest endpoint
 * adds.
 *
 * <pre>
 *   java -jar target/hotline.jar knowledge-eval ../shared/data/replies.csv
 *   java -jar target/hotline.jar knowledge-eval --analyzer smartcn ../shared/data/replies.csv
 *   java -jar target/hotline.jar knowledge-eval --settings titleBoost=3,maxQueryTerms=64 ../shared/data/replies.csv
 * </pre>
 */
public final class KnowledgeEval {

    /** One message of the measurement set. */
    record Message(String subject, String detail, String reply) {
    }

    /** How a variant's entries were built and what it asks with. */
    enum Variant {
        FULL("full", Integer.MAX_VALUE, false),
        TYPED_60("typed-60", 60, false),
        TYPED_30("typed-30", 30, false),
        REPLY_ONLY("reply-only", Integer.MAX_VALUE, true);

        final String label;
        final int typed;
        final boolean replyOnly;

        Variant(String label, int typed, boolean replyOnly) {
            this.label = label;
            this.typed = typed;
            this.replyOnly = replyOnly;
        }
    }

    /** The figures of one variant. */
    record Result(Variant variant, int messages, int entries, double top1, double top3, double mrr10,
            double confidentShare, double confidentTop1, double p50Millis, double p99Millis, double suggestP50Millis,
            double suggestP99Millis) {

        void print(PrintStream out) {
            out.printf(Locale.ROOT, "%-10s messages=%d entries=%d top1=%.4f top3=%.4f mrr10=%.4f coverage%.1f_share=%.4f"
                    + " coverage%.1f_top1=%.4f search_p50_ms=%.3f search_p99_ms=%.3f suggest_p50_ms=%.3f"
                    + " suggest_p99_ms=%.3f%n", variant.label, messages, entries, top1, top3, mrr10, CONFIDENT,
                    confidentShare, CONFIDENT, confidentTop1, p50Millis, p99Millis, suggestP50Millis, suggestP99Millis);
        }
    }

    /**
     * A first suggestion whose coverage is at least this counts as confident (triage's default threshold for
     * answering an inquiry from the knowledge base): the eval prints how many are, and how often they are right.
     */
    static final double CONFIDENT = 0.6;

    private KnowledgeEval() {
    }

    public static int run(List<String> args, PrintStream out) throws IOException {
        ChineseAnalysis analysis = ChineseAnalysis.JIEBA_SEARCH;
        KnowledgeIndex.Settings settings = KnowledgeIndex.Settings.defaults();
        List<Variant> variants = List.of(Variant.values());
        String file = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            try {
                switch (arg) {
                    case "--analyzer" -> analysis = ChineseAnalysis.named(args.get(++i));
                    case "--settings" -> settings = settings(settings, args.get(++i));
                    case "--variants" -> variants = Arrays.stream(args.get(++i).split(","))
                            .map(v -> Arrays.stream(Variant.values()).filter(x -> x.label.equals(v)).findFirst()
                                    .orElseThrow(() -> new IllegalArgumentException("unknown variant " + v)))
                            .toList();
                    default -> {
                        if (arg.startsWith("--") || file != null) {
                            return usage(out, "unknown argument: " + arg);
                        }
                        file = arg;
                    }
                }
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                return usage(out, arg + ": " + e.getMessage());
            }
        }
        if (file == null) {
            return usage(out, "give the replies file, e.g. ../shared/data/replies.csv");
        }
        Path path = Path.of(file);
        if (!Files.isReadable(path)) {
            out.println("cannot read " + path.toAbsolutePath());
            return 2;
        }
        List<Message> messages = read(path);
        out.printf(Locale.ROOT, "analyzer=%s settings=%s%n", analysis.name().toLowerCase(Locale.ROOT), settings);
        for (Variant variant : variants) {
            evaluate(messages, variant, analysis, settings).print(out);
        }
        return 0;
    }

    /** Reads the measurement set: messages with a detail and a reply. */
    static List<Message> read(Path path) throws IOException {
        List<Message> messages = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                String detail = r.get("detail").strip();
                String reply = r.get("reply").strip();
                if (!detail.isEmpty() && !reply.isEmpty()) {
                    messages.add(new Message(r.get("subject").strip(), detail, reply));
                }
            }
        }
        return messages;
    }

    /** Builds the variant's entries, asks with every message, and measures. */
    static Result evaluate(List<Message> messages, Variant variant, ChineseAnalysis analysis,
            KnowledgeIndex.Settings settings) {
        Map<String, EntryId> byReply = new LinkedHashMap<>();
        try (KnowledgeIndex index = new KnowledgeIndex(analysis, settings)) {
            for (Message m : messages) {
                if (!byReply.containsKey(m.reply())) {
                    EntryId id = new EntryId(byReply.size() + 1);
                    byReply.put(m.reply(), id);
                    index.put(entry(id, variant.replyOnly ? "" : m.subject(),
                            variant.replyOnly ? withoutSubject(m.reply(), m.subject()) : m.reply()));
                }
            }
            index.refresh();
            KnowledgeIndex.Filter filter = KnowledgeIndex.Filter.servedOn(LocalDate.of(2026, 1, 1));
            Highlighting highlighting = new Highlighting();
            int top1 = 0;
            int top3 = 0;
            double reciprocal = 0;
            int confident = 0;
            int confidentRight = 0;
            for (Message m : messages) { // warm-up pass: the JIT, jieba's caches
                index.search(asked(m, variant), filter, 3);
            }
            long[] searchNanos = new long[messages.size()];
            long[] suggestNanos = new long[messages.size()];
            for (int i = 0; i < messages.size(); i++) {
                Message m = messages.get(i);
                String text = asked(m, variant);
                long t0 = System.nanoTime();
                index.search(text, filter, 3);
                searchNanos[i] = System.nanoTime() - t0;
                long t1 = System.nanoTime();
                for (KnowledgeIndex.Hit hit : index.search(text, filter, 3)) {
                    highlighting.title(hit.entry().title(), hit.matchedWords());
                    highlighting.snippet(hit.entry().answer(), hit.matchedWords());
                }
                suggestNanos[i] = System.nanoTime() - t1;
                List<KnowledgeIndex.Hit> ranked = index.search(text, filter, 10);
                EntryId target = byReply.get(m.reply());
                if (!ranked.isEmpty() && ranked.get(0).coverage() >= CONFIDENT) {
                    confident++;
                    confidentRight += ranked.get(0).entry().id().equals(target) ? 1 : 0;
                }
                for (int r = 0; r < ranked.size(); r++) {
                    if (ranked.get(r).entry().id().equals(target)) {
                        top1 += r == 0 ? 1 : 0;
                        top3 += r < 3 ? 1 : 0;
                        reciprocal += 1.0 / (r + 1);
                        break;
                    }
                }
            }
            double n = messages.size();
            return new Result(variant, messages.size(), byReply.size(), top1 / n, top3 / n, reciprocal / n,
                    confident / n, confident == 0 ? 0 : confidentRight / (double) confident,
                    percentile(searchNanos, 0.50), percentile(searchNanos, 0.99), percentile(suggestNanos, 0.50),
                    percentile(suggestNanos, 0.99));
        }
    }

    static String asked(Message m, Variant variant) {
        return m.detail().length() <= variant.typed ? m.detail() : m.detail().substring(0, variant.typed);
    }

    /** The reply with every quotation of the subject cut out (replies restate what the citizen asked about). */
    static String withoutSubject(String reply, String subject) {
        return subject.isBlank() ? reply : reply.replace(subject, "");
    }

    static KnowledgeEntry entry(EntryId id, String title, String answer) {
        Instant at = Instant.EPOCH;
        return new KnowledgeEntry(id, 1, title, answer, null, null, null, null, List.of(), EntryStatus.PUBLISHED, null,
                null, at, "eval", at, "eval");
    }

    static double percentile(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    /** {@code name=value,...} over the defaults, e.g. {@code titleBoost=3,maxQueryTerms=64}. */
    static KnowledgeIndex.Settings settings(KnowledgeIndex.Settings base, String spec) {
        float title = base.titleBoost();
        float keywords = base.keywordsBoost();
        float answer = base.answerBoost();
        float basis = base.basisBoost();
        int terms = base.maxQueryTerms();
        float k1 = base.k1();
        float b = base.b();
        float bigram = base.bigramWeight();
        int chars = base.maxQueryChars();
        for (String part : spec.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("expected name=value, got " + part);
            }
            switch (kv[0].strip()) {
                case "titleBoost" -> title = Float.parseFloat(kv[1]);
                case "keywordsBoost" -> keywords = Float.parseFloat(kv[1]);
                case "answerBoost" -> answer = Float.parseFloat(kv[1]);
                case "basisBoost" -> basis = Float.parseFloat(kv[1]);
                case "maxQueryTerms" -> terms = Integer.parseInt(kv[1].strip());
                case "k1" -> k1 = Float.parseFloat(kv[1]);
                case "b" -> b = Float.parseFloat(kv[1]);
                case "bigramWeight" -> bigram = Float.parseFloat(kv[1]);
                case "maxQueryChars" -> chars = Integer.parseInt(kv[1].strip());
                default -> throw new IllegalArgumentException("unknown setting " + kv[0]);
            }
        }
        return new KnowledgeIndex.Settings(title, keywords, answer, basis, terms, k1, b, bigram, chars);
    }

    private static int usage(PrintStream out, String problem) {
        out.println(problem);
        out.println("usage: knowledge-eval [--analyzer jieba-index|jieba-search|smartcn|bigrams]"
                + " [--settings titleBoost=2,keywordsBoost=2,answerBoost=1,basisBoost=0.5,maxQueryTerms=48,k1=1.2,b=0.75]"
                + " [--variants full,typed-60,typed-30,reply-only] replies.csv");
        return 2;
    }
}
