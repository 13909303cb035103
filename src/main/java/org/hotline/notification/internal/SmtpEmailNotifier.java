package org.hotline.notification.internal;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.internet.MimeMessage;

import org.hotline.notification.Medium;
import org.hotline.notification.Notifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail through an SMTP server (Jakarta Mail), switched on by {@code hotline.notification.email.enabled=true}
 * ({@link EmailProperties}). Each message is a plain-text mail in UTF-8: the subject says what it is and for which
 * order (RFC 2047 encoded), the body is the notice. A refused connection, a failed sign-in, a server that does not
 * answer within the timeout or refuses the recipient is a failed try that the outbox retries with backoff.
 *
 * <p>The mail sender is this notifier's own, not a bean: the platform's health and readiness do not depend on a
 * mail server being up, since a send that fails waits in the outbox and holds nothing up.
 */
@Component
@ConditionalOnProperty(name = "hotline.notification.email.enabled", havingValue = "true")
class SmtpEmailNotifier implements Notifier {

    private final JavaMailSenderImpl sender = new JavaMailSenderImpl();
    private final EmailProperties properties;

    SmtpEmailNotifier(EmailProperties properties) {
        this.properties = properties;
        sender.setHost(properties.host());
        sender.setPort(properties.port());
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        boolean signIn = properties.username() != null && !properties.username().isBlank();
        if (signIn) {
            sender.setUsername(properties.username());
            sender.setPassword(properties.password());
        }
        String millis = Long.toString(properties.timeout().toMillis());
        Properties mail = new Properties();
        String protocol = properties.security() == EmailProperties.Security.SSL ? "smtps" : "smtp";
        sender.setProtocol(protocol);
        mail.put("mail." + protocol + ".auth", Boolean.toString(signIn));
        mail.put("mail." + protocol + ".connectiontimeout", millis);
        mail.put("mail." + protocol + ".timeout", millis);
        mail.put("mail." + protocol + ".writetimeout", millis);
        if (properties.security() == EmailProperties.Security.STARTTLS) {
            // required: a server that does not offer STARTTLS gets nothing, rather than the citizen's mail in clear
            mail.put("mail.smtp.starttls.enable", "true");
            mail.put("mail.smtp.starttls.required", "true");
        }
        if (properties.security() != EmailProperties.Security.NONE) {
            mail.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        sender.setJavaMailProperties(mail);
    }

    @Override
    public Medium medium() {
        return Medium.EMAIL;
    }

    @Override
    public String name() {
        return "smtp";
    }

    @Override
    public void send(Outgoing message) throws Exception {
        MimeMessage mail = sender.createMimeMessage();
        MimeMessageHelper m = new MimeMessageHelper(mail, false, StandardCharsets.UTF_8.name());
        m.setFrom(properties.from(), properties.fromName());
        m.setTo(message.recipient());
        m.setSubject(message.subject());
        m.setText(message.text(), false);
        sender.send(mail);
    }

    /** The Jakarta Mail settings in force, for the tests of the configuration. */
    Properties settings() {
        return sender.getJavaMailProperties();
    }
}
