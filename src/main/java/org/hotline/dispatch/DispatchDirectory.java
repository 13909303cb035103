package org.hotline.dispatch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

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
 * character says whether any phrase starts with it (few do), and only there are the phrases starting with it
 * looked up and compared.
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
    /** The characters phrases start with, sorted, and for each the phrases that start with it. */
    private final char[] firstChars;
    private final Found[][] byFirst;
    /** The number of each phrase of {@link #byFirst}, parallel to it: what one scan has found already. */
    private final int[][] numberOf;
    private final int phrases;

    public DispatchDirectory(List<DirectoryEntry> entries) {
        this.entries = entries.stream().filter(DirectoryEntry::active).toList();
        Map<Character, List<Found>> byFirst = new TreeMap<>();
        Set<String> indexed = new HashSet<>();
        for (DirectoryEntry e : this.entries) {
            byCode.putIfAbsent(e.categoryCode(), e);
            for (String phrase : e.phrases()) {
                if (phrase == null || phrase.isBlank()) {
                    continue;
                }
                String p = phrase.strip();
                // a phrase an entry of the same category already has would be found twice; it counts once
                if (indexed.add(p + "\u0000" + e.categoryCode())) {
                    byFirst.computeIfAbsent(p.charAt(0), c -> new ArrayList<>()).add(new Found(p, e));
                }
            }
        }
        this.firstChars = new char[byFirst.size()];
        this.byFirst = new Found[byFirst.size()][];
        this.numberOf = new int[byFirst.size()][];
        int i = 0;
        int number = 0;
        for (Map.Entry<Character, List<Found>> first : byFirst.entrySet()) {
            List<Found> phrases = first.getValue();
            // longest first, so that 路灯不亮 is found before 路灯 at the same place
            phrases.sort((a, b) -> b.phrase().length() - a.phrase().length());
            starts.set(first.getKey());
            firstChars[i] = first.getKey();
            this.byFirst[i] = phrases.toArray(Found[]::new);
            this.numberOf[i] = new int[phrases.size()];
            for (int p = 0; p < phrases.size(); p++) {
                numberOf[i][p] = number++;
            }
            i++;
        }
        this.phrases = number;
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
        if (text == null || text.isEmpty() || firstChars.length == 0) {
            return List.of();
        }
        List<Found> found = null;
        BitSet already = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!starts.get(c)) {
                continue;
            }
            int first = Arrays.binarySearch(firstChars, c);
            Found[] candidates = byFirst[first];
            for (int p = 0; p < candidates.length; p++) {
                if (text.startsWith(candidates[p].phrase(), i)) {
                    if (found == null) {
                        found = new ArrayList<>();
                        already = new BitSet(phrases);
                    }
                    if (!already.get(numberOf[first][p])) {
                        already.set(numberOf[first][p]);
                        found.add(candidates[p]);
                    }
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
