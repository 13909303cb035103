package org.hotline.dispatch;

import java.util.Arrays;
import java.util.List;

import org.hotline.dispatch.internal.model.DispatchBenchmark;
import org.hotline.dispatch.internal.model.DispatchE2e;
import org.hotline.dispatch.internal.model.DispatchEval;
import org.hotline.dispatch.internal.model.DispatchTrain;

/**
 * The dispatch commands of the jar, run instead of the server when the first argument names one:
 * {@code dispatch-eval} (train and evaluate a model on labelled histories) and {@code dispatch-bench}
 * (training time, model heap, single-thread classify-and-route latency and throughput) and {@code dispatch-train}
 * (the unit-level model that ships with the project, from the shared data) and {@code dispatch-e2e} (real messages
 * registered as orders through a running server, counted by the unit they went to).
 */
public final class DispatchCommands {

    private static final List<String> COMMANDS = List.of("dispatch-eval", "dispatch-bench", "dispatch-train", "dispatch-e2e");

    private DispatchCommands() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** Runs the command and returns the process exit code. */
    public static int run(String[] args) throws Exception {
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        return switch (args[0]) {
            case "dispatch-eval" -> DispatchEval.run(rest, System.out);
            case "dispatch-bench" -> DispatchBenchmark.run(rest, System.out);
            case "dispatch-train" -> DispatchTrain.run(rest, System.out);
            case "dispatch-e2e" -> DispatchE2e.run(rest, System.out);
            default -> throw new IllegalArgumentException(args[0]);
        };
    }
}
