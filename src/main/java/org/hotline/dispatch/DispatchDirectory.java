package org.hotline.dispatch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.hotline.organization.Categories;
import org.hotline.organization.Category;
import org.hotline.organization.UnitId;

/**
 * The organisation's dispatch directory (派单目录): which unit owns which duty, with the phrases citizens use
 * for each. It does two things for dispatch:
 * <ul>
 * <li><b>It maps categories to units.</b> A category goes to the unit of its own entry; without one, to its
 * taxonomy default; without that, up the taxonomy the same way. An entry that is territorial sends the category
 * to the town or street office of the place. The {@link #routing} view of the taxonomy is what routing reads.
 * <li><b>It is a signal.</b> The phrases a message contains ({@link #phrasesIn}) vote for their entries' units and
 * are shown to the dispatcher as whole words behind a unit.
 * </ul>
 * Immutable; build a new one when the directory changes. Finding phrases is one pass over the text: a bit per
 * character says whether any phrase starts with it (few do), and only from there is the trie of the phrases
 * followed, as far as the text goes on like one.
 */
public final class DispatchDirectory {

    /** A phrase of the directory found in a message, and the entry it belongs to. */
    public record Found(String phrase, DirectoryEntry entry) {
    }

    /** The directory with no entries: routing by the taxonomy alone, no phrases. */
    public static final DispatchDirectory EMPTY = new DispatchDirectory(List.of());

    private final List<DirectoryEntry> entries;
    private final Map<String, DirectoryEntry> byCode = new HashMap<>();
    /** Whether any phrase starts with a character, by the character. */
    private final BitSet starts = new BitSet(65536);
    /** The phrases, character by character. */
    private final PhraseNode phrases = new PhraseNode(0);
    private int nodes = 1;
    private int longest;

    /**
     * A node of the phrases' trie: its children by character (sorted, for a binary search), and the phrase that
     * ends here once for each entry category that lists it, in the order of the directory.
     */
    private static final class PhraseNode {
        final int number;
        char[] keys = new char[0];
        PhraseNode[] children = new PhraseNode[0];
        final List<Found> ending = new ArrayList<>(1);

        PhraseNode(int number) {
            this.number = number;
        }

        PhraseNode child(char c) {
            int i = Arrays.binarySearch(keys, c);
            return i >= 0 ? children[i] : null;
        }

        PhraseNode add(char c, int number) {
            int i = Arrays.binarySearch(keys, c);
            if (i >= 0) {
                return children[i];
            }
            int at = -i - 1;
            PhraseNode child = new PhraseNode(number);
            keys = insert(keys, at, c);
            PhraseNode[] grown = Arrays.copyOf(children, children.length + 1);
            System.arraycopy(children, at, grown, at + 1, children.length - at);
            grown[at] = child;
            children = grown;
            return child;
        }

        private static char[] insert(char[] keys, int at, char c) {
            char[] grown = Arrays.copyOf(keys, keys.length + 1);
            System.arraycopy(keys, at, grown, at + 1, keys.length - at);
            grown[at] = c;
            return grown;
        }
    }

    public DispatchDirectory(List<DirectoryEntry> entries) {
        this.entries = entries.stream().filter(DirectoryEntry::active).toList();
        for (DirectoryEntry e : this.entries) {
            byCode.putIfAbsent(e.categoryCode(), e);
            for (String phrase : e.phrases()) {
                if (phrase != null && !phrase.isBlank()) {
                    index(phrase.strip(), e);
                }
            }
        }
    }

    private void index(String phrase, DirectoryEntry e) {
        PhraseNode node = phrases;
        for (int i = 0; i < phrase.length(); i++) {
            PhraseNode child = node.add(phrase.charAt(i), nodes);
            if (child.number == nodes) {
                nodes++;
            }
            node = child;
        }
        // a phrase an entry of the same category already has would be found twice; it counts once
        if (node.ending.stream().noneMatch(f -> Objects.equals(f.entry().categoryCode(), e.categoryCode()))) {
            node.ending.add(new Found(phrase, e));
        }
        starts.set(phrase.charAt(0));
        longest = Math.max(longest, phrase.length());
    }

    public List<DirectoryEntry> entries() {
        return entries;
    }

    /** The entry for exactly this category, if the directory has one. */
    public Optional<DirectoryEntry> entryOf(String categoryCode) {
        return Optional.ofNullable(categoryCode == null ? null : byCode.get(categoryCode));
    }

    /**
     * Who owns a category, by the rule above: the entry of the category or of the nearest ancestor that has an
     * entry or a taxonomy default. Empty when nothing says (then the routing falls back to the place's unit);
     * an entry that is territorial also answers empty, for the same reason.
     */
    public Optional<UnitId> unitOf(String code, Categories categories) {
        Optional<Category> current = categories.find(code);
        String at = code;
        while (at != null) {
            DirectoryEntry entry = byCode.get(at);
            if (entry != null) {
                return Optional.ofNullable(entry.unit());
            }
            if (current.isPresent() && current.get().defaultUnit() != null) {
                return Optional.of(current.get().defaultUnit());
            }
            at = current.map(Category::parentCode).orElse(null);
            current = at == null ? Optional.empty() : categories.find(at);
        }
        return Optional.empty();
    }

    /** Whether a category is territorial by the directory (its own or nearest ancestor's entry says so). */
    public boolean territorial(String code, Categories categories) {
        Optional<Category> current = categories.find(code);
        String at = code;
        while (at != null) {
            DirectoryEntry entry = byCode.get(at);
            if (entry != null) {
                return entry.territorial();
            }
            if (current.isPresent() && current.get().defaultUnit() != null) {
                return false;
            }
            at = current.map(Category::parentCode).orElse(null);
            current = at == null ? Optional.empty() : categories.find(at);
        }
        return false;
    }

    /** The taxonomy as routing should read it: each category's default unit as the directory decides. */
    public Categories routing(Categories categories) {
        if (entries.isEmpty()) {
            return categories;
        }
        DispatchDirectory directory = this;
        return new Categories() {
            @Override
            public Optional<Category> find(String code) {
                return categories.find(code);
            }

            @Override
            public List<Category> all() {
                return categories.all();
            }

            @Override
            public Optional<UnitId> defaultUnitOf(String code) {
                return directory.unitOf(code, categories);
            }
        };
    }

    /** The phrases of the directory in {@code text}, each once, in the order they first occur. */
    public List<Found> phrasesIn(String text) {
        if (text == null || text.isEmpty() || longest == 0) {
            return List.of();
        }
        List<Found> found = null;
        BitSet already = null;
        PhraseNode[] ends = null;
        for (int i = 0; i < text.length(); i++) {
            if (!starts.get(text.charAt(i))) {
                continue;
            }
            // the phrases that start here, shortest first
            int matched = 0;
            PhraseNode node = phrases;
            for (int j = i; j < text.length() && (node = node.child(text.charAt(j))) != null; j++) {
                if (!node.ending.isEmpty()) {
                    if (ends == null) {
                        ends = new PhraseNode[longest];
                        found = new ArrayList<>();
                        already = new BitSet(nodes);
                    }
                    ends[matched++] = node;
                }
            }
            // longest first, so that 路灯不亮 is found before 路灯 at the same place
            for (int m = matched - 1; m >= 0; m--) {
                if (!already.get(ends[m].number)) {
                    already.set(ends[m].number);
                    found.addAll(ends[m].ending);
                }
            }
        }
        return found == null ? List.of() : List.copyOf(found);
    }

    /** The categories of the taxonomy a directory entry names but the taxonomy does not have. */
    public Set<String> unknownCategories(Categories categories) {
        Set<String> unknown = new java.util.TreeSet<>();
        for (DirectoryEntry e : entries) {
            if (categories.find(e.categoryCode()).isEmpty()) {
                unknown.add(e.categoryCode());
            }
        }
        return unknown;
    }
}
