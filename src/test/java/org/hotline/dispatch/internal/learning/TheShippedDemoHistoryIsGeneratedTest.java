package org.hotline.dispatch.internal.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo history in the repository is exactly what the generator writes: made up by us, reproducible. */
class TheShippedDemoHistoryIsGeneratedTest {

    @Test
    void theShippedFileIsTheGeneratorsOutput(@TempDir Path dir) throws Exception {
        Path fresh = dir.resolve("demo-history.csv");
        DemoHistoryGenerator.write(fresh);

        assertThat(Files.readString(DemoHistoryGenerator.FILE)).isEqualTo(Files.readString(fresh));
    }

    @Test
    void everyLevelOneCategoryHasItsShareOfMessages() {
        Map<String, Long> perLevelOne = DemoHistoryGenerator.rows().stream()
                .collect(Collectors.groupingBy(r -> r.get(1).substring(0, 2), Collectors.counting()));

        assertThat(perLevelOne).hasSize(15);
        assertThat(perLevelOne.values()).allSatisfy(n -> assertThat(n).isBetween(60L, 100L));
    }
}
