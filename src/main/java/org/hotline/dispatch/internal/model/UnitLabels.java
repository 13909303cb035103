package org.hotline.dispatch.internal.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline.dispatch.DirectoryEntry;
import org.hotline.dispatch.DispatchDirectory;
import org.hotline.organization.Categories;

/**
 * The labels a unit-level model learns: categories only as fine as the unit needs. The directory's entries are
 * grouped by owner (a unit, or the territorial unit) and first-level category, and each group is one label, the
 * category that stands for it: the group's common ancestor when the directory sends that to the same owner,
 * else the group's first entry. So 城乡建设 splits into housing (01), planning (01.05), city management (09),
 * each utility (13.0x) and the towns' own matters (16), while education stays one label (03): finer categories
 * only where they change the unit.
 */
public final class UnitLabels {

    private final DispatchDirectory directory;
    private final Categories categories;
    /** Entry code → the label standing for its group. */
    private final Map<String, String> labelOfEntry = new LinkedHashMap<>();
    /** Owner → its labels, in directory order. */
    private final Map<String, List<String>> labelsOfOwner = new LinkedHashMap<>();

    public UnitLabels(DispatchDirectory directory, Categories categories) {
        this.directory = directory;
        this.categories = categories;
        Map<String, List<DirectoryEntry>> groups = new LinkedHashMap<>();
        for (DirectoryEntry e : directory.entries()) {
            groups.computeIfAbsent(ownerOf(e) + "|" + top(e.categoryCode()), g -> new ArrayList<>()).add(e);
        }
        groups.forEach((key, entries) -> {
            String owner = ownerOf(entries.get(0));
            String ancestor = entries.get(0).categoryCode();
            for (DirectoryEntry e : entries) {
                ancestor = commonAncestor(ancestor, e.categoryCode());
            }
            String label = ancestor != null && owner.equals(ownerOf(ancestor)) ? ancestor : entries.get(0).categoryCode();
            entries.forEach(e -> labelOfEntry.put(e.categoryCode(), label));
            labelsOfOwner.computeIfAbsent(owner, o -> new ArrayList<>()).add(label);
        });
    }

    /** The owner of an entry: its unit's id, or {@link Departments#TERRITORIAL}. */
    static String ownerOf(DirectoryEntry e) {
        return e.territorial() ? Departments.TERRITORIAL : e.unit().value();
    }

    /** The owner the directory gives a category: a unit id, {@link Departments#TERRITORIAL}, or null. */
    public String ownerOf(String code) {
        if (directory.territorial(code, categories)) {
            return Departments.TERRITORIAL;
        }
        return directory.unitOf(code, categories).map(u -> u.value()).orElse(null);
    }

    public String labelOfEntry(String entryCode) {
        return labelOfEntry.get(entryCode);
    }

    /** The labels of an owner, its first one the broadest it has in the directory. */
    public List<String> labelsOf(String owner) {
        return labelsOfOwner.getOrDefault(owner, List.of());
    }

    public Optional<String> firstLabelOf(String owner) {
        List<String> labels = labelsOf(owner);
        return labels.isEmpty() ? Optional.empty() : Optional.of(labels.get(0));
    }

    public List<String> all() {
        return labelOfEntry.values().stream().distinct().toList();
    }

    private static String top(String code) {
        int dot = code.indexOf('.');
        return dot < 0 ? code : code.substring(0, dot);
    }

    private static String commonAncestor(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(x.length, y.length) && x[i].equals(y[i]); i++) {
            out.append(i == 0 ? "" : ".").append(x[i]);
        }
        return out.length() == 0 ? null : out.toString();
    }
}
