package org.hotline.dispatch.internal.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.hotline.dispatch.LabelKind;
import org.hotline.organization.Categories;
import org.hotline.organization.Category;
import org.hotline.organization.Unit;
import org.hotline.organization.UnitId;
import org.hotline.organization.Units;
import org.hotline.support.RealData;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The shared competition history (../shared/data/messages_labelled.csv, never copied into the repository) is
 * one of the histories the import must take as it is: every row read, every one of its seven level-1 names
 * mapped to a code of the demo taxonomy. Runs with the real-data profile ({@link RealData}).
 */
@RealData.Uses
class TheSharedHistoryIsReadWithEveryLabelMappedTest {

    @Test
    void everyRowIsReadAndEveryLabelMapsToALevelOneCode() throws Exception {
        Path file = RealData.file("messages_labelled.csv");
        LabelMapping mapping = LabelMapping.of(demoCategories(), noUnits());
        Map<String, Integer> perLabel = new TreeMap<>();
        List<String> unmapped = new ArrayList<>();

        HistoryFiles.read(file, file.getFileName().toString(), StandardCharsets.UTF_8, new HistoryFiles.RowSink() {
            int label = -1;

            @Override
            public void header(List<String> names) {
                label = names.indexOf("label");
            }

            @Override
            public void row(long rowNumber, List<String> cells) {
                LabelMapping.Result r = mapping.map(cells.get(label));
                if (r instanceof LabelMapping.Mapped m && m.kind() == LabelKind.CATEGORY) {
                    perLabel.merge(m.label(), 1, Integer::sum);
                } else {
                    unmapped.add(rowNumber + ": " + r);
                }
            }
        });

        assertThat(unmapped).isEmpty();
        assertThat(perLabel.keySet()).containsExactly("01", "02", "03", "04", "05", "06", "07");
        assertThat(perLabel.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(8000);
    }

    /** The demo taxonomy straight from the organisation file, without starting the application. */
    private static Categories demoCategories() throws Exception {
        JsonNode root;
        try (InputStream in = TheSharedHistoryIsReadWithEveryLabelMappedTest.class
                .getResourceAsStream("/organization/dongchangfu-demo.yaml")) {
            root = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        List<Category> all = new ArrayList<>();
        for (JsonNode c : root.get("categories")) {
            String code = c.get("code").asText();
            int level = code.split("\\.").length;
            all.add(new Category(code, c.get("name").asText(), level,
                    level == 1 ? null : code.substring(0, code.lastIndexOf('.')), null));
        }
        return new Categories() {
            @Override
            public Optional<Category> find(String code) {
                return all.stream().filter(c -> c.code().equals(code)).findFirst();
            }

            @Override
            public List<Category> all() {
                return all;
            }
        };
    }

    private static Units noUnits() {
        return new Units() {
            @Override
            public Optional<Unit> find(UnitId id) {
                return Optional.empty();
            }

            @Override
            public List<Unit> all() {
                return List.of();
            }
        };
    }
}
