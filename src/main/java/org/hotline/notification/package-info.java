/**
 * Notifications (通知): what the platform tells citizens (their order registered with its number, the reply,
 * the request to rate it) and one-time codes, through a {@link org.hotline.notification.Notifier} per medium
 * (SMS, e-mail). Every message goes through an outbox table first (the notice of a registration in the intake's
 * own transaction, those of a reply after it has committed) and is sent by a scheduled job that retries a failed
 * send with backoff. A gateway that is down therefore never blocks or undoes an order's lifecycle. The shipped default notifier
 * only logs (the outbox row is the record, listed on the console's 通知记录 page); a deployment switches on
 * the SMS gateway adapter ({@code hotline.notification.sms.*}) or the SMTP e-mail adapter
 * ({@code hotline.notification.email.*}, for citizens whose channel collected an address,
 * {@link org.hotline.notification.CitizenEmails}) by configuration, or provides its own {@code Notifier} bean.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.hotline.notification;
