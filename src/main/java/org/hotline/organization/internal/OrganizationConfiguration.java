package org.hotline.organization.internal;

import org.hotline.platform.PasswordLength;
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
        return new HasherLimit(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }

    /**
     * A password longer than bcrypt reads ({@link PasswordLength}) is never set, so it never matches: a sign-in
     * with one is a wrong password (401), not a hasher's exception, and the stored password followed by anything
     * does not pass because bcrypt would read only its first 72 bytes.
     */
    record HasherLimit(PasswordEncoder hasher) implements PasswordEncoder {

        @Override
        public String encode(CharSequence rawPassword) {
            return hasher.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            return PasswordLength.Check.fits(rawPassword) && hasher.matches(rawPassword, encodedPassword);
        }

        @Override
        public boolean upgradeEncoding(String encodedPassword) {
            return hasher.upgradeEncoding(encodedPassword);
        }
    }
}
