package org.hotline.triage.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.hotline.workorder.EmergencyService;
import org.hotline.workorder.TriageOutcome;

/**
 * A labelled triage set: a CSV with the columns {@code text,label}, the label {@code OUTCOME} or
 * {@code OUTCOME:TARGET} (EMERGENCY:119, OTHER_CHANNEL:LITIGATION, INVALID:SILENT, DISPATCH). The team writes these
 * sets in its own words; see {@code src/test/resources/triage/}.
 */
public final class LabelledSet {

    /** One labelled appeal. */
    public record Labelled(String text, TriageOutcome outcome, String target) {
    }

    private LabelledSet() {
    }

    public static List<Labelled> read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString());
        }
    }

    static List<Labelled> read(Reader in, String name) throws IOException {
        List<Labelled> set = new ArrayList<>();
        for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            String label = r.get("label").strip();
            int colon = label.indexOf(':');
            try {
                TriageOutcome outcome = TriageOutcome.valueOf(colon < 0 ? label : label.substring(0, colon));
                String target = colon < 0 ? null : label.substring(colon + 1);
                if (outcome == TriageOutcome.EMERGENCY && target != null) {
                    // the services are labelled by their numbers, as people say them: EMERGENCY:119
                    target = EmergencyService.of(target).map(Enum::name)
                            .orElseThrow(() -> new IllegalArgumentException("no emergency service " + label));
                }
                set.add(new Labelled(r.get("text"), outcome, target));
            } catch (IllegalArgumentException e) {
                throw new IOException(name + " line " + r.getRecordNumber() + ": unknown label " + label, e);
            }
        }
        return set;
    }
}
