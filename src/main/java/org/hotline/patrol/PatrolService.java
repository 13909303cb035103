package org.hotline.patrol;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.organization.Unit;
import org.hotline.organization.UnitId;
import org.hotline.organization.UnitKind;
import org.hotline.organization.Units;
import org.hotline.organization.UserAccount;
import org.hotline.organization.UserAccounts;
import org.hotline.patrol.internal.PatrolReports;
import org.hotline.platform.ForbiddenException;
import org.hotline.platform.InvalidInputException;
import org.hotline.platform.NotFoundException;
import org.hotline.platform.TextChecks;
import org.hotline.workorder.AppealType;
import org.hotline.workorder.Channel;
import org.hotline.workorder.Citizen;
import org.hotline.workorder.Evidence;
import org.hotline.workorder.Location;
import org.hotline.workorder.Urgency;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderService;
import org.springframework.stereotype.Service;

/**
 * 巡查上报: filing a report, a reporter's own counts, each town's reporters ranked, and a town's coverage.
 *
 * <p>A report that needs action is registered as a work order on channel PATROL by the reporter (the order's
 * history names them), with its photos, in one intake transaction; the AI dispatches it like any order. An
 * information-only report is stored with its photos and counted. Both count against the quota alike.
 *
 * <p>Who sees what: a field reporter their own counts and reports; the center every town; a town's own staff
 * (handler or leader of a territorial unit) their town; nobody else.
 */
@Service
public class PatrolService {

    /** The most photos one report takes. */
    public static final int MAX_PHOTOS = 6;

    /** What a reporter files. */
    public record NewReport(PatrolKind kind, String text, String address, Double latitude, Double longitude,
            boolean needsAction) {
    }

    private final PatrolReports reports;
    private final WorkOrderService orders;
    private final UserAccounts accounts;
    private final Units units;
    private final PatrolQuota quota;
    private final Clock clock;

    PatrolService(PatrolReports reports, WorkOrderService orders, UserAccounts accounts, Units units, PatrolQuota quota,
            Clock clock) {
        this.reports = reports;
        this.orders = orders;
        this.accounts = accounts;
        this.units = units;
        this.quota = quota;
        this.clock = clock;
    }

    public PatrolQuota quota() {
        return quota;
    }

    // ---------------------------------------------------------------- filing

    /** Files a report; returns it (with its order number when it needed action). */
    public PatrolReport report(NewReport r, List<Evidence> photos, Actor reporter) {
        if (reporter.role() != Role.FIELD_REPORTER || reporter.unit() == null) {
            throw new ForbiddenException("not-permitted", "只有巡查员可以提交巡查上报");
        }
        if (r.kind() == null) {
            throw new InvalidInputException("kind", "请选择巡查类别");
        }
        String text = text("text", r.text(), 2000);
        if (text == null || text.length() < 5) {
            throw new InvalidInputException("text", "请描述巡查发现的情况，至少 5 个字");
        }
        String address = text("address", r.address(), 200);
        if ((r.latitude() == null) != (r.longitude() == null)) {
            throw new InvalidInputException(r.latitude() == null ? "latitude" : "longitude", "经度和纬度须同时填写");
        }
        if (r.latitude() != null && (!Double.isFinite(r.latitude()) || Math.abs(r.latitude()) > 90)) {
            throw new InvalidInputException("latitude", "纬度应在 -90 到 90 之间");
        }
        if (r.longitude() != null && (!Double.isFinite(r.longitude()) || Math.abs(r.longitude()) > 180)) {
            throw new InvalidInputException("longitude", "经度应在 -180 到 180 之间");
        }
        if (address == null && r.latitude() == null) {
            throw new InvalidInputException("address", "请填写地点（地址或经纬度）");
        }
        if (photos.size() > MAX_PHOTOS) {
            throw new InvalidInputException("photos", "每次最多上传 " + MAX_PHOTOS + " 张照片");
        }
        for (Evidence p : photos) {
            if (!p.isPhoto()) {
                throw new InvalidInputException("photos", "只能上传照片（JPEG、PNG、WebP、GIF、HEIC）");
            }
        }
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        String orderNumber = null;
        if (r.needsAction()) {
            WorkOrder.Appeal appeal = new WorkOrder.Appeal(Channel.PATROL, AppealType.REPORT,
                    new Citizen(reporter.displayName(), null, false), "【巡查上报·" + r.kind().label() + "】" + text,
                    new Location(address, r.latitude(), r.longitude()), null, Urgency.NORMAL);
            orderNumber = orders.register(appeal, null, reporter, "patrol:" + id, id, photos).order().number().value();
        }
        PatrolReport report = new PatrolReport(id, reporter.username(), reporter.displayName(), reporter.unit(),
                r.kind(), text, address, r.latitude(), r.longitude(), r.needsAction(), orderNumber, now,
                photos.size());
        reports.add(report, LocalDate.ofInstant(now, clock.getZone()), r.needsAction() ? List.of() : photos);
        return report;
    }

    // ---------------------------------------------------------------- the reporter's own

    /** A field reporter's own counts today and this month against the quota. */
    public ReporterTally mine(Actor reporter) {
        if (reporter.role() != Role.FIELD_REPORTER) {
            throw new ForbiddenException("not-permitted", "只有巡查员有巡查任务量");
        }
        LocalDate today = LocalDate.now(clock);
        int day = reports.count(reporter.username(), today, today);
        int month = reports.count(reporter.username(), today.withDayOfMonth(1), today);
        return tally(reporter.username(), reporter.displayName(), true, day, month, 0);
    }

    /** A field reporter's own latest reports, newest first. */
    public List<PatrolReport> myRecent(Actor reporter, int limit) {
        if (reporter.role() != Role.FIELD_REPORTER) {
            throw new ForbiddenException("not-permitted", "只有巡查员可以查看本人的巡查上报");
        }
        return reports.recent(reporter.username(), Math.max(1, Math.min(limit, 100)));
    }

    // ---------------------------------------------------------------- towns

    /** Every town with field reporters, as of {@code day}, for the center; a town's own staff get their town. */
    public List<TownPatrol> towns(LocalDate day, Actor viewer) {
        List<Unit> towns;
        if (viewer.isCenter()) {
            towns = units.all().stream().filter(u -> u.kind() == UnitKind.TERRITORIAL).toList();
        } else if (mayViewTown(viewer, viewer.unit())) {
            towns = units.find(viewer.unit()).stream().toList();
        } else {
            throw new ForbiddenException("not-permitted", "只有热线中心和镇街工作人员可以查看巡查统计");
        }
        List<UserAccount> all = accounts.withRole(Role.FIELD_REPORTER);
        List<TownPatrol> result = new ArrayList<>();
        for (Unit town : towns) {
            List<UserAccount> roster = all.stream().filter(a -> town.id().equals(a.unit())).toList();
            if (!roster.isEmpty() || !viewer.isCenter()) {
                result.add(town(town, roster, day));
            }
        }
        return result;
    }

    /** One town's patrol as of {@code day}; 404 for a unit that is not a town, 403 for a viewer who may not see it. */
    public TownPatrol town(UnitId unit, LocalDate day, Actor viewer) {
        Unit town = units.find(unit).filter(u -> u.kind() == UnitKind.TERRITORIAL)
                .orElseThrow(() -> new NotFoundException("镇街 " + unit + " 不存在"));
        if (!viewer.isCenter() && !mayViewTown(viewer, unit)) {
            throw new ForbiddenException("not-permitted", "只能查看本镇街的巡查统计");
        }
        return town(town, roster(unit), day);
    }

    /**
     * 巡查覆盖率 of a town in a month as of a day (see {@link PatrolCoverage}): the figure the assessment can count.
     * Reads only; no permission check (for other modules; adapters check who asks).
     */
    public PatrolCoverage coverage(UnitId town, YearMonth month, LocalDate asOf) {
        LocalDate to = asOf.isAfter(month.atEndOfMonth()) ? month.atEndOfMonth() : asOf;
        Map<String, Integer> counts = reports.countsByReporter(town, month.atDay(1), to);
        return coverage(town, month, asOf, roster(town), counts);
    }

    /**
     * 巡查覆盖 day by day, for the assessment: every town with enabled field reporters, every day of
     * {@code [from, to)} (see {@link PatrolDay}), the days summing to {@link #coverage} within each month. Reads only;
     * no permission check (for other modules). One range query per month of the range, over all towns.
     */
    public List<PatrolDay> coverageByDay(LocalDate from, LocalDate to) {
        Map<UnitId, List<UserAccount>> rosters = new java.util.HashMap<>();
        for (UserAccount a : accounts.withRole(Role.FIELD_REPORTER)) {
            if (a.enabled() && a.unit() != null && units.find(a.unit()).map(u -> u.kind() == UnitKind.TERRITORIAL)
                    .orElse(false)) {
                rosters.computeIfAbsent(a.unit(), u -> new ArrayList<>()).add(a);
            }
        }
        List<PatrolDay> days = new ArrayList<>();
        if (rosters.isEmpty() || !from.isBefore(to)) {
            return days;
        }
        for (YearMonth month = YearMonth.from(from); !month.atDay(1).isAfter(to.minusDays(1));
                month = month.plusMonths(1)) {
            LocalDate first = from.isAfter(month.atDay(1)) ? from : month.atDay(1);
            LocalDate last = to.minusDays(1).isBefore(month.atEndOfMonth()) ? to.minusDays(1) : month.atEndOfMonth();
            // counts from the month's first day: what counts on a day depends on the reporter's month so far
            Map<UnitId, Map<String, Map<LocalDate, Integer>>> counts = reports.countsByTownReporterAndDay(
                    month.atDay(1), last);
            for (Map.Entry<UnitId, List<UserAccount>> town : rosters.entrySet()) {
                Map<String, Map<LocalDate, Integer>> byReporter = counts.getOrDefault(town.getKey(), Map.of());
                int[] soFar = new int[town.getValue().size()];
                for (LocalDate day = month.atDay(1); !day.isAfter(last); day = day.plusDays(1)) {
                    int expectedBefore = quota.expectedBy(month, day.minusDays(1));
                    int expected = quota.expectedBy(month, day);
                    int due = 0;
                    int filed = 0;
                    int reported = 0;
                    for (int r = 0; r < soFar.length; r++) {
                        int today = byReporter.getOrDefault(town.getValue().get(r).username(), Map.of())
                                .getOrDefault(day, 0);
                        int countedBefore = Math.min(expectedBefore, soFar[r]);
                        soFar[r] += today;
                        due += expected - expectedBefore;
                        filed += Math.min(expected, soFar[r]) - countedBefore;
                        reported += today;
                    }
                    if (!day.isBefore(first) && (due > 0 || filed > 0 || reported > 0)) {
                        days.add(new PatrolDay(town.getKey(), day, due, filed, reported));
                    }
                }
            }
        }
        return days;
    }

    private TownPatrol town(Unit town, List<UserAccount> roster, LocalDate day) {
        YearMonth month = YearMonth.from(day);
        Map<String, Integer> today = reports.countsByReporter(town.id(), day, day);
        Map<String, Integer> monthCounts = reports.countsByReporter(town.id(), month.atDay(1), day);
        List<UserAccount> ordered = roster.stream()
                .sorted(Comparator.comparing((UserAccount a) -> -monthCounts.getOrDefault(a.username(), 0))
                        .thenComparing(UserAccount::username))
                .toList();
        List<ReporterTally> tallies = new ArrayList<>();
        int rank = 0;
        int previous = -1;
        for (int i = 0; i < ordered.size(); i++) {
            UserAccount a = ordered.get(i);
            int m = monthCounts.getOrDefault(a.username(), 0);
            if (m != previous) {
                rank = i + 1; // equal counts share a place; the next count takes the place after them all
                previous = m;
            }
            tallies.add(tally(a.username(), a.displayName(), a.enabled(), today.getOrDefault(a.username(), 0), m,
                    rank));
        }
        int reportsToday = today.values().stream().mapToInt(Integer::intValue).sum();
        int reportsMonth = monthCounts.values().stream().mapToInt(Integer::intValue).sum();
        int shortToday = (int) tallies.stream().filter(t -> t.enabled() && t.dailyShortfall() > 0).count();
        return new TownPatrol(town.id(), town.name(), day, tallies, reportsToday, reportsMonth,
                reports.needingAction(town.id(), month.atDay(1), day), shortToday,
                coverage(town.id(), month, day, roster, monthCounts));
    }

    private PatrolCoverage coverage(UnitId town, YearMonth month, LocalDate asOf, List<UserAccount> roster,
            Map<String, Integer> counts) {
        int expectedEach = quota.expectedBy(month, asOf);
        List<UserAccount> active = roster.stream().filter(UserAccount::enabled).toList();
        int expected = expectedEach * active.size();
        int counted = active.stream().mapToInt(a -> Math.min(expectedEach, counts.getOrDefault(a.username(), 0)))
                .sum();
        Double rate = active.isEmpty() ? null : expected == 0 ? 1.0 : (double) counted / expected;
        return new PatrolCoverage(town, month, asOf, active.size(), expected, counted, rate);
    }

    private ReporterTally tally(String username, String name, boolean enabled, int day, int month, int rank) {
        return new ReporterTally(username, name, enabled, day, month, quota.daily(), quota.monthly(),
                quota.dailyShortfall(day), quota.monthlyShortfall(month), rank);
    }

    private List<UserAccount> roster(UnitId unit) {
        return accounts.withRole(Role.FIELD_REPORTER).stream().filter(a -> unit.equals(a.unit())).toList();
    }

    private boolean mayViewTown(Actor viewer, UnitId unit) {
        return (viewer.role() == Role.UNIT_HANDLER || viewer.role() == Role.UNIT_LEADER) && viewer.belongsTo(unit)
                && units.find(unit).map(u -> u.kind() == UnitKind.TERRITORIAL).orElse(false);
    }

    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        TextChecks.check(field, value);
        String v = value.strip();
        if (v.length() > max) {
            throw new InvalidInputException(field, "不能超过 " + max + " 个字");
        }
        return v;
    }
}
