package org.hotline.hotissue.internal;

import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.hotline.hotissue.Appeal;
import org.hotline.hotissue.HotIssue;
import org.hotline.hotissue.HotIssueClustering;

/**
 * {@code hot-issues}: groups a file of messages into hot issues and prints the hottest as the table a
 * supervisor takes to the tackling meeting (rank, heat and its parts, time span, place, a short description,
 * messages, distinct citizens); {@code --out FILE.csv} writes every message's hot-issue id. Runs without the
 * server, database or network.
 *
 * <pre>
 *   java -jar target/hotline.jar hot-issues --top 5 ../shared/data/hot_messages.csv [--out issues.csv]
 *       [--as-of 2020-01-26] [--window-days 60] [--threshold 0.15] [--zone Asia/Shanghai]
 * </pre>
 */
public final class HotIssueReport {

    private HotIssueReport() {
    }

    public static int run(List<String> args, PrintStream out) throws Exception {
        int top = 10;
        Path file = null;
        Path csv = null;
        LocalDate asOf = null;
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        HotIssueClustering.Settings defaults = HotIssueClustering.Settings.defaults();
        long windowDays = defaults.window().toDays();
        double threshold = defaults.threshold();
        try {
            for (int i = 0; i < args.size(); i++) {
                switch (args.get(i)) {
                    case "--top" -> top = Integer.parseInt(args.get(++i));
                    case "--out" -> csv = Path.of(args.get(++i));
                    case "--as-of" -> asOf = LocalDate.parse(args.get(++i));
                    case "--zone" -> zone = ZoneId.of(args.get(++i));
                    case "--window-days" -> windowDays = Long.parseLong(args.get(++i));
                    case "--threshold" -> threshold = Double.parseDouble(args.get(++i));
                    default -> {
                        if (args.get(i).startsWith("--") || file != null) {
                            return usage(out, "unknown argument: " + args.get(i));
                        }
                        file = Path.of(args.get(i));
                    }
                }
            }
        } catch (RuntimeException e) {
            return usage(out, e.getMessage());
        }
        if (file == null) {
            return usage(out, "no message file given");
        }
        if (!Files.isReadable(file)) {
            return usage(out, "cannot read " + file);
        }
        List<Appeal> appeals = MessageFiles.read(file, zone);
        if (appeals.isEmpty()) {
            return usage(out, "no messages in " + file);
        }
        long started = System.nanoTime();
        HotIssueClustering clustering = new HotIssueClustering(
                new HotIssueClustering.Settings(java.time.Duration.ofDays(windowDays), threshold,
                        defaults.nearDuplicate()), 1);
        for (Appeal a : appeals) {
            clustering.add(a);
        }
        Instant moment = asOf == null ? appeals.get(appeals.size() - 1).at()
                : asOf.plusDays(1).atStartOfDay(zone).toInstant();
        List<HotIssue> issues = clustering.issues(moment, 2);
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf(Locale.ROOT, "%,d messages grouped into %,d hot issues raised by 2 or more citizens in %.2f s"
                + " (window %d days, threshold %.2f); heat as of %s%n%n", appeals.size(), issues.size(), seconds,
                windowDays, threshold, moment.atZone(zone).toLocalDate());
        print(issues.subList(0, Math.min(top, issues.size())), zone, out);
        if (csv != null) {
            writeCsv(csv, appeals, clustering);
            out.println();
            out.println("wrote each message's hot-issue id to " + csv);
        }
        return 0;
    }

    static void print(List<HotIssue> issues, ZoneId zone, PrintStream out) {
        out.println("rank | heat (volume + growth + support + persistence) | span | place | description | messages"
                + " | citizens");
        int rank = 1;
        for (HotIssue h : issues) {
            var heat = h.heat();
            out.printf(Locale.ROOT, "%d | %.1f (%.1f + %.1f + %.1f + %.1f) | %s – %s, %d days | %s | %s | %d | %d%n",
                    rank++, heat.score(), heat.volume(), heat.growth(), heat.support(), heat.persistence(),
                    h.first().atZone(zone).toLocalDate(), h.last().atZone(zone).toLocalDate(), heat.spanDays(),
                    h.place().isEmpty() ? "（未识别地点）" : h.place(), h.description(), heat.orders(), heat.citizens());
        }
    }

    private static void writeCsv(Path csv, List<Appeal> appeals, HotIssueClustering clustering) throws Exception {
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader("id", "hot_issue_id").get())) {
            for (Appeal a : appeals) {
                p.printRecord(a.id(), clustering.issueOf(a.id()).orElseThrow());
            }
        }
    }

    private static int usage(PrintStream out, String problem) {
        out.println(problem);
        out.println("usage: hot-issues [--top 10] [--out FILE.csv] [--as-of YYYY-MM-DD] [--window-days 60]"
                + " [--threshold 0.15] MESSAGES.csv");
        return 2;
    }
}
