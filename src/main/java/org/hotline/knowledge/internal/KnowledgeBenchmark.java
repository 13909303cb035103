package org.hotline.knowledge.internal;

import java.io.PrintStream;
import java.util.List;

/** {@code knowledge-bench}: written below. */
public final class KnowledgeBenchmark {

    private KnowledgeBenchmark() {
    }

    public static int run(List<String> args, PrintStream out) {
        return 0;
    }
}
