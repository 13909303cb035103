package org.hotline.triage.internal;

import java.nio.file.Path;
import java.util.List;

import org.hotline.triage.KnowledgeAnswers;
import org.hotline.triage.TriageRules;
import org.hotline.triage.Triager;
import org.hotline.triage.Words;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The triager the application serves: the rules of {@code hotline.triage.rules-file}, or the shipped
 * {@code triage/rules.yaml}; the knowledge base when one is there (looked up per call, so that it may start
 * later). The word segmenter's dictionary is loaded in the background once the application is ready, so that
 * the first appeal does not wait for it.
 */
@Configuration(proxyBeanMethods = false)
class TriageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TriageConfiguration.class);

    @Bean
    Triager triager(@Value("${hotline.triage.rules-file:}") String rulesFile,
            ObjectProvider<KnowledgeAnswers> knowledge) {
        TriageRules rules = RulesFile.read(rulesFile.isBlank() ? null : Path.of(rulesFile));
        log.info("Triage rules {} ({} rules)", rules.version(), rules.rules().size());
        KnowledgeAnswers lookup = (text, limit) -> {
            KnowledgeAnswers base = knowledge.getIfAvailable();
            return base == null ? List.of() : base.candidates(text, limit);
        };
        return new Triager(rules, lookup);
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadTheWordsInTheBackground() {
        Thread loader = new Thread(Words::warmUp, "triage-words");
        loader.setDaemon(true);
        loader.start();
    }
}
