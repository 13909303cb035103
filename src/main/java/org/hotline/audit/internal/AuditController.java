package org.hotline.audit.internal;

import java.time.Instant;
import java.util.List;

import org.hotline.organization.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET /api/v1/admin/audit}: the administrators' audit, newest first, for administrators and the director
 * (403 for anyone else; the URL rule and {@link org.hotline.audit.AuditReaders} both say so). Filters as on the
 * page; a bad one answers 400 naming the field.
 */
@RestController
@Tag(name = "操作审计", description = "The administrators' audit: every change to the organisation and the settings")
class AuditController {

    /** One line: who (username, name, role), when, what kind of object and which, the action, what changed. */
    record LineView(long id, Instant at, String username, String name, String role, String roleLabel, String kind,
            String kindLabel, String objectId, String action, String actionLabel, String summary, String link) {

        static LineView of(AuditReading.Line l) {
            return new LineView(l.id(), l.at(), l.username(), l.name(), l.role(), l.roleLabel(), l.kind(),
                    l.kindLabel(), l.objectId(), l.action(), l.actionLabel(), l.summary(), l.link());
        }
    }

    record Page(List<LineView> items, long total, int page, int size) {
    }

    private final AuditReading reading;

    AuditController(AuditReading reading) {
        this.reading = reading;
    }

    @GetMapping("/api/v1/admin/audit")
    @Operation(summary = "操作审计（新的在前）：from/to 日期或带时区的时间，user 用户名，kind 对象类型，action 操作；page 从 0 起，size 1–200")
    Page audit(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String user, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String action, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size, Actor actor) {
        AuditReading.Filter filter = reading.filter(from, to, user, kind, action, page, size);
        AuditReading.Lines lines = reading.read(filter, actor);
        return new Page(lines.lines().stream().map(LineView::of).toList(), lines.total(), lines.page(), lines.size());
    }
}
