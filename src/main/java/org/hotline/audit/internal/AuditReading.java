package org.hotline.audit.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.hotline.audit.AuditReaders;
import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.platform.AdminAudit;
import org.hotline.platform.InvalidInputException;
import org.hotline.platform.TextChecks;
import org.hotline.platform.TimeParameters;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriUtils;

/**
 * The audit as its readers see it, for the page and the API alike: the filters read from what a client sent (a bad
 * one refused naming its field, in Chinese), the lines newest first with their kind, action and role in words, and
 * for an administrator the page of the object each line is about, where one exists.
 */
@Service
class AuditReading {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;
    private static final int MAX_PAGE = 100_000;

    /** What to read: each part null for any; {@code to} exclusive. */
    record Filter(Instant from, Instant to, String user, String kind, String action, int page, int size) {

        AdminAudit.Query query() {
            return new AdminAudit.Query(from, to, user, kind, action);
        }
    }

    /** One line as a reader reads it; {@code link} null where there is no page, or none the reader may open. */
    record Line(long id, Instant at, String username, String name, String role, String roleLabel, String kind,
            String kindLabel, String objectId, String action, String actionLabel, String summary, String link) {
    }

    /** One page of lines. */
    record Lines(List<Line> lines, long total, int page, int size, long pages) {
    }

    private final AdminAudit audit;
    private final MessageSource messages;
    private final ZoneId zone;

    AuditReading(AdminAudit audit, MessageSource messages, @Value("${hotline.zone:Asia/Shanghai}") String zone) {
        this.audit = audit;
        this.messages = messages;
        this.zone = ZoneId.of(zone);
    }

    /**
     * The filter a client sent: {@code from}, {@code to} dates (whole days in the hotline's zone) or timestamps with
     * their offset; {@code user} a username; {@code kind} and {@code action} codes of the audit; {@code page} from 0
     * and {@code size} 1 to {@value #MAX_SIZE}. Blank means any.
     */
    Filter filter(String from, String to, String user, String kind, String action, String page, String size) {
        Instant start = TimeParameters.instant("from", from, TimeParameters.Edge.START_OF_DAY, zone);
        Instant end = TimeParameters.instant("to", to, TimeParameters.Edge.END_OF_DAY, zone);
        if (start != null && end != null && !end.isAfter(start)) {
            throw new InvalidInputException("to", "结束时间应晚于起始时间");
        }
        String username = blankToNull(user);
        if (username != null) {
            TextChecks.check("user", username);
            if (username.length() > 64) {
                throw new InvalidInputException("user", "用户名最长 64 个字符");
            }
        }
        String k = blankToNull(kind);
        if (k != null && !AdminAudit.KINDS.contains(k)) {
            throw new InvalidInputException("kind", "未知的对象类型「" + abbreviate(k) + "」，应为 "
                    + String.join("、", AdminAudit.KINDS) + " 之一");
        }
        String a = blankToNull(action);
        if (a != null) {
            a = a.toUpperCase(Locale.ROOT);
            if (!AdminAudit.ACTIONS.contains(a)) {
                throw new InvalidInputException("action", "未知的操作「" + abbreviate(action.strip()) + "」，应为 "
                        + String.join("、", AdminAudit.ACTIONS) + " 之一");
            }
        }
        return new Filter(start, end, username, k, a, number("page", page, 0, 0, MAX_PAGE),
                number("size", size, DEFAULT_SIZE, 1, MAX_SIZE));
    }

    /** The lines the filter selects, newest first; for an administrator or the director only. */
    Lines read(Filter filter, Actor viewer) {
        AuditReaders.refuseUnlessReader(viewer);
        AdminAudit.Found found = audit.search(filter.query(), filter.page(), filter.size());
        boolean admin = viewer.role() == Role.ADMIN;
        List<Line> lines = found.entries().stream().map(e -> line(e, admin)).toList();
        return new Lines(lines, found.total(), found.page(), found.size(), found.pages());
    }

    /** The usernames that appear in the audit, for the page's filter. */
    List<String> users(Actor viewer) {
        AuditReaders.refuseUnlessReader(viewer);
        return audit.actors();
    }

    String kindLabel(String kind) {
        return messages.getMessage("audit.kind." + kind, null, kind, Locale.SIMPLIFIED_CHINESE);
    }

    String actionLabel(String action) {
        return messages.getMessage("audit.action." + action, null, action, Locale.SIMPLIFIED_CHINESE);
    }

    private Line line(AdminAudit.Entry e, boolean admin) {
        return new Line(e.id(), e.at(), e.actor(), e.actorName() == null ? e.actor() : e.actorName(), e.actorRole(),
                roleLabel(e.actorRole()), e.area(), kindLabel(e.area()), e.target(), e.action(),
                actionLabel(e.action()), e.detail(), admin ? link(e) : null);
    }

    private static String roleLabel(String role) {
        if (role == null) {
            return "系统";
        }
        try {
            return Role.valueOf(role).label();
        } catch (IllegalArgumentException e) {
            return role;
        }
    }

    /** The page of the object a line is about (all of them administrators' pages), or null where there is none. */
    static String link(AdminAudit.Entry e) {
        String id = e.target() == null || e.target().isBlank() ? null : UriUtils.encodePathSegment(e.target(),
                java.nio.charset.StandardCharsets.UTF_8);
        return switch (e.area()) {
            case AdminAudit.USER -> id == null ? null : "/console/admin/users/" + id;
            case AdminAudit.UNIT -> id == null ? null : "/console/admin/units/" + id;
            case AdminAudit.CATEGORY -> id == null ? null : "/console/admin/categories/" + id;
            case AdminAudit.ROUTING_RULES -> "/console/admin/rules";
            case AdminAudit.DIRECTORY_ENTRY -> id == null || "DELETE".equals(e.action()) ? "/console/admin/directory"
                    : "/console/admin/directory/" + id;
            case AdminAudit.DISPATCH_TRAINING -> id == null ? "/console/admin/models"
                    : "/console/admin/models?training=" + id;
            case AdminAudit.DISPATCH_MODEL -> "/console/admin/models";
            case AdminAudit.HISTORY_IMPORT -> id == null ? null : "/console/admin/imports/" + id;
            case AdminAudit.OPEN311_KEY -> id == null ? null : "/console/admin/open311-keys/" + id;
            default -> null;
        };
    }

    private static int number(String field, String text, int fallback, int min, int max) {
        String v = blankToNull(text);
        if (v == null) {
            return fallback;
        }
        int n;
        try {
            n = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "应为 " + min + " 到 " + max + " 之间的整数");
        }
        if (n < min || n > max) {
            throw new InvalidInputException(field, "应为 " + min + " 到 " + max + " 之间的整数");
        }
        return n;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
