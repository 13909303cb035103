package org.hotline.dispatch.internal.model;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.hotline.dispatch.DirectoryEntry;
import org.hotline.dispatch.DispatchDirectory;

/**
 * The unit-level history built from the shared data ({@code ../shared/data}), the same way every time (no
 * randomness; the held-out part of the replies is fixed by id):
 * <ul>
 * <li>{@code messages_labelled.csv}: each message's first-level category narrowed ({@link Narrowing},
 * {@code dispatch/history-categories.yaml}) to the unit-level label the directory's phrases point to, among the
 * labels that category may hold (城乡建设 may become housing, planning, city management, a utility or the towns'
 * own matters); a message with no phrase keeps its category's usual label (城乡建设 → housing).
 * <li>{@code replies.csv}: the unit the reply's department maps to ({@link Departments}), narrowed by phrases among
 * that unit's labels; four fifths train, the fifth with {@code id % 5 == 0} is held out for evaluation.
 * <li>the directory itself: each entry's duty and phrases as one short example of its label.
 * </ul>
 */
public final class RealHistory {

    /** One message with its unit-level label and the owner (unit id or 属地) that label stands for. */
    public record Message(String file, String id, String subject, String body, String label, String owner) {

        public TrainingExample example() {
            return new TrainingExample(subject, body, label);
        }
    }

    private final DispatchDirectory directory;
    private final UnitLabels labels;
    private final Narrowing narrowing;

    public RealHistory(DispatchDirectory directory, UnitLabels labels) {
        this.directory = directory;
        this.labels = labels;
        this.narrowing = new Narrowing(directory, labels, Narrowing.demo());
    }

    /** messages_labelled.csv with unit-level labels. */
    public List<Message> labelled(Path data) throws IOException {
        List<Message> out = new ArrayList<>();
        for (CSVRecord r : csv(data.resolve("messages_labelled.csv"))) {
            String category = get(r, "label").strip();
            String subject = get(r, "subject");
            String body = get(r, "text");
            if (body.isBlank()) {
                body = (subject + get(r, "detail")).isBlank() ? get(r, "tokens") : subject + get(r, "detail");
            }
            if (!narrowing.narrows(category) || body.isBlank()) {
                continue;
            }
            String label = narrowing.narrow(category, subject, body);
            out.add(new Message("messages_labelled.csv", get(r, "id"), subject, body, label, labels.ownerOf(label)));
        }
        return out;
    }

    /** replies.csv messages whose reply names a department we map, with the owner and a label of it. */
    public List<Message> replies(Path data) throws IOException {
        List<Message> out = new ArrayList<>();
        for (CSVRecord r : csv(data.resolve("replies.csv"))) {
            String owner = Departments.unitOf(get(r, "reply"));
            String subject = get(r, "subject");
            String body = subject + get(r, "detail");
            if (owner == null || body.isBlank() || labels.labelsOf(owner).isEmpty()) {
                continue;
            }
            List<String> ofOwner = labels.labelsOf(owner);
            String label = narrowing.best(subject, body, e -> ofOwner.contains(labels.labelOfEntry(e.categoryCode())));
            if (label == null) {
                label = ofOwner.get(0);
            }
            out.add(new Message("replies.csv", get(r, "id"), subject, body, label, owner));
        }
        return out;
    }

    /** Whether a reply is in the held-out fifth, which no model is trained on. */
    public static boolean heldOut(Message m) {
        try {
            return Long.parseLong(m.id().strip()) % 5 == 0;
        } catch (NumberFormatException e) {
            return m.id().hashCode() % 5 == 0;
        }
    }

    /** Each directory entry's duty and phrases, as one example of its label. */
    public List<TrainingExample> directoryExamples() {
        List<TrainingExample> out = new ArrayList<>();
        for (DirectoryEntry e : directory.entries()) {
            out.add(new TrainingExample("", e.duty() + "：" + String.join("，", e.phrases()),
                    labels.labelOfEntry(e.categoryCode())));
        }
        return out;
    }

    /**
     * What the shipped model learns from: the labelled messages, the replies outside the held-out fifth, the
     * directory; messages whose text is also in {@code exclude} (an evaluation set) are left out.
     */
    public List<TrainingExample> training(Path data, Set<String> exclude) throws IOException {
        List<TrainingExample> out = new ArrayList<>();
        for (Message m : labelled(data)) {
            if (!exclude.contains(key(m.body()))) {
                out.add(m.example());
            }
        }
        for (Message m : replies(data)) {
            if (!heldOut(m) && !exclude.contains(key(m.body()))) {
                out.add(m.example());
            }
        }
        out.addAll(directoryExamples());
        return out;
    }

    /** What identifies a message's text across the files (its first 40 letters). */
    public static String key(String text) {
        int[] cps = TextNormalizer.normalize(text);
        return new String(cps, 0, Math.min(40, cps.length));
    }

    static List<CSVRecord> csv(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IOException("cannot read " + file.toAbsolutePath()
                    + " (the shared data set lives in ../shared/data beside the project)");
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)
                    .getRecords();
        }
    }

    static String get(CSVRecord r, String column) {
        return r.isMapped(column) && r.isSet(column) && r.get(column) != null ? r.get(column) : "";
    }
}
