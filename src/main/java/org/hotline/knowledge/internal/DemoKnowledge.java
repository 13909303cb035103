package org.hotline.knowledge.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.hotline.knowledge.EntryAction;
import org.hotline.knowledge.EntryId;
import org.hotline.knowledge.EntryStatus;
import org.hotline.knowledge.KnowledgeEntry;
import org.hotline.organization.Actor;
import org.hotline.organization.UnitId;
import org.hotline.organization.Units;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Loads the demo knowledge base (written by this project for the demo district: 公积金提取, 居住证, 医保报销,
 * 供暖 ...) into an empty knowledge base when the demo is on, published at once by the platform itself: they
 * are the demo's starting point, not anyone's proposal, so no second person reviews them. Afterwards the
 * knowledge API is the source of truth; production runs with {@code hotline.demo.enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "hotline.demo.enabled", havingValue = "true")
class DemoKnowledge {

    private static final Logger log = LoggerFactory.getLogger(DemoKnowledge.class);

    /** The file's shape. */
    record DemoFile(List<DemoEntry> entries) {
    }

    record DemoEntry(String title, String answer, String basis, String unit, LocalDate validFrom, LocalDate validTo,
            List<String> keywords) {
    }

    private final JdbcKnowledgeEntries store;
    private final Units units;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final Resource file;

    DemoKnowledge(JdbcKnowledgeEntries store, Units units, Clock clock, TransactionTemplate transaction,
            @Value("${hotline.knowledge.demo-file:classpath:knowledge/dongchangfu-demo-entries.yaml}") Resource file) {
        this.store = store;
        this.units = units;
        this.clock = clock;
        this.transaction = transaction;
        this.file = file;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        transaction.executeWithoutResult(status -> {
            if (!store.isEmpty()) {
                return;
            }
            List<DemoEntry> entries = read(file).entries();
            Actor system = Actor.system();
            Instant now = clock.instant();
            for (DemoEntry e : entries) {
                UnitId unit = e.unit() == null ? null : new UnitId(e.unit());
                if (unit != null && units.find(unit).isEmpty()) {
                    unit = null; // another organisation than the demo's: the entry stands without its unit
                }
                KnowledgeEntry stored = store.insert(new KnowledgeEntry(new EntryId(1), 1, e.title().strip(),
                        e.answer().strip(), e.basis(), unit, e.validFrom(), e.validTo(), e.keywords(),
                        EntryStatus.PUBLISHED, null, null, now, system.username(), now, system.username()));
                store.append(stored.id(), now, system.username(), system.role(), EntryAction.CREATED, null,
                        EntryStatus.PUBLISHED, stored.version(), "演示数据", null);
                store.append(stored.id(), now, system.username(), system.role(), EntryAction.PUBLISHED, null,
                        EntryStatus.PUBLISHED, stored.version(), null, "演示数据，随演示组织一起载入");
            }
            log.info("Demo knowledge base loaded: {} entries", entries.size());
        });
    }

    static DemoFile read(Resource file) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try (InputStream in = file.getInputStream()) {
            return yaml.readValue(in, DemoFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo knowledge base " + file, e);
        }
    }
}
