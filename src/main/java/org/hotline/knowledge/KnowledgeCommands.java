package org.hotline.knowledge;

import java.util.Arrays;
import java.util.List;

import org.hotline.knowledge.internal.KnowledgeBenchmark;
import org.hotline.knowledge.internal.KnowledgeEval;

/**
 * The knowledge-base commands of the jar, run instead of the server when the first argument names one:
 * {@code knowledge-eval} (top-1/top-3 hit rate of the suggestions on real messages and their official replies)
 * and {@code knowledge-bench} (search and suggest latency on thousands of entries). Neither needs the server,
 * the database or the network, and neither keeps anything.
 */
public final class KnowledgeCommands {

    private static final List<String> COMMANDS = List.of("knowledge-eval", "knowledge-bench");

    private KnowledgeCommands() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** Runs the command and returns the process exit code. */
    public static int run(String[] args) throws Exception {
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        return switch (args[0]) {
            case "knowledge-eval" -> KnowledgeEval.run(rest, System.out);
            case "knowledge-bench" -> KnowledgeBenchmark.run(rest, System.out);
            default -> throw new IllegalArgumentException(args[0]);
        };
    }
}
