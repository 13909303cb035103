package org.hotline.workorder.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keyword search's index on disk is a copy of what the table says, never a reason not to start: one that is
 * missing or cannot be read is built again from the table, one that another process holds is replaced by one in
 * memory, and one that is current is read again at a restart instead of indexing every order anew.
 */
class ACorruptOrMissingIndexIsRebuiltNotFatalTest {

    private final OrderSearchIndexFixture db = new OrderSearchIndexFixture();

    @TempDir
    Path data;

    @AfterEach
    void stop() {
        db.stopAll();
    }

    @Test
    void aMissingIndexIsBuiltFromTheTable() {
        db.orders(30, "爆管");
        Path dir = data.resolve("order-search");

        OrderSearchIndex index = db.ready(dir);

        assertThat(index.state()).isEqualTo(OrderSearchIndex.State.READY);
        assertThat(index.where()).isEqualTo(dir.toString());
        assertThat(index.lastIndexed()).isEqualTo(30);
        assertFound(index, 30);
    }

    @Test
    void aCurrentIndexIsReadAgainAtARestartNotBuiltAgain() {
        db.orders(30, "爆管");
        Path dir = data.resolve("order-search");
        db.ready(dir).stop();

        OrderSearchIndex restarted = db.ready(dir);

        assertThat(restarted.lastIndexed()).as("orders indexed again").isZero();
        assertThat(restarted.size()).isEqualTo(30);
        assertFound(restarted, 30);
    }

    @Test
    void aCorruptIndexIsBuiltAgain() throws IOException {
        db.orders(30, "爆管");
        Path dir = data.resolve("order-search");
        db.ready(dir).stop();
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                // every file cut to half its length: the segments' checksums no longer add up
                byte[] bytes = Files.readAllBytes(file);
                Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
            }
        }

        OrderSearchIndex rebuilt = db.ready(dir);

        assertThat(rebuilt.state()).isEqualTo(OrderSearchIndex.State.READY);
        assertThat(rebuilt.where()).as("still on disk").isEqualTo(dir.toString());
        assertThat(rebuilt.lastIndexed()).isEqualTo(30);
        assertFound(rebuilt, 30);
    }

    @Test
    void aDirectoryThatIsNotAnIndexIsBuiltAgain() throws IOException {
        db.orders(10, "爆管");
        Path dir = Files.createDirectories(data.resolve("order-search"));
        Files.writeString(dir.resolve("segments_1"), "not an index");

        OrderSearchIndex rebuilt = db.ready(dir);

        assertThat(rebuilt.state()).isEqualTo(OrderSearchIndex.State.READY);
        assertFound(rebuilt, 10);
    }

    @Test
    void anIndexAnotherProcessHoldsIsReplacedByOneInMemory() {
        db.orders(10, "爆管");
        Path dir = data.resolve("order-search");
        OrderSearchIndex first = db.ready(dir);

        OrderSearchIndex second = db.ready(dir);

        assertThat(first.where()).isEqualTo(dir.toString());
        assertThat(second.where()).isEqualTo("memory");
        assertThat(second.state()).isEqualTo(OrderSearchIndex.State.READY);
        assertFound(second, 10);
    }

    @Test
    void anUnwritableDirectoryMeansAnIndexInMemory() throws IOException {
        db.orders(10, "爆管");
        Path file = Files.writeString(data.resolve("order-search"), "a file where the directory should be");

        OrderSearchIndex index = db.ready(file.resolve("inside"));

        assertThat(index.where()).isEqualTo("memory");
        assertFound(index, 10);
    }

    private void assertFound(OrderSearchIndex index, int orders) {
        long before = index.answers(OrderSearchIndex.Answer.INDEX);
        var page = db.search(db.searchingWith(index), "爆管");
        assertThat(page.total()).isEqualTo(orders);
        assertThat(page).usingRecursiveComparison().isEqualTo(db.search(db.table(), "爆管"));
        assertThat(index.answers(OrderSearchIndex.Answer.INDEX)).as("answered by the index").isEqualTo(before + 1);
    }
}
