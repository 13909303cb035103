package org.hotline.quality.internal;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

import org.hotline.deadline.WorkingCalendar;
import org.hotline.quality.CallbackRetries;
import org.hotline.quality.CallbackSelection;
import org.hotline.quality.LeaderSampling;
import org.hotline.quality.RedoEscalation;
import org.hotline.quality.ReviewLevels;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The quality rules, built from {@code hotline.quality.*} at startup, so that a configuration they refuse (a share
 * above 1, no attempts) stops the application before any reply is checked with it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QualityProperties.class)
class QualityConfiguration {

    @Bean
    ReviewLevels reviewLevels(QualityProperties properties) {
        return new ReviewLevels(properties.review().rules().stream()
                .map(r -> new ReviewLevels.Rule(r.category(), r.urgency(), r.levels()))
                .toList(), properties.review().defaultLevels());
    }

    @Bean
    CallbackSelection callbackSelection(QualityProperties properties) {
        QualityProperties.Callback c = properties.callback();
        return new CallbackSelection(c.shares().stream()
                .map(s -> new CallbackSelection.Share(s.category(), s.share())).toList(),
                c.defaultShare(), c.channelsWithoutCitizen());
    }

    @Bean
    CallbackRetries callbackRetries(QualityProperties properties, WorkingCalendar calendar) {
        return new CallbackRetries(properties.callback().maxAttempts(), properties.callback().daysBetweenAttempts(),
                calendar);
    }

    @Bean
    RedoEscalation redoEscalation(QualityProperties properties) {
        return new RedoEscalation(properties.callback().redosBeforeEscalation());
    }

    @Bean
    LeaderSampling leaderSampling(QualityProperties properties) {
        return new LeaderSampling(properties.leaderSampling().share());
    }

    /**
     * The randomness of the draws: SecureRandom, seeded by the operating system, so that neither a unit nor anyone
     * reading the code or the database can know a draw before it happens.
     */
    @Bean
    @Qualifier("quality")
    RandomGenerator qualityRandom() {
        return new SecureRandom();
    }
}
