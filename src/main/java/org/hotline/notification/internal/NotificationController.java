package org.hotline.notification.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.hotline.notification.NotificationPage;
import org.hotline.notification.NotificationStatus;
import org.hotline.notification.Notifications;
import org.hotline.organization.Actor;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.tags.Tag;

/** The outbox (通知记录) for admins and supervisors: every message, its status, tries and last error. */
@RestController
@Validated
@RequestMapping("/api/v1/notifications")
@Tag(name = "通知", description = "Notifications to citizens: the outbox with status and retries")
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    NotificationPage list(@RequestParam(required = false) NotificationStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size, Actor actor) {
        return notifications.list(status, page, size, actor);
    }
}
