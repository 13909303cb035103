package org.hotline.dispatch.internal.routing;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.hotline.dispatch.RoutingRule;
import org.hotline.dispatch.RoutingRules;
import org.hotline.organization.Categories;
import org.hotline.organization.Units;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Loads the default routing rules ({@code hotline.dispatch.default-rules}, the demo organisation's by default)
 * at first start, when no rules were ever saved. It runs after the organisation is loaded (that happens
 * during context refresh) and before demo orders are seeded, so that they are routed with the rules. A rule
 * that names a unit or category this organisation does not have is skipped, not fatal: the file is written
 * for the demo organisation, and a real one may differ.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DefaultRules implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DefaultRules.class);

    /** The file's shape: a list of rules under {@code rules}. */
    record RuleFile(List<RuleView> rules) {
    }

    private final RuleStore store;
    private final Units units;
    private final Categories categories;
    private final TransactionTemplate transaction;
    private final ResourceLoader resources;
    private final String location;

    DefaultRules(RuleStore store, Units units, Categories categories, PlatformTransactionManager transactions,
            ResourceLoader resources,
            @Value("${hotline.dispatch.default-rules:classpath:dispatch/routing-rules.yaml}") String location) {
        this.store = store;
        this.units = units;
        this.categories = categories;
        this.transaction = new TransactionTemplate(transactions);
        this.resources = resources;
        this.location = location;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (location == null || location.isBlank() || store.initialised()) {
            return;
        }
        List<RoutingRule> rules = usable(read());
        try {
            transaction.executeWithoutResult(status -> {
                if (!store.initialised()) {
                    store.replace(rules, null, "system");
                }
            });
            log.info("loaded {} default routing rules from {}", rules.size(), location);
        } catch (DuplicateKeyException e) {
            log.info("another instance loaded the default routing rules");
        }
    }

    private List<RuleView> read() {
        Resource resource = resources.getResource(location);
        try (InputStream in = resource.getInputStream()) {
            RuleFile file = YAMLMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                    .readValue(in, RuleFile.class);
            return file.rules() == null ? List.of() : file.rules();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the default routing rules " + location + ": "
                    + e.getMessage(), e);
        }
    }

    private List<RoutingRule> usable(List<RuleView> views) {
        List<RoutingRule> rules = new ArrayList<>();
        for (RuleView view : views) {
            RoutingRule rule = view.toRule();
            List<RoutingRules.Problem> problems = RoutingRules.check(List.of(rule), units, categories);
            if (problems.isEmpty() && rules.stream().noneMatch(r -> r.name().equals(rule.name()))) {
                rules.add(rule);
            } else {
                log.warn("default routing rule '{}' skipped: {}", rule.name(), problems);
            }
        }
        return rules;
    }
}
