package org.hotline.hotissue.internal;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.hotline.hotissue.Appeal;
import org.hotline.hotissue.HotIssueClustering;

/**
 * {@code hot-issues-bench}: the two figures the hot-issue goals are stated in, in-process on one thread: the
 * time to group a whole file (median of the rounds, after one warm-up round), and the time to attach one new
 * appeal to the issues of everything before it (the last tenth of the file in time order, one at a time;
 * p50 and p99).
 *
 * <pre>
 *   java -jar target/hotline.jar hot-issues-bench [--rounds 5] ../shared/data/hot_messages.csv
 * </pre>
 */
public final class HotIssueBenchmark {

    private HotIssueBenchmark() {
    }

    public static int run(List<String> args, PrintStream out) throws Exception {
        int rounds = 5;
        Path file = Path.of("../shared/data/hot_messages.csv");
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--rounds") && i + 1 < args.size()) {
                rounds = Integer.parseInt(args.get(++i));
            } else if (!args.get(i).startsWith("--")) {
                file = Path.of(args.get(i));
            } else {
                out.println("usage: hot-issues-bench [--rounds 5] MESSAGES.csv");
                return 2;
            }
        }
        if (!Files.isReadable(file)) {
            out.println("cannot read " + file);
            return 2;
        }
        List<Appeal> appeals = MessageFiles.read(file, ZoneId.of("Asia/Shanghai"));
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] whole = new double[rounds];
        double[] wholeCpu = new double[rounds];
        int issues = 0;
        for (int r = -1; r < rounds; r++) {
            long t = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            HotIssueClustering c = new HotIssueClustering();
            for (Appeal a : appeals) {
                c.add(a);
            }
            if (r >= 0) {
                whole[r] = (System.nanoTime() - t) / 1e9;
                wholeCpu[r] = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
            }
            issues = c.issues(appeals.get(appeals.size() - 1).at(), 2).size();
        }
        int split = appeals.size() - appeals.size() / 10;
        List<Double> attach = new ArrayList<>();
        List<Double> attachCpu = new ArrayList<>();
        for (int r = 0; r < Math.max(1, rounds); r++) {
            HotIssueClustering c = new HotIssueClustering();
            for (Appeal a : appeals.subList(0, split)) {
                c.add(a);
            }
            for (Appeal a : appeals.subList(split, appeals.size())) {
                long t = System.nanoTime();
                long cpu = threads.getCurrentThreadCpuTime();
                c.add(a);
                attachCpu.add((threads.getCurrentThreadCpuTime() - cpu) / 1e6);
                attach.add((System.nanoTime() - t) / 1e6);
            }
        }
        Arrays.sort(whole);
        Arrays.sort(wholeCpu);
        attach.sort(null);
        attachCpu.sort(null);
        out.printf(Locale.ROOT, "messages=%d hot_issues(>=2 citizens)=%d%n", appeals.size(), issues);
        out.printf(Locale.ROOT, "cluster_all_s_median=%.3f (min %.3f, max %.3f, %d rounds)%n", whole[rounds / 2],
                whole[0], whole[rounds - 1], rounds);
        out.printf(Locale.ROOT, "attach_ms p50=%.3f p99=%.3f max=%.3f (%d attaches)%n", pct(attach, 0.50),
                pct(attach, 0.99), attach.get(attach.size() - 1), attach.size());
        // CPU time of the measuring thread: what the work costs, whatever else the machine is doing.
        out.printf(Locale.ROOT, "cpu: cluster_all_s_median=%.3f attach_ms p50=%.3f p99=%.3f%n",
                wholeCpu[rounds / 2], pct(attachCpu, 0.50), pct(attachCpu, 0.99));
        return 0;
    }

    private static double pct(List<Double> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(q * sorted.size())));
    }
}
