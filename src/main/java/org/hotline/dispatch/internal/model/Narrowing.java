package org.hotline.dispatch.internal.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.hotline.dispatch.DirectoryEntry;
import org.hotline.dispatch.DispatchDirectory;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Turns a message labelled with a coarse category of a history (城乡建设 of the shared data holds housing, city
 * management, utilities and the towns' own matters) into the unit-level label (see {@link UnitLabels}) whose
 * directory phrases weigh most in it, among the parts of our taxonomy that category may hold
 * ({@code dispatch/history-categories.yaml}); a message without any of their phrases keeps the category's usual
 * label. A phrase weighs its length, double in the subject. The same rule labels the shipped model's training
 * data and a history imported through the admin API, so a center that trains from such a history gets a model that
 * decides units, not one that sends every 城乡建设 to the housing bureau.
 */
public final class Narrowing {

    /** What one coarse category may hold, and the label a message of it keeps when no phrase narrows it. */
    public record Holds(List<String> holds, String usual) {
    }

    record File(Map<String, Holds> categories) {
    }

    /** No narrowing: every label stays as the history names it. */
    public static final Narrowing NONE = new Narrowing(DispatchDirectory.EMPTY, null, Map.of());

    private final DispatchDirectory directory;
    private final UnitLabels labels;
    private final Map<String, Holds> categories;

    public Narrowing(DispatchDirectory directory, UnitLabels labels, Map<String, Holds> categories) {
        this.directory = directory;
        this.labels = labels;
        this.categories = categories == null ? Map.of() : Map.copyOf(categories);
    }

    /** The categories of a history-categories file. */
    public static Map<String, Holds> read(InputStream in) {
        try {
            File file = YAMLMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                    .readValue(in, File.class);
            return file.categories() == null ? Map.of() : file.categories();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file shipped with the demo organisation. */
    public static Map<String, Holds> demo() {
        try (InputStream in = Narrowing.class.getResourceAsStream("/dispatch/history-categories.yaml")) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether messages labelled {@code category} are narrowed. */
    public boolean narrows(String category) {
        return category != null && labels != null && categories.containsKey(category.strip());
    }

    /** The unit-level label of a message of the coarse category {@code category} (see {@link #narrows}). */
    public String narrow(String category, String subject, String body) {
        Holds holds = categories.get(category.strip());
        String label = best(subject, body, e -> holds.holds().stream().anyMatch(h -> within(e, h)));
        return label != null ? label : holds.usual();
    }

    /**
     * The label whose phrases weigh most in the message among the entries {@code allowed} accepts; null when none
     * of their phrases is there.
     */
    String best(String subject, String body, Predicate<DirectoryEntry> allowed) {
        Map<String, Double> weight = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (DispatchDirectory.Found f : directory.phrasesIn(body)) {
            if (allowed.test(f.entry()) && seen.add(f.phrase())) {
                double w = f.phrase().length() * (subject != null && subject.contains(f.phrase()) ? 2 : 1);
                weight.merge(labels.labelOfEntry(f.entry().categoryCode()), w, Double::sum);
            }
        }
        return weight.entrySet().stream().max(Map.Entry.<String, Double>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(null);
    }

    private static boolean within(DirectoryEntry e, String prefix) {
        String code = e.categoryCode();
        return code.equals(prefix) || code.startsWith(prefix + ".");
    }
}
