package org.hotline.notification.internal;

import java.time.Duration;

import org.hotline.notification.Medium;
import org.hotline.notification.Notifier;
import org.hotline.notification.RetrySchedule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The shipped notifiers and the retry schedule. The log notifiers deliver nothing outside: the outbox row is the
 * record (the console's 通知记录 shows it), which is what a demo or a deployment without a gateway needs.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmailProperties.class)
class NotificationConfiguration {

    @Bean
    RetrySchedule notificationRetries(@Value("${hotline.notification.retry.first:PT1M}") Duration first,
            @Value("${hotline.notification.retry.longest:PT1H}") Duration longest,
            @Value("${hotline.notification.retry.max-attempts:8}") int maxAttempts) {
        return new RetrySchedule(first, longest, maxAttempts);
    }

    @Bean
    Notifier smsLog() {
        return new LogNotifier(Medium.SMS);
    }

    @Bean
    Notifier emailLog() {
        return new LogNotifier(Medium.EMAIL);
    }
}
