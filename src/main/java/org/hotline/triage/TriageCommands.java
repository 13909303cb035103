package org.hotline.triage;

import java.util.Arrays;
import java.util.List;

import org.hotline.triage.internal.TriageEval;

/**
 * The triage command of the jar, run instead of the server when the first argument names it:
 * {@code triage-eval} (precision and recall per outcome on the labelled sets, false emergencies and false invalid
 * calls on the real messages, latency; see {@code TriageEval}).
 */
public final class TriageCommands {

    private TriageCommands() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && args[0].equals("triage-eval");
    }

    /** Runs the command and returns the process exit code. */
    public static int run(String[] args) throws Exception {
        return TriageEval.run(Arrays.asList(args).subList(1, args.length), System.out);
    }

    /** For tests and tools: the arguments after the command's name. */
    static int run(List<String> rest) throws Exception {
        return TriageEval.run(rest, System.out);
    }
}
