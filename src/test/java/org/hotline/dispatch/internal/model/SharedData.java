package org.hotline.dispatch.internal.model;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real, anonymised citizen messages the model is measured on. They live in {@code ../shared/data}
 * beside the project (never in it); a test that needs them fails with a message saying where they were
 * expected, rather than skipping silently.
 */
final class SharedData {

    private SharedData() {
    }

    static Path file(String name) {
        Path dir = Path.of(System.getProperty("hotline.shared-data", "../shared/data"));
        Path file = dir.resolve(name);
        if (!Files.isReadable(file)) {
            fail("The shared data file " + file.toAbsolutePath() + " is missing. Tests that measure the dispatch model"
                    + " read the real messages from ../shared/data beside the project (set -Dhotline.shared-data=DIR"
                    + " to point elsewhere).");
        }
        return file;
    }
}
