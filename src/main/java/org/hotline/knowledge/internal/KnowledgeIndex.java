package org.hotline.knowledge.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.hotline.knowledge.EntryId;
import org.hotline.knowledge.EntryStatus;
import org.hotline.knowledge.KnowledgeEntry;
import org.hotline.organization.UnitId;

/**
 * The knowledge base's full-text index: Lucene in memory, BM25, Chinese words from {@link ChineseAnalysis}
 * (jieba) and, beside them, overlapping character bigrams: the words are what people see matched, the bigrams
 * find what the segmenter cut differently in the appeal and in the entry (measured: README). It
 * holds every entry (editors search drafts and retired ones too) with its status, unit and validity as filters;
 * who may see what is a {@link Filter} the caller passes. Built from the database at start and kept current by
 * {@link IndexedKnowledge}; {@code knowledge-eval} and {@code knowledge-bench} use it on their own.
 *
 * <p>A query is an appeal as the operator types it, often hundreds of characters: its words are weighed by how
 * rare they are among the entries (IDF) and how often the appeal repeats them, and the strongest
 * {@link Settings#maxQueryTerms} words and as many bigrams are looked for in the title and keywords (boosted) and
 * in the answer and policy basis; only the first {@link Settings#maxQueryChars} characters are read (an appeal
 * says what it is about early). Long appeals thus cost no more than a few dozen terms, and the particles every
 * appeal has cost nothing.
 *
 * <p>Changes ({@link #put}, {@link #remove}) are made by one thread at a time and become visible to searches at
 * {@link #refresh}; searches run concurrently.
 */
final class KnowledgeIndex implements AutoCloseable {

    static final String ID = "id";
    static final String TITLE = "title";
    static final String KEYWORDS = "keywords";
    static final String ANSWER = "answer";
    static final String BASIS = "basis";
    static final String STATUS = "status";
    static final String UNIT = "unit";
    static final String VALID_FROM = "valid_from";
    static final String VALID_TO = "valid_to";
    static final String BI = "_bi";
    /** The text fields; each is indexed twice, as words and (suffix {@link #BI}) as character bigrams. */
    static final String[] FIELDS = { TITLE, KEYWORDS, ANSWER, BASIS };

    /** How the search weighs what it finds; {@code knowledge-eval --settings} tries others. */
    record Settings(float titleBoost, float keywordsBoost, float answerBoost, float basisBoost, int maxQueryTerms,
            float k1, float b, float bigramWeight, int maxQueryChars) {

        /** Measured on the real replies (README, "Knowledge base"). */
        static Settings defaults() {
            return new Settings(2.0f, 2.0f, 1.0f, 0.5f, 48, 1.2f, 0.75f, 1.0f, 400);
        }
    }

    /** Which entries a search may return. {@code servedOn}: only published entries valid that day. */
    record Filter(LocalDate servedOn, Set<EntryStatus> statuses, UnitId unit) {

        static Filter servedOn(LocalDate day) {
            return new Filter(day, Set.of(), null);
        }

        static Filter everything() {
            return new Filter(null, Set.of(), null);
        }
    }

    /** A found entry, its score, and the words of the query it contains (most telling first). */
    record Hit(KnowledgeEntry entry, float score, List<String> matchedWords, double coverage) {
    }

    /** The words of a query, each with its weight, strongest first. */
    record QueryTerms(List<String> terms, Map<String, Double> weights) {

        double total() {
            return weights.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    private final Analyzer analyzer;
    private final Analyzer bigrams;
    private final Settings settings;
    private final BM25Similarity similarity;
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Map<EntryId, KnowledgeEntry> entries = new ConcurrentHashMap<>();

    KnowledgeIndex(ChineseAnalysis analysis, Settings settings) {
        this.analyzer = analysis.analyzer();
        this.bigrams = ChineseAnalysis.BIGRAMS.analyzer();
        this.settings = settings;
        this.similarity = new BM25Similarity(settings.k1(), settings.b());
        try {
            Map<String, Analyzer> perField = new HashMap<>();
            for (String f : FIELDS) {
                perField.put(f + BI, bigrams);
            }
            IndexWriterConfig config = new IndexWriterConfig(new PerFieldAnalyzerWrapper(analyzer, perField)).setSimilarity(similarity)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE).setCommitOnClose(false);
            this.writer = new IndexWriter(directory, config);
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("an index in memory cannot fail to open", e);
        }
    }

    Analyzer analyzer() {
        return analyzer;
    }

    /** Adds the entry, or replaces the one with its id; seen by searches after {@link #refresh}. */
    void put(KnowledgeEntry entry) {
        try {
            writer.updateDocument(new Term(ID, key(entry.id())), document(entry));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        entries.put(entry.id(), entry);
    }

    void remove(EntryId id) {
        try {
            writer.deleteDocuments(new Term(ID, key(id)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        entries.remove(id);
    }

    /** Makes the changes so far visible to searches. */
    void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The entries indexed, each as it was put. */
    Collection<KnowledgeEntry> entries() {
        return entries.values();
    }

    KnowledgeEntry entry(EntryId id) {
        return entries.get(id);
    }

    int size() {
        return entries.size();
    }

    /**
     * The best {@code limit} entries for {@code text} among those the filter lets through, best first. An
     * empty list when no word of the text is in any entry.
     */
    List<Hit> search(String text, Filter filter, int limit) {
        IndexSearcher searcher = acquire();
        try {
            searcher.setSimilarity(similarity);
            if (text.length() > settings.maxQueryChars()) {
                text = text.substring(0, settings.maxQueryChars());
            }
            QueryTerms terms = queryTerms(searcher.getIndexReader(), analyzer, "", text);
            QueryTerms bis = settings.bigramWeight() > 0
                    ? queryTerms(searcher.getIndexReader(), bigrams, BI, text) : null;
            if (terms.terms().isEmpty() && (bis == null || bis.terms().isEmpty())) {
                return List.of();
            }
            TopDocs top = searcher.search(query(terms, bis, filter), limit);
            List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            for (ScoreDoc doc : top.scoreDocs) {
                String id = searcher.storedFields().document(doc.doc, Set.of(ID)).get(ID);
                KnowledgeEntry entry = entries.get(new EntryId(Long.parseLong(id)));
                if (entry == null) {
                    continue; // removed since this searcher opened
                }
                List<String> matched = matched(leaves.get(ReaderUtil.subIndex(doc.doc, leaves)), doc.doc, terms);
                double found = matched.stream().mapToDouble(terms.weights()::get).sum();
                hits.add(new Hit(entry, doc.score, matched, terms.total() == 0 ? 0 : found / terms.total()));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    /**
     * The words of a text worth looking for: each distinct term that some entry has, weighed by its rarity
     * among the entries (BM25's IDF) times {@code 1 + ln(times it occurs in the text)}, the strongest
     * {@link Settings#maxQueryTerms} kept. {@code suffix} picks the words ("") or the bigrams ({@link #BI}).
     */
    QueryTerms queryTerms(IndexReader reader, Analyzer by, String suffix, String text) throws IOException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ChineseAnalysis.Token token : ChineseAnalysis.tokens(by, ANSWER + suffix, text)) {
            counts.merge(token.term(), 1, Integer::sum);
        }
        int docs = Math.max(1, reader.numDocs());
        Map<String, Double> weights = new HashMap<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            int df = 0;
            for (String field : FIELDS) {
                df = Math.max(df, reader.docFreq(new Term(field + suffix, e.getKey())));
            }
            if (df == 0) {
                continue;
            }
            double idf = Math.log(1 + (docs - df + 0.5) / (df + 0.5));
            weights.put(e.getKey(), idf * (1 + Math.log(e.getValue())));
        }
        List<String> strongest = weights.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(settings.maxQueryTerms()).map(Map.Entry::getKey).toList();
        Map<String, Double> kept = new LinkedHashMap<>();
        strongest.forEach(t -> kept.put(t, weights.get(t)));
        return new QueryTerms(strongest, kept);
    }

    private Query query(QueryTerms terms, QueryTerms bis, Filter filter) {
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        for (String term : terms.terms()) {
            words.add(field(TITLE, term, settings.titleBoost()), BooleanClause.Occur.SHOULD);
            words.add(field(KEYWORDS, term, settings.keywordsBoost()), BooleanClause.Occur.SHOULD);
            words.add(field(ANSWER, term, settings.answerBoost()), BooleanClause.Occur.SHOULD);
            words.add(field(BASIS, term, settings.basisBoost()), BooleanClause.Occur.SHOULD);
        }
        if (bis != null) {
            float w = settings.bigramWeight();
            for (String term : bis.terms()) {
                words.add(field(TITLE + BI, term, w * settings.titleBoost()), BooleanClause.Occur.SHOULD);
                words.add(field(KEYWORDS + BI, term, w * settings.keywordsBoost()), BooleanClause.Occur.SHOULD);
                words.add(field(ANSWER + BI, term, w * settings.answerBoost()), BooleanClause.Occur.SHOULD);
                words.add(field(BASIS + BI, term, w * settings.basisBoost()), BooleanClause.Occur.SHOULD);
            }
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(words.build(), BooleanClause.Occur.MUST);
        if (filter.servedOn() != null) {
            int day = (int) filter.servedOn().toEpochDay();
            query.add(new TermQuery(new Term(STATUS, EntryStatus.PUBLISHED.name())), BooleanClause.Occur.FILTER);
            query.add(IntPoint.newRangeQuery(VALID_FROM, Integer.MIN_VALUE, day), BooleanClause.Occur.FILTER);
            query.add(IntPoint.newRangeQuery(VALID_TO, day, Integer.MAX_VALUE), BooleanClause.Occur.FILTER);
        }
        if (!filter.statuses().isEmpty()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            filter.statuses().forEach(s -> any.add(new TermQuery(new Term(STATUS, s.name())),
                    BooleanClause.Occur.SHOULD));
            query.add(any.build(), BooleanClause.Occur.FILTER);
        }
        if (filter.unit() != null) {
            query.add(new TermQuery(new Term(UNIT, filter.unit().value())), BooleanClause.Occur.FILTER);
        }
        return query.build();
    }

    private static Query field(String field, String term, float boost) {
        Query q = new TermQuery(new Term(field, term));
        return boost == 1f ? q : new BoostQuery(q, boost);
    }

    /** The query's terms that the document has in any field, in the query's order (strongest first). */
    private static List<String> matched(LeafReaderContext leaf, int doc, QueryTerms terms) throws IOException {
        int local = doc - leaf.docBase;
        List<String> found = new ArrayList<>();
        for (String term : terms.terms()) {
            BytesRef bytes = new BytesRef(term);
            for (String field : FIELDS) {
                Terms fieldTerms = leaf.reader().terms(field);
                if (fieldTerms == null) {
                    continue;
                }
                TermsEnum it = fieldTerms.iterator();
                if (it.seekExact(bytes)) {
                    PostingsEnum postings = it.postings(null, PostingsEnum.NONE);
                    if (postings.advance(local) == local && local != DocIdSetIterator.NO_MORE_DOCS) {
                        found.add(term);
                        break;
                    }
                }
            }
        }
        return found;
    }

    private static Document document(KnowledgeEntry e) {
        Document doc = new Document();
        doc.add(new StringField(ID, key(e.id()), Field.Store.YES));
        doc.add(new TextField(TITLE, e.title(), Field.Store.NO));
        doc.add(new TextField(KEYWORDS, String.join("，", e.keywords()), Field.Store.NO));
        doc.add(new TextField(ANSWER, e.answer(), Field.Store.NO));
        if (e.policyBasis() != null) {
            doc.add(new TextField(BASIS, e.policyBasis(), Field.Store.NO));
        }
        doc.add(new TextField(TITLE + BI, e.title(), Field.Store.NO));
        doc.add(new TextField(KEYWORDS + BI, String.join("，", e.keywords()), Field.Store.NO));
        doc.add(new TextField(ANSWER + BI, e.answer(), Field.Store.NO));
        if (e.policyBasis() != null) {
            doc.add(new TextField(BASIS + BI, e.policyBasis(), Field.Store.NO));
        }
        doc.add(new StringField(STATUS, e.status().name(), Field.Store.NO));
        if (e.unit() != null) {
            doc.add(new StringField(UNIT, e.unit().value(), Field.Store.NO));
        }
        doc.add(new IntPoint(VALID_FROM, e.validFrom() == null ? Integer.MIN_VALUE : (int) e.validFrom().toEpochDay()));
        doc.add(new IntPoint(VALID_TO, e.validTo() == null ? Integer.MAX_VALUE : (int) e.validTo().toEpochDay()));
        return doc;
    }

    private static String key(EntryId id) {
        return Long.toString(id.value());
    }

    private IndexSearcher acquire() {
        try {
            return searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
