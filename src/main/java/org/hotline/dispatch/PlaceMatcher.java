package org.hotline.dispatch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.hotline.dispatch.PlaceMatch.How;
import org.hotline.dispatch.PlaceMatch.Source;
import org.hotline.organization.Place;
import org.hotline.organization.PlaceKind;
import org.hotline.organization.UnitId;

/**
 * Finds the territorial unit (属地) of an order from its address and text, the way a dispatcher reads them:
 * by full names and aliases, by short names (古楼 for 古楼街道, 东关 for 东关社区) and through one-character typos
 * (古搂街道, 東关社区 half in traditional script).
 *
 * <p>Every name is compiled once into an Aho–Corasick automaton, so a 400-character message is scanned in
 * one pass, in microseconds; build a new matcher when the gazetteer changes. Typos are looked for only when no
 * name matched exactly, and only around the first or last character of a name, which one wrong character
 * cannot both touch.
 *
 * <p>Which match wins, in order: the address over the text (a text often mentions other places, the
 * address is where the problem is); a street office, town or park the citizen names, over any community,
 * village or road of another unit in the same words (see {@link #withinNamedAreas}); a trusted match over a
 * typo; the most specific place (a community or village says more than a road, a road more than a whole
 * street office); the longer match; the first mentioned. A shorter match inside a longer one does not count
 * (东关 inside 东关社区), which is also how stop names work: the district's own name (东昌府区) hides the road
 * 东昌路's short name 东昌.
 *
 * <p>Ambiguity is refused rather than guessed: a short name or exact name shared by places of different
 * units is not used, and typo matches in one source must all point at one unit. Short names of roads count
 * only in the address: 建设, 花园 or 振兴 in a complaint's text are ordinary words far more often than roads.
 */
public final class PlaceMatcher {

    /** Longest first, so 办事处 is dropped before 处 could ever be considered. */
    private static final List<String> SUFFIXES = List.of("办事处", "街道", "社区", "镇", "乡", "村", "路", "街");
    private static final int MIN_SHORT_LENGTH = 2;
    private static final int MIN_TYPO_LENGTH = 3;

    /** A name the automaton knows; {@code place} is null for a stop name, which only hides what it contains. */
    private record Key(String text, Place place, How how, boolean addressOnly) {
    }

    private record Hit(int start, int end, Key key, boolean typo) {
        int length() {
            return end - start;
        }

        boolean overlaps(Hit other) {
            return start < other.end && other.start < end;
        }
    }

    private static final class Node {
        final Edges next = new Edges();
        Node fail;
        Node output;
        Key key;
        int depth;
    }

    /**
     * A node's outgoing edges as sorted parallel arrays of characters and nodes: found by binary search with
     * no boxing, where a map from {@code Character} would allocate for every Chinese character scanned.
     */
    private static final class Edges {
        private char[] keys = new char[0];
        private Node[] nodes = new Node[0];

        Node get(char c) {
            int i = java.util.Arrays.binarySearch(keys, c);
            return i >= 0 ? nodes[i] : null;
        }

        void put(char c, Node node) {
            int i = java.util.Arrays.binarySearch(keys, c);
            if (i >= 0) {
                nodes[i] = node;
                return;
            }
            int at = -i - 1;
            char[] k = new char[keys.length + 1];
            Node[] n = new Node[nodes.length + 1];
            System.arraycopy(keys, 0, k, 0, at);
            System.arraycopy(nodes, 0, n, 0, at);
            k[at] = c;
            n[at] = node;
            System.arraycopy(keys, at, k, at + 1, keys.length - at);
            System.arraycopy(nodes, at, n, at + 1, nodes.length - at);
            keys = k;
            nodes = n;
        }

        int size() {
            return keys.length;
        }

        char key(int i) {
            return keys[i];
        }

        Node node(int i) {
            return nodes[i];
        }

        List<Node> nodes() {
            return java.util.Arrays.asList(nodes);
        }
    }

    private final Node root = new Node();
    /**
     * Every character of every name. A character outside it moves no edge of the automaton, so the scan
     * returns to the root at once without looking it up: most characters of a complaint are such.
     */
    private final java.util.BitSet nameChars = new java.util.BitSet(65536);
    private final Map<Character, List<Key>> typoByFirst = new HashMap<>();
    private final Map<Character, List<Key>> typoByLast = new HashMap<>();
    private final Set<String> refused;

    private PlaceMatcher(Collection<Key> keys, Set<String> refused) {
        this.refused = Collections.unmodifiableSet(refused);
        for (Key key : keys) {
            insert(key);
            if (key.place() != null && key.text().length() >= MIN_TYPO_LENGTH) {
                typoByFirst.computeIfAbsent(key.text().charAt(0), c -> new ArrayList<>()).add(key);
                typoByLast.computeIfAbsent(key.text().charAt(key.text().length() - 1), c -> new ArrayList<>())
                        .add(key);
            }
        }
        link();
    }

    /**
     * A matcher over these places. {@code stopNames} are names that are not places of the gazetteer but
     * contain one's short name (the district's own name, the city's): they hide what they contain.
     */
    public static PlaceMatcher of(Collection<Place> places, Collection<String> stopNames) {
        Map<String, List<Key>> exact = new LinkedHashMap<>();
        Map<String, List<Key>> shortNames = new LinkedHashMap<>();
        for (Place place : places) {
            add(exact, place.name(), new Key(place.name(), place, How.NAME, false));
            for (String alias : place.aliases()) {
                add(exact, alias, new Key(alias, place, How.ALIAS, false));
            }
        }
        for (Place place : places) {
            List<String> names = new ArrayList<>();
            names.add(place.name());
            names.addAll(place.aliases());
            for (String name : names) {
                String shortName = shorten(name);
                if (shortName != null && !exact.containsKey(shortName)) {
                    add(shortNames, shortName,
                            new Key(shortName, place, How.SHORT_NAME, place.kind() == PlaceKind.ROAD));
                }
            }
        }
        Set<String> refused = new TreeSet<>();
        List<Key> keys = new ArrayList<>();
        // an exact name shared by places of one unit stands for the most specific of them
        exact.forEach((text, candidates) -> resolve(text, candidates, true, keys, refused));
        // a short name shared by places of one unit (柳园: the street office, its community, its road) says
        // only that the order is somewhere in that unit's area: the broadest place is the honest answer
        shortNames.forEach((text, candidates) -> resolve(text, candidates, false, keys, refused));
        for (String stop : stopNames == null ? List.<String>of() : stopNames) {
            if (stop != null && !stop.isBlank() && !exact.containsKey(stop.strip())) {
                keys.add(new Key(stop.strip(), null, null, false));
            }
        }
        return new PlaceMatcher(keys, refused);
    }

    /** Names not used because places of different units share them (for the admin and for tests). */
    public Set<String> refusedNames() {
        return refused;
    }

    /** The best place in the address or, when the address names none, in the text. Both may be null. */
    public Optional<PlaceMatch> match(String address, String text) {
        Optional<PlaceMatch> found = matchIn(address, Source.ADDRESS);
        return found.isPresent() ? found : matchIn(text, Source.TEXT);
    }

    private Optional<PlaceMatch> matchIn(String s, Source source) {
        if (s == null || s.isEmpty()) {
            return Optional.empty();
        }
        List<Hit> exactHits = scan(s);
        List<Hit> usable = new ArrayList<>();
        for (Hit hit : exactHits) {
            if (hit.key().place() != null && (source == Source.ADDRESS || !hit.key().addressOnly())
                    && !insideLonger(hit, exactHits)) {
                usable.add(hit);
            }
        }
        if (!usable.isEmpty()) {
            return Optional.of(toMatch(best(withinNamedAreas(usable)), s, source));
        }
        if (source != Source.ADDRESS) {
            // Typos are forgiven in the address, which is short and names a place by intent. In the free text
            // a window one character away from a place name is far more often an ordinary word than a
            // misspelt place, and searching every window of a long message for one costs most of routing.
            return Optional.empty();
        }
        List<Hit> typos = typos(s, source, exactHits);
        if (typos.isEmpty() || typos.stream().map(h -> h.key().place().unit()).distinct().count() > 1) {
            return Optional.empty();
        }
        return Optional.of(toMatch(best(typos), s, source));
    }

    private List<Hit> scan(String s) {
        List<Hit> hits = new ArrayList<>();
        Node node = root;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (!nameChars.get(ch)) {
                node = root;
                continue;
            }
            char c = ch;
            Node next;
            while ((next = node.next.get(c)) == null && node != root) {
                node = node.fail;
            }
            node = next == null ? root : next;
            for (Node out = node.key != null ? node : node.output; out != null; out = out.output) {
                hits.add(new Hit(i + 1 - out.depth, i + 1, out.key, false));
            }
        }
        return hits;
    }

    /** Windows one edit away from a name, anchored on the name's first or last character. */
    private List<Hit> typos(String s, Source source, List<Hit> exactHits) {
        List<Hit> hits = new ArrayList<>();
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            for (Key key : typoByFirst.getOrDefault(c, List.of())) {
                int length = key.text().length();
                for (int w = Math.max(MIN_TYPO_LENGTH, length - 1); w <= length + 1; w++) {
                    if (i + w <= n && oneEditApart(s, i, w, key.text())) {
                        hits.add(new Hit(i, i + w, key, true));
                    }
                }
            }
            for (Key key : typoByLast.getOrDefault(c, List.of())) {
                int length = key.text().length();
                for (int w = Math.max(MIN_TYPO_LENGTH, length - 1); w <= length + 1; w++) {
                    int start = i + 1 - w;
                    if (start >= 0 && oneEditApart(s, start, w, key.text())) {
                        hits.add(new Hit(start, i + 1, key, true));
                    }
                }
            }
        }
        // a window that overlaps a name read exactly (a stop name, a road's short name in the text) is that
        // name, not a misspelling of another one: 东昌府 is the district, not a typo of 东昌路
        hits.removeIf(h -> (source == Source.TEXT && h.key().addressOnly())
                || exactHits.stream().anyMatch(h::overlaps));
        return hits;
    }

    /** Whether {@code s[from, from+length)} and {@code name} differ by exactly one insertion, deletion or substitution. */
    static boolean oneEditApart(String s, int from, int length, String name) {
        int m = name.length();
        if (Math.abs(length - m) > 1) {
            return false;
        }
        int i = 0;
        int j = 0;
        int edits = 0;
        while (i < length && j < m) {
            if (s.charAt(from + i) == name.charAt(j)) {
                i++;
                j++;
                continue;
            }
            if (++edits > 1) {
                return false;
            }
            if (length > m) {
                i++;
            } else if (length < m) {
                j++;
            } else {
                i++;
                j++;
            }
        }
        edits += (length - i) + (m - j);
        return edits == 1;
    }

    private static boolean insideLonger(Hit hit, List<Hit> hits) {
        for (Hit other : hits) {
            if (other.length() > hit.length() && other.start() <= hit.start() && other.end() >= hit.end()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A street office or town the citizen names beats a community matched elsewhere: the area named (新区街道, or
     * without its suffix 新区) is the citizen's own statement of where they are, while a community, village or
     * road name may belong to another area in the gazetteer (names repeat across areas and roads cross them,
     * and the gazetteer does not know every community). So when the words name areas, only places inside them
     * (of the same units) remain candidates: a community the gazetteer places in the named area still pins the
     * place down, one it places elsewhere is passed over, and an unknown community leaves the area itself.
     */
    private static List<Hit> withinNamedAreas(List<Hit> hits) {
        Set<UnitId> named = new java.util.HashSet<>();
        for (Hit hit : hits) {
            if (specificity(hit.key().place().kind()) == AREA) {
                named.add(hit.key().place().unit());
            }
        }
        if (named.isEmpty()) {
            return hits;
        }
        return hits.stream().filter(h -> named.contains(h.key().place().unit())).toList();
    }

    private static final Comparator<Hit> PREFERENCE = Comparator
            .comparingInt((Hit h) -> specificity(h.key().place().kind()))
            .thenComparingInt(h -> h.typo() ? trust(How.TYPO) : trust(h.key().how()))
            .thenComparingInt(Hit::length)
            .thenComparing(Comparator.comparingInt(Hit::start).reversed());

    private static Hit best(List<Hit> hits) {
        return Collections.max(hits, PREFERENCE);
    }

    private static PlaceMatch toMatch(Hit hit, String s, Source source) {
        Place place = hit.key().place();
        return new PlaceMatch(place, place.unit(), hit.typo() ? How.TYPO : hit.key().how(), source,
                s.substring(hit.start(), hit.end()));
    }

    /** The specificity of a territorial unit's whole area: a town, street office or park. */
    private static final int AREA = 1;

    /** A community or village pins the place down; a road may cross areas; a street office is a whole area. */
    private static int specificity(PlaceKind kind) {
        return switch (kind) {
            case COMMUNITY, VILLAGE -> 3;
            case ROAD -> 2;
            case TOWN, STREET_OFFICE, PARK -> AREA;
        };
    }

    private static int trust(How how) {
        return switch (how) {
            case NAME, ALIAS -> 2;
            case SHORT_NAME -> 1;
            case TYPO -> 0;
        };
    }

    private static String shorten(String name) {
        for (String suffix : SUFFIXES) {
            if (name.endsWith(suffix) && name.length() - suffix.length() >= MIN_SHORT_LENGTH) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return null;
    }

    private static void add(Map<String, List<Key>> keys, String text, Key key) {
        keys.computeIfAbsent(text, t -> new ArrayList<>()).add(key);
    }

    private static void resolve(String text, List<Key> candidates, boolean mostSpecific, List<Key> keys,
            Set<String> refused) {
        Set<UnitId> units = new java.util.HashSet<>();
        candidates.forEach(k -> units.add(k.place().unit()));
        if (units.size() > 1) {
            refused.add(text);
            return;
        }
        Comparator<Key> bySpecificity = Comparator.comparingInt(k -> specificity(k.place().kind()));
        Key chosen = mostSpecific ? Collections.max(candidates, bySpecificity.thenComparingInt(k -> trust(k.how())))
                : Collections.min(candidates, bySpecificity);
        boolean addressOnly = candidates.stream().allMatch(Key::addressOnly);
        keys.add(new Key(text, chosen.place(), chosen.how(), addressOnly));
    }

    private void insert(Key key) {
        Node node = root;
        for (int i = 0; i < key.text().length(); i++) {
            int depth = i + 1;
            nameChars.set(key.text().charAt(i));
            char c = key.text().charAt(i);
            Node child = node.next.get(c);
            if (child == null) {
                child = new Node();
                child.depth = depth;
                node.next.put(c, child);
            }
            node = child;
        }
        node.key = key;
    }

    /** Failure and output links, breadth first (the textbook Aho–Corasick construction). */
    private void link() {
        ArrayDeque<Node> queue = new ArrayDeque<>();
        root.fail = root;
        for (Node child : root.next.nodes()) {
            child.fail = root;
            queue.add(child);
        }
        while (!queue.isEmpty()) {
            Node node = queue.poll();
            for (int e = 0; e < node.next.size(); e++) {
                char c = node.next.key(e);
                Node child = node.next.node(e);
                Node f = node.fail;
                while (f != root && f.next.get(c) == null) {
                    f = f.fail;
                }
                Node target = f.next.get(c);
                child.fail = target != null && target != child ? target : root;
                child.output = child.fail.key != null ? child.fail : child.fail.output;
                queue.add(child);
            }
        }
    }
}
