package org.hotline.triage.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The real citizen messages of {@code ../shared/data}, read at run time and never copied: every one is a genuine
 * appeal to a government's online platform, so triage calling one of them EMERGENCY or INVALID is a false
 * positive. Subject and detail are read as one text (the raw {@code text} where only that survived); rows that
 * only kept their segmented tokens are left out (their stop-words, such as 正在, are gone), and identical texts
 * count once. Texts are cut at 4,000 characters, as the intake API does.
 */
public final class RealMessages {

    public static final List<String> FILES = List.of("messages_labelled.csv", "messages_unlabelled.csv",
            "hot_messages.csv", "replies.csv");

    private RealMessages() {
    }

    public static List<String> read(Path directory) throws IOException {
        Set<String> texts = new LinkedHashSet<>();
        for (String name : FILES) {
            Path file = directory.resolve(name);
            if (!Files.isReadable(file)) {
                throw new IOException("the real messages file " + file.toAbsolutePath().normalize() + " is missing");
            }
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                    String subject = value(r, "subject");
                    String detail = value(r, "detail");
                    String text = subject.isEmpty() && detail.isEmpty() ? value(r, "text") : subject + "\n" + detail;
                    text = text.strip();
                    if (!text.isEmpty()) {
                        texts.add(text.length() > 4000 ? text.substring(0, 4000) : text);
                    }
                }
            }
        }
        return new ArrayList<>(texts);
    }

    private static String value(CSVRecord r, String column) {
        return r.isMapped(column) && r.isSet(column) ? r.get(column).strip() : "";
    }
}
