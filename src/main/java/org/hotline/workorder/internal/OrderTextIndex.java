package org.hotline.workorder.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

/**
 * The work orders' texts as Lucene terms, for the keyword search (see {@link OrderSearchIndex} for how it is kept
 * complete). One document per order: its number, its registration time, and its content and address as the
 * database lowercases them ({@code LOWER(...)}, read from the database, so that the index holds exactly the text
 * the {@code LIKE} filter reads), each as every single character and every pair of adjacent characters (code
 * points: Chinese, digits, Latin letters, punctuation and spaces alike), the pairs with their positions.
 *
 * <p>That makes the filter exact, not an approximation: a keyword of one character is that character's term, a
 * keyword of two characters is that pair's term, and a longer keyword is a phrase of its pairs at their positions,
 * which matches exactly where the text contains the keyword. So a keyword matches a document exactly when
 * {@code LOWER(content) LIKE '%keyword%' OR LOWER(address) LIKE '%keyword%' OR number = keyword} holds for its
 * order, and the number of matches is the count the database would find. Chinese keywords are mostly two
 * characters; a trigram index such as PostgreSQL's pg_trgm extracts nothing from them.
 *
 * <p>Changes are made by one thread at a time and become visible to searches at {@link #refresh}; searches run
 * concurrently on a refreshed view ({@link View}).
 */
final class OrderTextIndex implements AutoCloseable {

    /** Bumped when the documents change shape: an index of another format is rebuilt, not read. */
    static final String FORMAT = "1";
    private static final String FORMAT_KEY = "hotline.order-index.format";

    static final String NUMBER = "n";
    static final String REGISTERED = "t";
    static final String CONTENT = "c";
    static final String ADDRESS = "a";
    /** Field suffixes: single characters (documents only), pairs of characters (with positions). */
    private static final String ONE = "1";
    private static final String TWO = "2";

    private static final FieldType SINGLES = new FieldType();
    private static final FieldType PAIRS = new FieldType();
    static {
        SINGLES.setTokenized(true);
        SINGLES.setOmitNorms(true);
        SINGLES.setIndexOptions(IndexOptions.DOCS);
        SINGLES.freeze();
        PAIRS.setTokenized(true);
        PAIRS.setOmitNorms(true);
        PAIRS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        PAIRS.freeze();
    }

    /** Newest first, as the order list sorts: registration time, then number, both descending. */
    private static final Sort NEWEST_FIRST = new Sort(new SortField(REGISTERED, SortField.Type.LONG, true),
            new SortField(NUMBER, SortField.Type.STRING, true));

    /** An order as the index holds it: the texts as the database lowercased them. */
    record Entry(String number, Instant registeredAt, String content, String address) {
    }

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    /**
     * Opens the index in {@code directory}, or creates an empty one when there is none or it has another
     * {@link #FORMAT}. Throws what Lucene throws for an index it cannot read (corrupt, locked by another process):
     * the caller decides what to do instead.
     */
    OrderTextIndex(Directory directory) throws IOException {
        this.directory = directory;
        boolean readable = DirectoryReader.indexExists(directory) && FORMAT.equals(format(directory));
        IndexWriterConfig config = new IndexWriterConfig(null).setCommitOnClose(false)
                .setOpenMode(readable ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE);
        this.writer = new IndexWriter(directory, config);
        try {
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException | RuntimeException e) {
            writer.rollback();
            throw e;
        }
    }

    private static String format(Directory directory) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            return reader.getIndexCommit().getUserData().get(FORMAT_KEY);
        }
    }

    /** Adds the orders, or replaces the documents with their numbers; seen by searches after {@link #refresh}. */
    void put(Collection<Entry> entries) throws IOException {
        for (Entry e : entries) {
            writer.updateDocument(new Term(NUMBER, e.number()), document(e));
        }
    }

    void delete(Collection<String> numbers) throws IOException {
        for (String number : numbers) {
            writer.deleteDocuments(new Term(NUMBER, number));
        }
    }

    /** Makes every change so far visible to the views opened after it. */
    void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    /** Writes every change so far to the directory, so that a restart finds it. */
    void commit() throws IOException {
        writer.setLiveCommitData(Map.of(FORMAT_KEY, FORMAT).entrySet());
        writer.commit();
    }

    /** The index as of the last {@link #refresh}; close it after use. */
    View view() throws IOException {
        return new View(searchers);
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
        } finally {
            writer.close();
        }
    }

    /** Closes without writing what was not committed (after a failure). */
    void abandon() {
        try {
            searchers.close();
        } catch (IOException | RuntimeException ignored) {
            // the writer's rollback below releases the lock either way
        }
        try {
            writer.rollback();
        } catch (IOException | RuntimeException ignored) {
            // nothing more to release
        }
    }

    Directory directory() {
        return directory;
    }

    private static Document document(Entry e) {
        Document doc = new Document();
        doc.add(new StringField(NUMBER, e.number(), Field.Store.NO));
        doc.add(new SortedDocValuesField(NUMBER, new BytesRef(e.number())));
        long at = nanos(e.registeredAt());
        doc.add(new LongPoint(REGISTERED, at));
        doc.add(new NumericDocValuesField(REGISTERED, at));
        text(doc, CONTENT, e.content());
        text(doc, ADDRESS, e.address());
        return doc;
    }

    private static void text(Document doc, String field, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        int[] cps = text.codePoints().toArray();
        Set<String> singles = new HashSet<>();
        for (int cp : cps) {
            singles.add(Character.toString(cp));
        }
        List<String> pairs = new ArrayList<>(Math.max(0, cps.length - 1));
        for (int i = 0; i + 1 < cps.length; i++) {
            pairs.add(new String(cps, i, 2));
        }
        doc.add(new Field(field + ONE, new Grams(List.copyOf(singles)), SINGLES));
        if (!pairs.isEmpty()) {
            doc.add(new Field(field + TWO, new Grams(pairs), PAIRS));
        }
    }

    static long nanos(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
    }

    /**
     * Whether the index can answer for this keyword exactly: text whose lone surrogates Lucene would store as
     * U+FFFD cannot be told apart from U+FFFD itself, so such a keyword is left to the database.
     */
    static boolean indexable(String lowered) {
        if (lowered.isEmpty() || lowered.indexOf('\uFFFD') >= 0) {
            return false;
        }
        for (int i = 0; i < lowered.length(); i++) {
            char c = lowered.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= lowered.length() || !Character.isLowSurrogate(lowered.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The orders whose content or address contains {@code lowered} (a keyword lowercased as the search lowercases
     * it), or whose number is {@code exact}.
     */
    static Query keyword(String lowered, String exact) {
        int[] cps = lowered.codePoints().toArray();
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        any.add(contains(CONTENT, cps), BooleanClause.Occur.SHOULD);
        any.add(contains(ADDRESS, cps), BooleanClause.Occur.SHOULD);
        any.add(new TermQuery(new Term(NUMBER, exact)), BooleanClause.Occur.SHOULD);
        return new ConstantScoreQuery(any.build());
    }

    private static Query contains(String field, int[] cps) {
        if (cps.length == 1) {
            return new TermQuery(new Term(field + ONE, new String(cps, 0, 1)));
        }
        if (cps.length == 2) {
            return new TermQuery(new Term(field + TWO, new String(cps, 0, 2)));
        }
        // pairs at 0, 2, 4, ... and the last pair: every character covered, each pair at its own position
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        for (int i = 0; i + 1 < cps.length; i += 2) {
            phrase.add(new Term(field + TWO, new String(cps, i, 2)), i);
        }
        if (cps.length % 2 == 1) {
            phrase.add(new Term(field + TWO, new String(cps, cps.length - 2, 2)), cps.length - 2);
        }
        return phrase.build();
    }

    /** Orders registered in {@code [from, to]}, either end open when null. */
    static Query registeredBetween(Instant from, Instant to) {
        return LongPoint.newRangeQuery(REGISTERED, from == null ? Long.MIN_VALUE : nanos(from),
                to == null ? Long.MAX_VALUE : nanos(to));
    }

    static Query and(Query a, Query b) {
        return new BooleanQuery.Builder().add(a, BooleanClause.Occur.FILTER).add(b, BooleanClause.Occur.FILTER)
                .build();
    }

    /** A consistent view of the index for one search or one comparison with the database. */
    static final class View implements AutoCloseable {

        private final SearcherManager manager;
        private final IndexSearcher searcher;

        private View(SearcherManager manager) throws IOException {
            this.manager = manager;
            this.searcher = manager.acquire();
        }

        /** How many orders the view holds. */
        int size() {
            return searcher.getIndexReader().numDocs();
        }

        int count(Query query) throws IOException {
            return searcher.count(query);
        }

        /**
         * The numbers of the matching orders from {@code offset} on, at most {@code limit} of them, newest first,
         * and how many match in all.
         */
        Page page(Query query, int offset, int limit) throws IOException {
            long wanted = Math.max(1L, Math.min((long) offset + limit, searcher.getIndexReader().maxDoc()));
            TopDocs top = searcher.search(query, new TopFieldCollectorManager(NEWEST_FIRST, (int) wanted, null,
                    Integer.MAX_VALUE, false));
            List<Integer> docs = new ArrayList<>();
            for (int i = offset; i < top.scoreDocs.length && docs.size() < limit; i++) {
                docs.add(top.scoreDocs[i].doc);
            }
            return new Page(numbers(docs), top.totalHits.value);
        }

        /**
         * As {@link #page(Query, int, int)}, among the matching orders whose numbers are in {@code within} only: each
         * match's number is read and looked up, so the cost follows the matches, not the size of {@code within}.
         */
        Page page(Query query, Set<String> within, int offset, int limit) throws IOException {
            int wanted = (int) Math.min(Integer.MAX_VALUE - 1L, (long) offset + limit);
            Within result = searcher.search(query, new CollectorManager<Within, Within>() {
                @Override
                public Within newCollector() {
                    return new Within(within, wanted);
                }

                @Override
                public Within reduce(Collection<Within> collectors) {
                    Within all = new Within(within, wanted);
                    collectors.forEach(all::addAll);
                    return all;
                }
            });
            List<Within.Hit> sorted = new ArrayList<>(result.top);
            sorted.sort(Within.NEWEST_FIRST);
            List<String> numbers = new ArrayList<>();
            for (int i = offset; i < sorted.size() && numbers.size() < limit; i++) {
                numbers.add(sorted.get(i).number());
            }
            return new Page(numbers, result.total);
        }

        /** The numbers of the matching orders, in no order; null when more than {@code max} match. */
        List<String> all(Query query, int max) throws IOException {
            int total = searcher.count(query);
            if (total > max) {
                return null;
            }
            if (total == 0) {
                return List.of();
            }
            List<Integer> docs = new ArrayList<>(total);
            for (ScoreDoc d : searcher.search(query, total).scoreDocs) {
                docs.add(d.doc);
            }
            return numbers(docs);
        }

        /** When the order with this number was registered, as indexed; null when the index does not hold it. */
        Instant registeredAt(String number) throws IOException {
            Term term = new Term(NUMBER, number);
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                org.apache.lucene.index.Terms terms = leaf.reader().terms(NUMBER);
                if (terms == null) {
                    continue;
                }
                TermsEnum te = terms.iterator();
                if (!te.seekExact(term.bytes())) {
                    continue;
                }
                PostingsEnum postings = te.postings(null, PostingsEnum.NONE);
                var live = leaf.reader().getLiveDocs();
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    NumericDocValues at = leaf.reader().getNumericDocValues(REGISTERED);
                    if (at != null && at.advanceExact(doc)) {
                        long nanos = at.longValue();
                        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L),
                                Math.floorMod(nanos, 1_000_000_000L));
                    }
                }
            }
            return null;
        }

        /** Every number the view holds. */
        Set<String> numbers() throws IOException {
            Set<String> all = new HashSet<>();
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                SortedDocValues numbers = leaf.reader().getSortedDocValues(NUMBER);
                var live = leaf.reader().getLiveDocs();
                if (numbers == null) {
                    continue;
                }
                for (int doc = numbers.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = numbers.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        all.add(numbers.lookupOrd(numbers.ordValue()).utf8ToString());
                    }
                }
            }
            return all;
        }

        private List<String> numbers(List<Integer> docs) throws IOException {
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            List<String> numbers = new ArrayList<>(docs.size());
            for (int doc : docs) {
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                SortedDocValues values = leaf.reader().getSortedDocValues(NUMBER);
                if (values == null || !values.advanceExact(doc - leaf.docBase)) {
                    throw new IOException("an order's document has no number: " + doc);
                }
                numbers.add(values.lookupOrd(values.ordValue()).utf8ToString());
            }
            return numbers;
        }

        @Override
        public void close() throws IOException {
            manager.release(searcher);
        }
    }

    /** Counts the matches whose numbers are in a set and keeps the newest {@code wanted} of them. */
    private static final class Within extends SimpleCollector {

        record Hit(long registered, String number) {
        }

        static final Comparator<Hit> NEWEST_FIRST = Comparator.comparingLong(Hit::registered).reversed()
                .thenComparing(Hit::number, Comparator.reverseOrder());

        private final Set<String> within;
        private final int wanted;
        /** The newest {@code wanted} so far, the oldest of them first (it goes when a newer one comes). */
        private final PriorityQueue<Hit> top;
        private long total;
        private SortedDocValues numbers;
        private NumericDocValues registered;

        Within(Set<String> within, int wanted) {
            this.within = within;
            this.wanted = wanted;
            this.top = new PriorityQueue<>(NEWEST_FIRST.reversed());
        }

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            numbers = context.reader().getSortedDocValues(NUMBER);
            registered = context.reader().getNumericDocValues(REGISTERED);
        }

        @Override
        public void collect(int doc) throws IOException {
            if (numbers == null || !numbers.advanceExact(doc)) {
                return;
            }
            String number = numbers.lookupOrd(numbers.ordValue()).utf8ToString();
            if (!within.contains(number)) {
                return;
            }
            total++;
            long at = registered != null && registered.advanceExact(doc) ? registered.longValue() : Long.MIN_VALUE;
            offer(new Hit(at, number));
        }

        private void offer(Hit hit) {
            if (wanted <= 0) {
                return;
            }
            if (top.size() < wanted) {
                top.add(hit);
            } else if (NEWEST_FIRST.compare(hit, top.peek()) < 0) {
                top.poll();
                top.add(hit);
            }
        }

        void addAll(Within other) {
            total += other.total;
            other.top.forEach(this::offer);
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }

    /** A page of order numbers and the number of all matches. */
    record Page(List<String> numbers, long total) {
    }

    /** The given terms in their order, one position each: the text's characters or pairs as fields hold them. */
    private static final class Grams extends TokenStream {

        private final List<String> terms;
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private int next;

        Grams(List<String> terms) {
            this.terms = terms;
        }

        @Override
        public boolean incrementToken() {
            if (next >= terms.size()) {
                return false;
            }
            clearAttributes();
            term.setEmpty().append(terms.get(next++));
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
        }
    }
}
