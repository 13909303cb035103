package org.hotline.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The demo knowledge base is loaded without the checks an editor's input goes through, so its file is checked
 * here: every entry as an editor could have written it, for a unit of the demo organisation, served today.
 */
class TheDemoEntriesAreValidEntriesOfTheDemoOrganisationTest {

    @Test
    void everyEntryFitsTheLimitsNamesADemoUnitAndHasKeywords() throws Exception {
        List<DemoKnowledge.DemoEntry> entries = DemoKnowledge.read(
                new ClassPathResource("knowledge/dongchangfu-demo-entries.yaml")).entries();
        Set<String> units = demoUnits();
        Set<String> titles = new HashSet<>();

        assertThat(entries).hasSizeGreaterThanOrEqualTo(30);
        for (DemoKnowledge.DemoEntry e : entries) {
            assertThat(titles.add(e.title())).as("title once: %s", e.title()).isTrue();
            assertThat(e.title().length()).as(e.title()).isBetween(4, 200);
            assertThat(e.answer().length()).as(e.title()).isBetween(50, 10_000);
            assertThat(e.keywords()).as(e.title()).isNotEmpty().hasSizeLessThanOrEqualTo(KnowledgeBase.MAX_KEYWORDS)
                    .allSatisfy(k -> assertThat(k.length()).isLessThanOrEqualTo(KnowledgeBase.KEYWORD_CHARS));
            if (e.unit() != null) {
                assertThat(units).as(e.title()).contains(e.unit());
            }
            if (e.validFrom() != null && e.validTo() != null) {
                assertThat(e.validTo()).isAfter(e.validFrom());
            }
        }
        assertThat(entries).filteredOn(e -> e.validTo() == null || !e.validTo().isBefore(LocalDate.of(2026, 12, 6)))
                .hasSizeGreaterThanOrEqualTo(30);
    }

    @SuppressWarnings("unchecked")
    private static Set<String> demoUnits() throws Exception {
        try (InputStream in = new ClassPathResource("organization/dongchangfu-demo.yaml").getInputStream()) {
            Map<String, Object> org = new ObjectMapper(new YAMLFactory()).readValue(in, Map.class);
            Set<String> ids = new HashSet<>();
            for (Map<String, Object> unit : (List<Map<String, Object>>) org.get("units")) {
                ids.add((String) unit.get("id"));
            }
            return ids;
        }
    }
}
