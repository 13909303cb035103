package org.hotline.quality.internal;

import java.util.List;
import java.util.Set;

import org.hotline.quality.ReviewLevel;
import org.hotline.workorder.Channel;
import org.hotline.workorder.Urgency;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code hotline.quality.*}: review levels, callbacks and leader sampling (see application.yml for the meaning). */
@ConfigurationProperties("hotline.quality")
record QualityProperties(Review review, Callback callback, LeaderSampling leaderSampling) {

    QualityProperties {
        review = review == null ? new Review(null, null) : review;
        callback = callback == null ? new Callback(null, null, null, null, null, null) : callback;
        leaderSampling = leaderSampling == null ? new LeaderSampling(null) : leaderSampling;
    }

    record Review(List<Rule> rules, List<ReviewLevel> defaultLevels) {

        Review {
            rules = rules == null ? List.of() : rules;
            defaultLevels = defaultLevels == null ? List.of(ReviewLevel.DISTRICT_CENTER) : defaultLevels;
        }
    }

    record Rule(String category, Urgency urgency, List<ReviewLevel> levels) {
    }

    record Callback(Integer maxAttempts, Integer daysBetweenAttempts, Double defaultShare, List<Share> shares,
            Set<Channel> channelsWithoutCitizen, Integer redosBeforeEscalation) {

        Callback {
            maxAttempts = maxAttempts == null ? 3 : maxAttempts;
            daysBetweenAttempts = daysBetweenAttempts == null ? 1 : daysBetweenAttempts;
            defaultShare = defaultShare == null ? 1.0 : defaultShare;
            shares = shares == null ? List.of() : shares;
            channelsWithoutCitizen = channelsWithoutCitizen == null ? Set.of(Channel.PATROL) : channelsWithoutCitizen;
            redosBeforeEscalation = redosBeforeEscalation == null ? 2 : redosBeforeEscalation;
        }
    }

    record Share(String category, double share) {
    }

    record LeaderSampling(Double share) {

        LeaderSampling {
            share = share == null ? 0.10 : share;
        }
    }
}
