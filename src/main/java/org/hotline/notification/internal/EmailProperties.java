package org.hotline.notification.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hotline.notification.email.*}: the citizens' e-mail notices through an SMTP server. Off by default (the
 * log notifier records e-mail then, and no e-mail notice is queued); switched on, the server must be named and a
 * sender given, or the application does not start.
 *
 * @param enabled  queue e-mail notices for citizens who gave an address, and send them by SMTP
 * @param host     the SMTP server
 * @param port     its port (587 for STARTTLS, 465 for SSL, 25 without)
 * @param security {@code STARTTLS} (default: the connection must be upgraded, or nothing is sent), {@code SSL}
 *                 (TLS from the first byte) or {@code NONE} (a relay on a trusted network only)
 * @param username the account to sign in with (blank: no sign-in)
 * @param password its password
 * @param from     the sender's address, e.g. 12345@example.gov.cn
 * @param fromName the sender's name the citizen sees (12345 市民热线)
 * @param timeout  how long to wait to connect, and for each answer of the server; a send that takes longer fails
 *                 and is retried by the outbox
 */
@ConfigurationProperties("hotline.notification.email")
record EmailProperties(@DefaultValue("false") boolean enabled, String host, @DefaultValue("587") int port,
        @DefaultValue("STARTTLS") Security security, String username, String password, String from,
        @DefaultValue("12345 市民热线") String fromName, @DefaultValue("PT10S") Duration timeout) {

    enum Security {
        NONE, STARTTLS, SSL
    }

    EmailProperties {
        if (enabled) {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException(
                        "hotline.notification.email.host must name the SMTP server when e-mail is enabled");
            }
            if (from == null || !from.contains("@")) {
                throw new IllegalArgumentException(
                        "hotline.notification.email.from must be the sender's address when e-mail is enabled");
            }
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("hotline.notification.email.port must be between 1 and 65535");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("hotline.notification.email.timeout must be positive");
        }
    }
}
