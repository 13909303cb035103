package org.hotline.dispatch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Immutable; build a new one when the directory changes. Finding phrases is one pass over the text with a
 * lookup per character (phrases are indexed by their first character).
 */
public final class DispatchDirectory {

    /** A phrase of the directory found in a message, and the entry it belongs to. */
    public record Found(String phrase, DirectoryEntry entry) {
    }

    /** The directory with no entries: routing by the taxonomy alone, no phrases. */
    public static final DispatchDirectory EMPTY = new DispatchDirectory(List.of());

    private final List<DirectoryEntry> entries;
    private final Map<String, DirectoryEntry> byCode = new HashMap<>();
    private final Map<Character, List<Found>> byFirst = new HashMap<>();

    public DispatchDirectory(List<DirectoryEntry> entries) {
        this.entries = entries.stream().filter(DirectoryEntry::active).toList();
        for (DirectoryEntry e : this.entries) {
            byCode.putIfAbsent(e.categoryCode(), e);
            for (String phrase : e.phrases()) {
                if (phrase != null && !phrase.isBlank()) {
                    String p = phrase.strip();
                    byFirst.computeIfAbsent(p.charAt(0), c -> new ArrayList<>()).add(new Found(p, e));
                }
            }
        }
        // longest first, so that 路灯不亮 is found before 路灯 at the same place
        byFirst.values().forEach(l -> l.sort((a, b) -> b.phrase().length() - a.phrase().length()));
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
        if (text == null || text.isEmpty() || byFirst.isEmpty()) {
            return List.of();
        }
        Map<String, Found> found = new LinkedHashMap<>();
        for (int i = 0; i < text.length(); i++) {
            List<Found> candidates = byFirst.get(text.charAt(i));
            if (candidates == null) {
                continue;
            }
            for (Found f : candidates) {
                if (text.startsWith(f.phrase(), i)) {
                    found.putIfAbsent(f.phrase() + "\u0000" + f.entry().categoryCode(), f);
                }
            }
        }
        return List.copyOf(found.values());
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
