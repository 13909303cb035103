package org.hotline.quality.internal;

import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.hotline.deadline.DeadlineRules;
import org.hotline.deadline.WorkingCalendar;
import org.hotline.quality.ReplyQuality;
import org.hotline.quality.ReplyQualityRules;

/**
 * {@code reply-quality}: scores every reply of a file (UTF-8 CSV with a header: id, subject, time, detail, reply,
 * reply_time) and prints the distribution of scores, the average of each part, and the best and worst replies
 * with their reasons. Runs without the server, database or network.
 *
 * <pre>
 *   java -jar target/hotline.jar reply-quality [--show 10] ../shared/data/replies.csv
 * </pre>
 */
public final class ReplyQualityReport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd[ HH:mm[:ss]]");

    private record Scored(String id, String subject, String reply, ReplyQuality quality) {
    }

    private ReplyQualityReport() {
    }

    public static int run(List<String> args, PrintStream out) throws Exception {
        int show = 10;
        Path file = null;
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--show") && i + 1 < args.size()) {
                show = Integer.parseInt(args.get(++i));
            } else if (!a.startsWith("--") && file == null) {
                file = Path.of(a);
            } else {
                return usage(out, "unknown argument: " + a);
            }
        }
        if (file == null || !Files.isReadable(file)) {
            return usage(out, file == null ? "no reply file given" : "cannot read " + file);
        }
        WorkingCalendar calendar = WorkingCalendar.china(zone);
        ReplyQualityRules rules = new ReplyQualityRules(calendar, DeadlineRules.defaults().handleDays());
        List<Scored> scored = new ArrayList<>();
        long started = System.nanoTime();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                String reply = r.get("reply");
                if (reply == null || reply.isBlank()) {
                    continue;
                }
                ReplyQuality q = rules.score(new ReplyQualityRules.Reply(r.get("subject"), r.get("detail"),
                        time(r.get("time"), zone), reply, time(r.get("reply_time"), zone)));
                scored.add(new Scored(r.get("id"), r.get("subject"), reply, q));
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (scored.isEmpty()) {
            return usage(out, "no replies in " + file);
        }
        scored.sort(Comparator.comparingInt((Scored s) -> s.quality().score()).reversed().thenComparing(Scored::id));
        long low = scored.stream().filter(s -> s.quality().low()).count();
        out.printf(Locale.ROOT, "%,d replies scored in %.2f s; low quality (flagged to the reviewer): %,d (%.1f%%)%n",
                scored.size(), seconds, low, 100.0 * low / scored.size());
        out.printf(Locale.ROOT, "score: mean %.1f, median %d, p10 %d, p90 %d%n",
                scored.stream().mapToInt(s -> s.quality().score()).average().orElse(0),
                scored.get(scored.size() / 2).quality().score(), scored.get(scored.size() * 9 / 10).quality().score(),
                scored.get(scored.size() / 10).quality().score());
        out.println();
        out.println("distribution");
        int[] buckets = new int[10];
        for (Scored s : scored) {
            buckets[Math.min(9, s.quality().score() / 10)]++;
        }
        for (int b = 9; b >= 0; b--) {
            int n = buckets[b];
            out.printf(Locale.ROOT, "  %3d-%-3d %6d  %s%n", b * 10, b == 9 ? 100 : b * 10 + 9, n,
                    "#".repeat((int) Math.ceil(60.0 * n / scored.size())));
        }
        out.println();
        out.println("average per part");
        for (ReplyQuality.Aspect aspect : ReplyQuality.Aspect.values()) {
            double avg = scored.stream().mapToInt(s -> s.quality().part(aspect).points()).average().orElse(0);
            long failed = scored.stream().filter(s -> s.quality().part(aspect).failed()).count();
            out.printf(Locale.ROOT, "  %s %-12s %5.1f / %d   failed outright: %d%n", aspect.label(), aspect.name(), avg,
                    aspect.max(), failed);
        }
        out.println();
        out.println("the " + show + " best");
        print(scored.subList(0, Math.min(show, scored.size())), out);
        out.println();
        out.println("the " + show + " worst");
        List<Scored> worst = new ArrayList<>(scored.subList(Math.max(0, scored.size() - show), scored.size()));
        java.util.Collections.reverse(worst);
        print(worst, out);
        return 0;
    }

    private static void print(List<Scored> list, PrintStream out) {
        for (Scored s : list) {
            ReplyQuality q = s.quality();
            out.printf(Locale.ROOT, "%3d  #%s %s%n", q.score(), s.id(), s.subject());
            for (ReplyQuality.Part p : q.parts()) {
                out.printf(Locale.ROOT, "       %s %2d/%d  %s%n", p.aspect().label(), p.points(), p.aspect().max(),
                        String.join("；", p.evidence()));
            }
            if (q.low()) {
                out.println("       低质量：" + String.join("；", q.reasons()));
            }
            String reply = s.reply().replaceAll("\\s+", " ").strip();
            out.println("       答复：" + (reply.length() > 80 ? reply.substring(0, 80) + "…" : reply));
        }
    }

    private static Instant time(String s, ZoneId zone) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        LocalDateTime at = t.length() == 10 ? LocalDateTime.parse(t + "T00:00") : LocalDateTime.parse(t, TIME);
        return at.atZone(zone).toInstant();
    }

    private static int usage(PrintStream out, String problem) {
        out.println(problem);
        out.println("usage: reply-quality [--show 10] REPLIES.csv");
        return 2;
    }
}
