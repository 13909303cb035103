package org.hotline.dispatch.internal.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.huaban.analysis.jieba.WordDictionary;

/**
 * Cuts text into words exactly as jieba ({@code com.huaban:jieba-analysis}, {@code JiebaSegmenter.process} in
 * search mode) does, with jieba's own dictionary and HMM, but over flat arrays: jieba builds maps of boxed
 * integers, a string for every dictionary look-up and a hash map per character of its HMM, which made segmenting
 * one message for the dispatcher's evidence cost more than classifying and routing it. The words, their order
 * and their offsets are jieba's; {@code TheSegmenterCutsAsJiebaDoesTest} compares the two.
 *
 * <p>How jieba cuts, and so how this does:
 * <ol>
 * <li>Each character is regularised (full-width forms to half-width, latin capitals to lower case). Runs of
 * Chinese characters, latin letters, digits and the connectors {@code +#&._-} are sentences; every other character
 * is a word of its own, as written.
 * <li>In a sentence, every dictionary word starting at each position is a way forward, and the route through the
 * sentence with the highest sum of log word frequencies is taken (from the end backwards; of equal ways, the
 * shorter word). A character that starts no dictionary word is a way of its own, at the rarest word's frequency.
 * <li>Consecutive single characters of the route are joined again: a dictionary word or a single character stays
 * as it is; anything else is an unknown word, cut by the HMM (Viterbi over begin/middle/end/single states) where
 * it is Chinese, and elsewhere into numbers with a decimal point, runs of letters and digits, and what lies
 * between.
 * </ol>
 *
 * <p>Thread-safe: the dictionary is read-only, each thread cuts with its own scratch arrays. The dictionary is
 * built from jieba's on first use (jieba loads its own in a couple of seconds; this adds about 18 MB of arrays).
 */
final class Segmenter {

    /**
     * Takes each word as it is cut: {@code chars[start, end)}, the word as jieba gives it, at those offsets in
     * the text. The characters are valid only during the call.
     */
    @FunctionalInterface
    interface WordSink {
        void word(char[] chars, int start, int end);
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private Segmenter() {
    }

    /** The words of {@code text} in order, as jieba's search mode cuts them. */
    static List<Words.Word> cut(String text) {
        List<Words.Word> words = new ArrayList<>();
        cut(text, (chars, start, end) -> words.add(
                new Words.Word(new String(chars, start, end - start), start, end)));
        return words;
    }

    /**
     * Cuts {@code text} as jieba's search mode does and hands each word to {@code sink}, in order, without
     * making a string of it: a caller that keeps only some words pays only for those.
     */
    static void cut(String text, WordSink sink) {
        if (text == null || text.isEmpty()) {
            return;
        }
        Dictionary dictionary = Dictionary.INSTANCE;
        Scratch scratch = SCRATCH.get();
        int n = text.length();
        // the characters regularised where they belong to a sentence; a character between sentences is a word
        // of its own as it was written (and was no sentence's character as written either)
        char[] chars = scratch.chars(n);
        for (int i = 0; i < n; i++) {
            char regular = regularize(text.charAt(i));
            chars[i] = inSentence(regular) ? regular : text.charAt(i);
        }
        int sentence = -1;
        for (int i = 0; i < n; i++) {
            if (inSentence(chars[i])) {
                if (sentence < 0) {
                    sentence = i;
                }
                continue;
            }
            if (sentence >= 0) {
                cutSentence(dictionary, chars, sentence, i, scratch, sink);
                sentence = -1;
            }
            sink.word(chars, i, i + 1);
        }
        if (sentence >= 0) {
            cutSentence(dictionary, chars, sentence, n, scratch, sink);
        }
    }

    /** jieba's {@code CharacterUtil.regularize}: ideographic space, full-width forms, latin capitals. */
    private static char regularize(char c) {
        if (c == '\u3000') {
            return ' ';
        }
        if (c > '\uFF00' && c < '\uFF5F') {
            return (char) (c - 0xFEE0); // a full-width capital stays a capital, as in jieba
        }
        if (c >= 'A' && c <= 'Z') {
            return (char) (c + 32);
        }
        return c;
    }

    /** jieba's {@code CharacterUtil.ccFind}: the characters sentences are made of. */
    private static boolean inSentence(char c) {
        return chinese(c) || latinLetter(c) || digit(c) || c == '+' || c == '#' || c == '&' || c == '.' || c == '_'
                || c == '-';
    }

    /** The block of Chinese characters jieba knows, U+4E00 to U+9FA5. */
    private static boolean chinese(char c) {
        return c >= '\u4E00' && c <= '\u9FA5';
    }

    private static boolean latinLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * The best route through {@code chars[from, to)}, then its words; single characters in a row are joined and,
     * when together they are no dictionary word, cut as an unknown word.
     */
    private static void cutSentence(Dictionary dictionary, char[] chars, int from, int to, Scratch scratch,
            WordSink words) {
        int n = to - from;
        double[] best = scratch.best(n + 1);
        int[] next = scratch.next(n + 1);
        best[n] = 0.0;
        for (int i = n - 1; i >= 0; i--) {
            // every dictionary word starting at i, shortest first; the first of equal routes wins
            int end = -1;
            double route = 0;
            int node = Dictionary.ROOT;
            for (int j = i; j < n; j++) {
                node = dictionary.child(node, chars[from + j]);
                if (node < 0) {
                    break;
                }
                double frequency = dictionary.logFrequency(node);
                if (Double.isNaN(frequency)) {
                    continue;
                }
                double candidate = frequency + best[j + 1];
                if (end < 0 || route < candidate) {
                    route = candidate;
                    end = j + 1;
                }
            }
            if (end < 0) {
                route = dictionary.unknownWordFrequency + best[i + 1];
                end = i + 1;
            }
            best[i] = route;
            next[i] = end;
        }
        int single = -1;
        for (int x = 0; x < n; ) {
            int y = next[x];
            if (y - x == 1) {
                if (single < 0) {
                    single = x;
                }
            } else {
                if (single >= 0) {
                    cutSingles(dictionary, chars, from + single, from + x, scratch, words);
                    single = -1;
                }
                words.word(chars, from + x, from + y);
            }
            x = y;
        }
        if (single >= 0) {
            cutSingles(dictionary, chars, from + single, to, scratch, words);
        }
    }

    /** Single characters of a route, in a row: one word if the dictionary has it, else an unknown word cut. */
    private static void cutSingles(Dictionary dictionary, char[] chars, int from, int to, Scratch scratch,
            WordSink words) {
        if (to - from == 1 || dictionary.contains(chars, from, to)) {
            words.word(chars, from, to);
            return;
        }
        // jieba's FinalSeg.cut: Chinese runs through the HMM, the rest by numbers and letter-digit runs
        int run = from;
        for (int i = from + 1; i <= to; i++) {
            if (i == to || chinese(chars[i]) != chinese(chars[run])) {
                if (chinese(chars[run])) {
                    viterbi(dictionary, chars, run, i, scratch, words);
                } else {
                    cutOther(chars, run, i, words);
                }
                run = i;
            }
        }
    }

    /** jieba's HMM states, in its order. */
    private static final int B = 0;
    private static final int M = 1;
    private static final int E = 2;
    private static final int S = 3;
    private static final double MIN_FLOAT = -3.14e100;
    /** jieba's start and transition log probabilities ({@code FinalSeg}), and which states may precede each. */
    private static final double[] START = { -0.26268660809250016, MIN_FLOAT, MIN_FLOAT, -1.4652633398537678 };
    private static final double[][] TRANSITION = new double[4][4];
    private static final int[][] PREVIOUS = { { E, S }, { M, B }, { B, M }, { S, E } };

    static {
        for (double[] row : TRANSITION) {
            Arrays.fill(row, MIN_FLOAT);
        }
        TRANSITION[B][E] = -0.51082562376599;
        TRANSITION[B][M] = -0.916290731874155;
        TRANSITION[E][B] = -0.5897149736854513;
        TRANSITION[E][S] = -0.8085250474669937;
        TRANSITION[M][E] = -0.33344856811948514;
        TRANSITION[M][M] = -1.2603623820268226;
        TRANSITION[S][B] = -0.7211965654669841;
        TRANSITION[S][S] = -0.6658631448798212;
    }

    /**
     * The most probable begin/middle/end/single states of the Chinese characters {@code chars[from, to)}, and the
     * words they make. Computed in jieba's order of operations, so that equal and nearly equal paths are decided
     * as jieba decides them (of equal ones, the later predecessor; at the end, E over S).
     */
    private static void viterbi(Dictionary dictionary, char[] chars, int from, int to, Scratch scratch,
            WordSink words) {
        int n = to - from;
        double[] v = scratch.probabilities(n * 4);
        int[] back = scratch.predecessors(n * 4);
        for (int y = 0; y < 4; y++) {
            v[y] = START[y] + dictionary.emission(y, chars[from]);
        }
        for (int t = 1; t < n; t++) {
            char c = chars[from + t];
            for (int y = 0; y < 4; y++) {
                double emission = dictionary.emission(y, c);
                int chosen = -1;
                double best = 0;
                for (int y0 : PREVIOUS[y]) {
                    double p = TRANSITION[y0][y] + (emission + v[(t - 1) * 4 + y0]);
                    if (chosen < 0 || best <= p) {
                        best = p;
                        chosen = y0;
                    }
                }
                v[t * 4 + y] = best;
                back[t * 4 + y] = chosen;
            }
        }
        int[] states = scratch.states(n);
        int state = v[(n - 1) * 4 + E] < v[(n - 1) * 4 + S] ? S : E;
        for (int t = n - 1; t >= 0; t--) {
            states[t] = state;
            state = back[t * 4 + state];
        }
        int begin = 0;
        int next = 0;
        for (int t = 0; t < n; t++) {
            switch (states[t]) {
                case B -> begin = t;
                case E -> {
                    words.word(chars, from + begin, from + t + 1);
                    next = t + 1;
                }
                case S -> {
                    words.word(chars, from + t, from + t + 1);
                    next = t + 1;
                }
                default -> {
                }
            }
        }
        if (next < n) {
            words.word(chars, from + next, to);
        }
    }

    /**
     * jieba's cut of an unknown word's other characters by {@code (\d+\.\d+|[a-zA-Z0-9]+)}: each number with a
     * decimal point or run of letters and digits is a word, and so is whatever lies between them.
     */
    private static void cutOther(char[] chars, int from, int to, WordSink words) {
        int last = from;
        int at = from;
        while (at < to) {
            int end = numberOrLetters(chars, at, to);
            if (end < 0) {
                at++;
                continue;
            }
            if (at > last) {
                words.word(chars, last, at);
            }
            words.word(chars, at, end);
            last = end;
            at = end;
        }
        if (last < to) {
            words.word(chars, last, to);
        }
    }

    /** Where the match of {@code \d+\.\d+|[a-zA-Z0-9]+} starting at {@code at} ends, or -1 if none starts there. */
    private static int numberOrLetters(char[] chars, int at, int to) {
        int end = at;
        while (end < to && digit(chars[end])) {
            end++;
        }
        if (end > at && end + 1 < to && chars[end] == '.' && digit(chars[end + 1])) {
            end += 2;
            while (end < to && digit(chars[end])) {
                end++;
            }
            return end;
        }
        end = at;
        while (end < to && (digit(chars[end]) || latinLetter(chars[end]))) {
            end++;
        }
        return end > at ? end : -1;
    }


    /**
     * jieba's dictionary and HMM emissions as arrays. The words are a trie whose nodes are numbered: the root's
     * children are found by a table indexed by the character, every other edge in one open-addressing hash
     * table keyed by the node and the character. (A sorted range of edges per node and a binary search cost a
     * third more: its branches are unpredictable, and a node one character deep has hundreds of children.)
     */
    static final class Dictionary {

        static final Dictionary INSTANCE = fromJieba();

        static final int ROOT = 0;
        private static final long NO_EDGE = -1L;

        private final int[] rootChild = new int[65536];
        /** The edges below the root: {@code (node << 16) | character} and, at the same slot, the child. */
        private final long[] edgeKey;
        private final int[] edgeChild;
        private final int edgeMask;
        /** The log relative frequency of the word a node ends, NaN where none ends. */
        private final double[] logFrequency;
        /** What jieba counts for a character that starts no word: the rarest word's log frequency. */
        final double unknownWordFrequency;
        /** Log emission probability of each character in each HMM state, {@code MIN_FLOAT} where jieba has none. */
        private final double[] emission = new double[4 * 65536];

        /** jieba's words with their log relative frequencies (as jieba normalised them), and its emissions. */
        Dictionary(Map<String, Double> frequencies, InputStream emissions) {
            String[] words = frequencies.keySet().stream().filter(Objects::nonNull).filter(w -> !w.isEmpty())
                    .sorted().toArray(String[]::new);
            int nodes = 1;
            for (int i = 0; i < words.length; i++) {
                nodes += words[i].length() - (i == 0 ? 0 : commonPrefix(words[i - 1], words[i]));
            }
            int capacity = Integer.highestOneBit(Math.max(8, nodes)) * 4; // at most half full
            edgeKey = new long[capacity];
            Arrays.fill(edgeKey, NO_EDGE);
            edgeChild = new int[capacity];
            edgeMask = capacity - 1;
            Arrays.fill(rootChild, -1);
            logFrequency = new double[nodes];
            Arrays.fill(logFrequency, Double.NaN);
            // breadth first over ranges of the sorted words that share a prefix
            int[] low = new int[nodes];
            int[] high = new int[nodes];
            int[] depth = new int[nodes];
            high[ROOT] = words.length;
            int created = 1;
            for (int node = 0; node < nodes; node++) {
                int lo = low[node];
                int hi = high[node];
                int d = depth[node];
                if (lo < hi && words[lo].length() == d) {
                    logFrequency[node] = frequencies.get(words[lo]);
                    lo++;
                }
                while (lo < hi) {
                    char c = words[lo].charAt(d);
                    int end = lo + 1;
                    while (end < hi && words[end].charAt(d) == c) {
                        end++;
                    }
                    int child = created++;
                    low[child] = lo;
                    high[child] = end;
                    depth[child] = d + 1;
                    if (node == ROOT) {
                        rootChild[c] = child;
                    } else {
                        long key = edgeKey(node, c);
                        int slot = slot(key);
                        while (edgeKey[slot] != NO_EDGE) {
                            slot = (slot + 1) & edgeMask;
                        }
                        edgeKey[slot] = key;
                        edgeChild[slot] = child;
                    }
                    lo = end;
                }
            }
            double rarest = Double.MAX_VALUE;
            for (Double f : frequencies.values()) {
                rarest = Math.min(f, rarest);
            }
            unknownWordFrequency = rarest;
            readEmissions(emissions);
        }

        private static long edgeKey(int node, char c) {
            return ((long) node << 16) | c;
        }

        private int slot(long key) {
            return (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & edgeMask;
        }

        private static Dictionary fromJieba() {
            try (InputStream emissions = WordDictionary.class.getResourceAsStream("/prob_emit.txt")) {
                if (emissions == null) {
                    throw new IllegalStateException("jieba's prob_emit.txt is not on the class path");
                }
                return new Dictionary(WordDictionary.getInstance().freqs, emissions);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** jieba's {@code prob_emit.txt}: a line naming a state, then lines of a character and its log probability. */
        private void readEmissions(InputStream in) {
            Arrays.fill(emission, MIN_FLOAT);
            int state = -1;
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    String[] fields = line.split("\t");
                    if (fields.length == 1) {
                        state = "BMES".indexOf(fields[0].charAt(0));
                    } else if (state >= 0) {
                        emission[state * 65536 + fields[0].charAt(0)] = Double.valueOf(fields[1]);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static int commonPrefix(String a, String b) {
            int n = Math.min(a.length(), b.length());
            int i = 0;
            while (i < n && a.charAt(i) == b.charAt(i)) {
                i++;
            }
            return i;
        }

        /** The node reached from {@code node} by {@code c}, or -1. */
        int child(int node, char c) {
            if (node == ROOT) {
                return rootChild[c];
            }
            long key = edgeKey(node, c);
            for (int slot = slot(key); ; slot = (slot + 1) & edgeMask) {
                long found = edgeKey[slot];
                if (found == key) {
                    return edgeChild[slot];
                }
                if (found == NO_EDGE) {
                    return -1;
                }
            }
        }

        double logFrequency(int node) {
            return logFrequency[node];
        }

        /** Whether {@code chars[from, to)} is a word of the dictionary. */
        boolean contains(char[] chars, int from, int to) {
            int node = ROOT;
            for (int i = from; i < to && node >= 0; i++) {
                node = child(node, chars[i]);
            }
            return node >= 0 && !Double.isNaN(logFrequency[node]);
        }

        double emission(int state, char c) {
            return emission[state * 65536 + c];
        }
    }

    /** One thread's working arrays, grown to the longest text it has cut. */
    private static final class Scratch {
        private char[] chars = new char[0];
        private double[] best = new double[0];
        private int[] next = new int[0];
        private double[] probabilities = new double[0];
        private int[] predecessors = new int[0];
        private int[] states = new int[0];

        char[] chars(int n) {
            return chars.length >= n ? chars : (chars = new char[Math.max(n, 2 * chars.length)]);
        }

        double[] best(int n) {
            return best.length >= n ? best : (best = new double[Math.max(n, 2 * best.length)]);
        }

        int[] next(int n) {
            return next.length >= n ? next : (next = new int[Math.max(n, 2 * next.length)]);
        }

        double[] probabilities(int n) {
            return probabilities.length >= n ? probabilities
                    : (probabilities = new double[Math.max(n, 2 * probabilities.length)]);
        }

        int[] predecessors(int n) {
            return predecessors.length >= n ? predecessors
                    : (predecessors = new int[Math.max(n, 2 * predecessors.length)]);
        }

        int[] states(int n) {
            return states.length >= n ? states : (states = new int[Math.max(n, 2 * states.length)]);
        }
    }
}
