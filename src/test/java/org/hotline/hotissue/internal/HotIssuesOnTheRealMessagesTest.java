package org.hotline.hotissue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

import org.hotline.hotissue.Appeal;
import org.hotline.hotissue.HotIssue;
import org.hotline.hotissue.HotIssueClustering;
import org.hotline.support.RealData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hot-issues command on the real messages (../shared/data/hot_messages.csv, -Preal-data): it groups them
 * all, its top issues name places, and every message gets an issue id in the --out file.
 */
@RealData.Uses
class HotIssuesOnTheRealMessagesTest {

    @Test
    void theCommandGroupsEveryMessageAndItsTopIssuesNamePlaces(@TempDir Path dir) throws Exception {
        Path messages = RealData.file("hot_messages.csv");
        Path out = dir.resolve("issues.csv");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int code = HotIssueReport.run(List.of("--top", "5", "--out", out.toString(), messages.toString()),
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(code).isZero();
        List<Appeal> appeals = MessageFiles.read(messages, ZoneId.of("Asia/Shanghai"));
        assertThat(Files.readAllLines(out)).hasSize(appeals.size() + 1);
        String table = printed.toString(StandardCharsets.UTF_8);
        assertThat(table.lines().filter(l -> l.matches("^[1-5] \\|.*"))).hasSize(5);

        HotIssueClustering clustering = new HotIssueClustering();
        appeals.forEach(clustering::add);
        List<HotIssue> top = clustering.issues(appeals.get(appeals.size() - 1).at(), 2).subList(0, 5);
        assertThat(top).allSatisfy(issue -> {
            assertThat(issue.place()).isNotBlank();
            assertThat(issue.heat().citizens()).isGreaterThanOrEqualTo(2);
        });
        // the two problems most citizens raised in this data: a concrete plant by an estate, and parking spaces
        // sold bundled with flats at another
        assertThat(top.subList(0, 2)).extracting(HotIssue::description)
                .anyMatch(d -> d.contains("搅拌")).anyMatch(d -> d.contains("车位"));
        assertThat(top.get(0).heat().citizens()).isGreaterThanOrEqualTo(30);
    }
}
