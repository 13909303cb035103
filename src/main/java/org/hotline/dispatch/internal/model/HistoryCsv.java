package org.hotline.dispatch.internal.model;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a labelled history in the shared data's columns: {@code label}, {@code subject}, {@code detail},
 * {@code text}, {@code tokens}. The body is {@code text} where present, else subject + detail, else the
 * pre-segmented {@code tokens}; rows without a label or without any text are skipped.
 */
public final class HistoryCsv {

    private HistoryCsv() {
    }

    public static List<TrainingExample> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<TrainingExample> out = new ArrayList<>();
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                    .parse(reader)) {
                String label = get(r, "label");
                String subject = get(r, "subject");
                String body = get(r, "text");
                if (body.isBlank()) {
                    body = (subject + get(r, "detail")).isBlank() ? get(r, "tokens") : subject + get(r, "detail");
                }
                if (!label.isBlank() && !body.isBlank()) {
                    out.add(new TrainingExample(subject, body, label.strip()));
                }
            }
            return out;
        }
    }

    private static String get(CSVRecord r, String column) {
        return r.isMapped(column) && r.isSet(column) && r.get(column) != null ? r.get(column) : "";
    }
}
