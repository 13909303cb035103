package org.hotline.deadline.internal;

import java.time.Duration;

import org.hotline.deadline.DeadlineRules;
import org.hotline.deadline.WorkingHours;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hotline.deadline.*}: the city's time limits and office hours. Every key is optional; an unset key
 * keeps the default of {@link DeadlineRules#defaults()} or {@link WorkingHours#GOVERNMENT_OFFICE_HOURS}, so
 * the defaults live in one place, the domain. Durations take Spring's forms ({@code 2h}, {@code 30m}).
 */
@ConfigurationProperties("hotline.deadline")
record DeadlineProperties(
        String workingHours,
        Duration acknowledge,
        Duration urgentAcknowledge,
        Integer handleDays,
        Duration urgentHandle,
        Integer returnRequestDays,
        Integer coUnitDays,
        Integer redoDays,
        Duration urgentRedo,
        Integer maxExtensionDays,
        Double atRiskShare) {

    WorkingHours hours() {
        return WorkingHours.parse(workingHours == null ? WorkingHours.GOVERNMENT_OFFICE_HOURS : workingHours);
    }

    DeadlineRules rules() {
        DeadlineRules d = DeadlineRules.defaults();
        return new DeadlineRules(
                or(acknowledge, d.acknowledge()),
                or(urgentAcknowledge, d.urgentAcknowledge()),
                or(handleDays, d.handleDays()),
                or(urgentHandle, d.urgentHandle()),
                or(returnRequestDays, d.returnRequestDays()),
                or(coUnitDays, d.coUnitDays()),
                or(redoDays, d.redoDays()),
                or(urgentRedo, d.urgentRedo()),
                or(maxExtensionDays, d.maxExtensionDays()),
                or(atRiskShare, d.atRiskShare()));
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
