package org.hotline.deadline.internal;

import java.time.ZoneId;

import org.hotline.deadline.CalendarDeadlines;
import org.hotline.deadline.CalendarFiles;
import org.hotline.deadline.CalendarYear;
import org.hotline.deadline.Deadlines;
import org.hotline.deadline.WorkingCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the calendar from the shipped and extra calendar files at startup, so an invalid file stops the
 * application before any deadline is computed on it, and exposes {@link Deadlines} to the other modules.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DeadlineProperties.class, CalendarProperties.class})
class DeadlineConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DeadlineConfiguration.class);

    @Bean
    WorkingCalendar workingCalendar(CalendarProperties calendar, DeadlineProperties deadline,
            @Value("${hotline.zone:Asia/Shanghai}") String zone) {
        var years = CalendarFiles.shippedAnd(calendar.extraDir());
        var workingCalendar = new WorkingCalendar(years, ZoneId.of(zone), deadline.hours());
        log.info("Working calendar: hours {} in {}, official arrangements for {} from {}",
                workingCalendar.workingHours(), zone, workingCalendar.yearsWithData(),
                years.stream().map(CalendarYear::file).toList());
        return workingCalendar;
    }

    @Bean
    Deadlines deadlines(WorkingCalendar workingCalendar, DeadlineProperties deadline) {
        return new CalendarDeadlines(workingCalendar, deadline.rules());
    }
}
