package org.hotline.hotissue;

import java.util.Arrays;
import java.util.List;

import org.hotline.hotissue.internal.HotIssueBenchmark;
import org.hotline.hotissue.internal.HotIssueReport;

/**
 * The hot-issue commands of the jar, run instead of the server when the first argument names one:
 * {@code hot-issues} (group a file of messages and print the hottest issues) and {@code hot-issues-bench}
 * (the time to group a whole file and to attach one new appeal).
 */
public final class HotIssueCommands {

    private static final List<String> COMMANDS = List.of("hot-issues", "hot-issues-bench");

    private HotIssueCommands() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** Runs the command and returns the process exit code. */
    public static int run(String[] args) throws Exception {
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        return switch (args[0]) {
            case "hot-issues" -> HotIssueReport.run(rest, System.out);
            case "hot-issues-bench" -> HotIssueBenchmark.run(rest, System.out);
            default -> throw new IllegalArgumentException(args[0]);
        };
    }
}
