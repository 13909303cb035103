package org.hotline.hotissue.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.hotline.hotissue.Appeal;

/**
 * Reads a file of citizen messages (UTF-8 CSV with a header: id, user, subject, time, detail, and likes and
 * dislikes where the channel has them) as appeals in order of time. Times are local times in the center's zone.
 */
public final class MessageFiles {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd[ HH:mm[:ss]]");

    private MessageFiles() {
    }

    public static List<Appeal> read(Path file, ZoneId zone) throws IOException {
        List<Appeal> appeals = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                String time = r.get("time").strip();
                LocalDateTime at = time.length() == 10 ? LocalDateTime.parse(time + "T00:00")
                        : LocalDateTime.parse(time, TIME);
                appeals.add(new Appeal(r.get("id"), get(r, "user"), at.atZone(zone).toInstant(), get(r, "subject"),
                        get(r, "detail"), get(r, "address"), number(get(r, "likes")), number(get(r, "dislikes"))));
            }
        }
        appeals.sort(Comparator.comparing(Appeal::at).thenComparing(Appeal::id));
        return appeals;
    }

    private static String get(CSVRecord r, String column) {
        return r.isMapped(column) && r.isSet(column) ? r.get(column) : "";
    }

    private static int number(String s) {
        try {
            return s.isBlank() ? 0 : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
