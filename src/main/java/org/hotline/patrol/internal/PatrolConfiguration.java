package org.hotline.patrol.internal;

import org.hotline.patrol.PatrolQuota;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PatrolConfiguration {

    @Bean
    PatrolQuota patrolQuota(@Value("${hotline.patrol.daily-quota:12}") int daily,
            @Value("${hotline.patrol.monthly-quota:360}") int monthly) {
        return new PatrolQuota(daily, monthly);
    }
}
