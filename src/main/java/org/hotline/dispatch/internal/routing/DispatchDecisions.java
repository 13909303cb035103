package org.hotline.dispatch.internal.routing;

import org.hotline.dispatch.Classifier;
import org.hotline.dispatch.DispatchAdvice;
import org.hotline.dispatch.DispatchAdvisor;
import org.hotline.dispatch.DispatchRequest;
import org.hotline.dispatch.internal.model.Words;
import org.hotline.organization.Categories;
import org.hotline.organization.Units;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts the decision together from what is current: the active model (none until one is trained: then every
 * order goes to a person), the compiled gazetteer, the saved rules, the dispatch directory and the threshold
 * {@code hotline.dispatch.auto-threshold}.
 */
@Component
class DispatchDecisions {

    private final ObjectProvider<Classifier> classifier;
    private final AddressIndex addresses;
    private final RuleStore rules;
    private final DirectoryStore directory;
    private final Units units;
    private final Categories categories;
    private final double autoThreshold;
    /** The classifier once found: the beans are fixed once the application runs, and looking up costs. */
    private volatile Classifier resolved;

    DispatchDecisions(ObjectProvider<Classifier> classifier, AddressIndex addresses, RuleStore rules,
            DirectoryStore directory, Units units, Categories categories, @Value("${hotline.dispatch.auto-threshold:" + DispatchAdvisor.DEFAULT_AUTO_THRESHOLD + "}") double autoThreshold) {
        if (!(autoThreshold > 0 && autoThreshold <= 1)) {
            throw new IllegalArgumentException(
                    "hotline.dispatch.auto-threshold must be above 0 and at most 1, not " + autoThreshold);
        }
        this.classifier = classifier;
        this.addresses = addresses;
        this.rules = rules;
        this.directory = directory;
        this.units = units;
        this.categories = categories;
        this.autoThreshold = autoThreshold;
    }

    DispatchAdvice advise(DispatchRequest request) {
        return advisor().advise(request);
    }

    /** The advice as a dispatcher reads it: every suggestion routed and explained. */
    DispatchAdvice adviseForAPerson(DispatchRequest request) {
        return advisor().advise(request, true);
    }

    private DispatchAdvisor advisor() {
        // getIfUnique: a @Primary classifier (a test's fake) wins; two without one means no automatic dispatch
        return new DispatchAdvisor(classifier(), addresses.matcher(), rules.current().rules(), units,
                categories, directory.current(), autoThreshold);
    }

    private Classifier classifier() {
        Classifier c = resolved;
        if (c == null) {
            c = classifier.getIfUnique();
            resolved = c;
        }
        return c;
    }

    double autoThreshold() {
        return autoThreshold;
    }

    /**
     * The words behind an order left to a person are cut with jieba's dictionary: loaded in the background at
     * start, so that the first such order does not wait for it.
     */
    @EventListener(ApplicationReadyEvent.class)
    void loadTheEvidenceWordsInTheBackground() {
        Thread loader = new Thread(Words::warmUp, "dispatch-words");
        loader.setDaemon(true);
        loader.start();
    }
}
