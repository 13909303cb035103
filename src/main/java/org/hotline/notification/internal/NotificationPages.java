package org.hotline.notification.internal;

import org.hotline.console.ConsoleController;
import org.hotline.notification.Medium;
import org.hotline.notification.NotificationPage;
import org.hotline.notification.NotificationStatus;
import org.hotline.notification.Notifications;
import org.hotline.organization.Actor;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 通知记录: the outbox as admins and supervisors read it, newest first, with what each message says, whether it
 * went out, how often it was tried and why it failed. In a deployment without a gateway (the demo) this is where
 * a tester reads a one-time code.
 */
@ConsoleController
class NotificationPages {

    private static final int PAGE_SIZE = 30;

    private final Notifications notifications;

    NotificationPages(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/console/notifications")
    String list(@RequestParam(required = false) NotificationStatus status,
            @RequestParam(defaultValue = "0") int page, Actor actor, Model model) {
        int from = Math.max(0, Math.min(page, 100_000));
        NotificationPage result = notifications.list(status, from, PAGE_SIZE, actor);
        model.addAttribute("result", result);
        model.addAttribute("statuses", NotificationStatus.values());
        model.addAttribute("status", status);
        model.addAttribute("pages", (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("smsBy", notifications.notifierFor(Medium.SMS));
        model.addAttribute("emailBy", notifications.notifierFor(Medium.EMAIL));
        return "notification/notifications";
    }
}
