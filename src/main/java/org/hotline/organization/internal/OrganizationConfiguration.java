package org.hotline.organization.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration
class OrganizationConfiguration {

    /**
     * Hashes are stored as {@code {bcrypt}...}: the delegating encoder keeps the algorithm id with the
     * hash, so the algorithm can be changed later without invalidating stored passwords.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
