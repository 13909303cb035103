package org.hotline.quality;

import java.util.Arrays;
import java.util.List;

import org.hotline.quality.internal.ReplyQualityReport;

/**
 * The reply-quality command of the jar, run instead of the server when the first argument names it:
 * {@code reply-quality} scores a file of appeals with their replies and prints the distribution of scores and
 * the best and worst replies with their reasons.
 */
public final class ReplyQualityCommands {

    private ReplyQualityCommands() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && args[0].equals("reply-quality");
    }

    /** Runs the command and returns the process exit code. */
    public static int run(String[] args) throws Exception {
        return ReplyQualityReport.run(Arrays.asList(args).subList(1, args.length), System.out);
    }

}
