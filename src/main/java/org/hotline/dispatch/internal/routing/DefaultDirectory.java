package org.hotline.dispatch.internal.routing;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.hotline.dispatch.DirectoryEntry;
import org.hotline.organization.Categories;
import org.hotline.organization.Units;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the dispatch directory ({@code hotline.dispatch.directory-file}, the demo organisation's by default) at
 * first start, before demo orders are seeded. An entry naming a category or unit this organisation does not have
 * is skipped with a warning: the file is written for the demo organisation, a real one may differ.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DefaultDirectory implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DefaultDirectory.class);

    private final DirectoryStore store;
    private final Units units;
    private final Categories categories;
    private final TransactionTemplate transaction;
    private final ResourceLoader resources;
    private final String location;

    DefaultDirectory(DirectoryStore store, Units units, Categories categories, PlatformTransactionManager transactions,
            ResourceLoader resources,
            @Value("${hotline.dispatch.directory-file:classpath:dispatch/directory.yaml}") String location) {
        this.store = store;
        this.units = units;
        this.categories = categories;
        this.transaction = new TransactionTemplate(transactions);
        this.resources = resources;
        this.location = location;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (location == null || location.isBlank() || store.loaded()) {
            return;
        }
        List<DirectoryEntry> entries;
        try (InputStream in = resources.getResource(location).getInputStream()) {
            entries = DirectoryFile.read(in);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read the dispatch directory " + location + ": " + e.getMessage(), e);
        }
        try {
            int loaded = transaction.execute(status -> {
                if (store.loaded()) {
                    return 0;
                }
                int n = 0;
                for (DirectoryEntry e : entries) {
                    if (usable(e) && store.findByCategory(e.categoryCode()).isEmpty()) {
                        store.add(e, "system");
                        n++;
                    }
                }
                store.markLoaded();
                return n;
            });
            log.info("loaded {} dispatch directory entries from {}", loaded, location);
        } catch (DuplicateKeyException e) {
            log.info("another instance loaded the dispatch directory");
        }
    }

    private boolean usable(DirectoryEntry e) {
        if (categories.find(e.categoryCode()).isEmpty()) {
            log.warn("dispatch directory entry for unknown category {} skipped", e.categoryCode());
            return false;
        }
        if (e.unit() != null && units.find(e.unit()).isEmpty()) {
            log.warn("dispatch directory entry {} names unknown unit {}: skipped", e.categoryCode(), e.unit());
            return false;
        }
        return true;
    }
}
