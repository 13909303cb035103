package org.hotline.statistics.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.hotline.organization.Actor;
import org.hotline.organization.UnitId;
import org.hotline.platform.InvalidInputException;
import org.hotline.platform.TimeParameters;
import org.hotline.statistics.DateRange;
import org.hotline.statistics.Dimension;
import org.hotline.statistics.OverdueKind;
import org.hotline.statistics.OverduePage;
import org.hotline.statistics.OverrideTrend;
import org.hotline.statistics.Period;
import org.hotline.statistics.ReportFilter;
import org.hotline.statistics.SatisfactionTrend;
import org.hotline.statistics.Statistics;
import org.hotline.statistics.VolumeReport;
import org.hotline.statistics.VolumeTrend;
import org.hotline.statistics.TriageTrend;
import org.hotline.statistics.YearOverYearReport;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The center's reports under {@code /api/v1/statistics}, each as JSON and as an Excel workbook at
 * {@code .../export.xlsx} with the same parameters.
 *
 * <p>Common parameters: {@code from} and {@code to} (days, yyyy-MM-dd, both included, in the hotline's zone;
 * by default the current year up to today), {@code unit} (the lead unit) and {@code category} (a category and
 * everything below it). Orders count by the day they were registered, callbacks by the day they were made.
 * A unit's users get their own unit's figures whatever they ask; naming another unit answers 404.
 */
@RestController
@RequestMapping("/api/v1/statistics")
@Tag(name = "统计分析",
        description = "Volumes, shares, satisfaction and resolution trends, overrides, overdue lists, year over year")
class StatisticsController {

    /** Reports span at most this many years: a daily trend of ten years is already 3,653 rows. */
    static final int MAX_YEARS = 10;

    /** The open start of an overdue list that names only its last day. */
    private static final LocalDate BEFORE_THE_HOTLINE = LocalDate.of(1970, 1, 1);

    private final Statistics statistics;
    private final ExcelReports excel;
    private final Clock clock;
    private final int exportMaxRows;

    StatisticsController(Statistics statistics, ExcelReports excel, Clock clock,
            @Value("${hotline.statistics.export-max-rows:100000}") int exportMaxRows) {
        this.statistics = statistics;
        this.excel = excel;
        this.clock = clock;
        this.exportMaxRows = exportMaxRows;
    }

    // ---------------------------------------------------------------- volumes and shares

    @GetMapping("/volumes")
    @Operation(summary = "工单量及占比：按分类（1–3 级）、主办单位、渠道、诉求类型",
            description = "by: CATEGORY (default), UNIT, CHANNEL, APPEAL_TYPE; level: category level 1–3 (default 1)")
    VolumeReport volumes(@RequestParam(required = false) String by, @RequestParam(required = false) String level,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String unit, @RequestParam(required = false) String category, Actor actor) {
        return statistics.volumes(actor, filter(from, to, unit, category, true),
                dimension(by, Dimension.CATEGORY), level(level));
    }

    @GetMapping("/volumes/export.xlsx")
    @Operation(summary = "导出工单量及占比（Excel）")
    ResponseEntity<byte[]> exportVolumes(@RequestParam(required = false) String by,
            @RequestParam(required = false) String level, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String unit,
            @RequestParam(required = false) String category, Actor actor) {
        VolumeReport r = volumes(by, level, from, to, unit, category, actor);
        return xlsx("工单量统计_" + r.range().from() + "_" + r.range().to(), excel.volumes(r));
    }

    @GetMapping("/volume-trend")
    @Operation(summary = "工单量走势：按日、周（ISO，周一起）、月、年", description = "period: DAY, WEEK, MONTH (default), YEAR")
    VolumeTrend volumeTrend(@RequestParam(required = false) String period, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String unit,
            @RequestParam(required = false) String category, Actor actor) {
        return statistics.volumeTrend(actor, filter(from, to, unit, category, true), period(period));
    }

    @GetMapping("/volume-trend/export.xlsx")
    @Operation(summary = "导出工单量走势（Excel）")
    ResponseEntity<byte[]> exportVolumeTrend(@RequestParam(required = false) String period,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String unit, @RequestParam(required = false) String category,
            Actor actor) {
        VolumeTrend r = volumeTrend(period, from, to, unit, category, actor);
        return xlsx("工单量走势_" + r.range().from() + "_" + r.range().to(), excel.volumeTrend(r));
    }

    // ---------------------------------------------------------------- satisfaction and resolution

    @GetMapping("/satisfaction-trend")
    @Operation(summary = "满意率、解决率走势（回访结果：满意 1、基本满意 0.9、不满意 0），总体及分单位",
            description = "period: DAY, WEEK, MONTH (default), YEAR; only reached callbacks count")
    SatisfactionTrend satisfactionTrend(@RequestParam(required = false) String period,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String unit, @RequestParam(required = false) String category,
            Actor actor) {
        return statistics.satisfactionTrend(actor, filter(from, to, unit, category, true), period(period));
    }

    @GetMapping("/satisfaction-trend/export.xlsx")
    @Operation(summary = "导出满意率、解决率走势（Excel）")
    ResponseEntity<byte[]> exportSatisfactionTrend(@RequestParam(required = false) String period,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String unit, @RequestParam(required = false) String category,
            Actor actor) {
        SatisfactionTrend r = satisfactionTrend(period, from, to, unit, category, actor);
        return xlsx("满意率走势_" + r.range().from() + "_" + r.range().to(), excel.satisfactionTrend(r));
    }

    // ---------------------------------------------------------------- overrides

    @GetMapping("/overrides")
    @Operation(summary = "主任决定办结走势：已答复工单未经审核回访、由中心主任说明理由直接办结的次数，总体及分单位",
            description = "period: DAY, WEEK, MONTH (default), YEAR; counted by the day of the override")
    OverrideTrend overrides(@RequestParam(required = false) String period, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String unit,
            @RequestParam(required = false) String category, Actor actor) {
        return statistics.overrides(actor, filter(from, to, unit, category, true), period(period));
    }

    @GetMapping("/overrides/export.xlsx")
    @Operation(summary = "导出主任决定办结走势（Excel）")
    ResponseEntity<byte[]> exportOverrides(@RequestParam(required = false) String period,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String unit, @RequestParam(required = false) String category,
            Actor actor) {
        OverrideTrend r = overrides(period, from, to, unit, category, actor);
        return xlsx("主任决定办结_" + r.range().from() + "_" + r.range().to(), excel.overrides(r));
    }

    // ---------------------------------------------------------------- triage

    @GetMapping("/triage")
    @Operation(summary = "分流统计：受理的诉求中派单办理、紧急转接（按 110/119/120/122）、告知其他途径（按途径）、无效诉求、"
            + "直接答复（其中知识库答复）的数量，总体及分渠道；分流建议的采纳情况。仅限中心",
            description = "period: DAY, WEEK, MONTH (default), YEAR; counted by the day the appeal was registered;"
                    + " invalid calls are not counted as appeals (appeals = registered - invalid)")
    TriageTrend triage(@RequestParam(required = false) String period, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Actor actor) {
        return statistics.triage(actor, filter(from, to, null, null, true).range(), period(period));
    }

    @GetMapping("/triage/export.xlsx")
    @Operation(summary = "导出分流统计（Excel）")
    ResponseEntity<byte[]> exportTriage(@RequestParam(required = false) String period,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to, Actor actor) {
        TriageTrend r = triage(period, from, to, actor);
        return xlsx("分流统计_" + r.range().from() + "_" + r.range().to(), excel.triage(r));
    }

    // ---------------------------------------------------------------- overdue lists

    @GetMapping("/overdue")
    @Operation(summary = "超期清单：超期未办结（OPEN）或超期办结（CLOSED_LATE），分页",
            description = "kind: OPEN (default) or CLOSED_LATE; from/to restrict the registration day and have no default here")
    OverduePage overdue(@RequestParam(required = false) String kind, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String unit,
            @RequestParam(required = false) String category, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size, Actor actor) {
        int p = integer("page", page, 0, 0, Integer.MAX_VALUE / Statistics.MAX_PAGE_SIZE);
        int s = integer("size", size, 20, 1, Statistics.MAX_PAGE_SIZE);
        return statistics.overdue(actor, overdueKind(kind), filter(from, to, unit, category, false), p, s);
    }

    @GetMapping("/overdue/export.xlsx")
    @Operation(summary = "导出超期清单（Excel，全部行，至多 hotline.statistics.export-max-rows 行）")
    ResponseEntity<byte[]> exportOverdue(@RequestParam(required = false) String kind,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String unit, @RequestParam(required = false) String category,
            Actor actor) {
        ReportFilter filter = filter(from, to, unit, category, false);
        OverduePage r = statistics.overdue(actor, overdueKind(kind), filter, 0, exportMaxRows);
        String range = filter.range() == null ? null : filter.range().toString();
        return xlsx(r.kind().label() + "清单_" + LocalDate.now(clock),
                excel.overdue(r, range, scopedUnit(actor, filter), filter.category()));
    }

    // ---------------------------------------------------------------- year over year

    @GetMapping("/year-over-year")
    @Operation(summary = "同比：本期与上年同期的工单量、增减量、增减幅度（上年同期为零时不计幅度）",
            description = "by: none (total only), CATEGORY, UNIT, CHANNEL, APPEAL_TYPE; level: category level 1–3")
    YearOverYearReport yearOverYear(@RequestParam(required = false) String by,
            @RequestParam(required = false) String level, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String unit,
            @RequestParam(required = false) String category, Actor actor) {
        return statistics.yearOverYear(actor, filter(from, to, unit, category, true), dimension(by, null),
                level(level));
    }

    @GetMapping("/year-over-year/export.xlsx")
    @Operation(summary = "导出同比（Excel）")
    ResponseEntity<byte[]> exportYearOverYear(@RequestParam(required = false) String by,
            @RequestParam(required = false) String level, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String unit,
            @RequestParam(required = false) String category, Actor actor) {
        YearOverYearReport r = yearOverYear(by, level, from, to, unit, category, actor);
        return xlsx("工单量同比_" + r.current().from() + "_" + r.current().to(), excel.yearOverYear(r));
    }

    // ---------------------------------------------------------------- parameters

    /**
     * The filter from the request. With {@code defaultRange} a missing {@code to} is today and a missing
     * {@code from} is 1 January of {@code to}'s year; without it, no dates mean no date restriction.
     */
    private ReportFilter filter(String from, String to, String unit, String category, boolean defaultRange) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        DateRange range = null;
        if (defaultRange || start != null || end != null) {
            if (end == null) {
                end = defaultRange || start != null ? LocalDate.now(clock) : null;
            }
            if (start == null) {
                start = defaultRange ? end.withDayOfYear(1) : BEFORE_THE_HOTLINE;
            }
            if (start.isAfter(end)) {
                throw new InvalidInputException("from", "开始日期 " + start + " 晚于结束日期 " + end);
            }
            if (defaultRange && start.plusYears(MAX_YEARS).isBefore(end)) {
                throw new InvalidInputException("from", "统计区间不能超过 " + MAX_YEARS + " 年");
            }
            range = new DateRange(start, end);
        }
        String u = blankToNull(unit);
        if (u != null && u.length() > 64) {
            throw new InvalidInputException("unit", "未知的单位：" + u.substring(0, 64) + "…");
        }
        String c = blankToNull(category);
        if (c != null && c.length() > 32) {
            throw new InvalidInputException("category", "未知的分类：" + c.substring(0, 32) + "…");
        }
        return new ReportFilter(range, u == null ? null : new UnitId(u), c);
    }

    private static LocalDate date(String field, String value) {
        return TimeParameters.date(field, value);
    }

    private static Dimension dimension(String value, Dimension fallback) {
        return choice("by", value, Dimension.class, fallback);
    }

    private static Period period(String value) {
        return choice("period", value, Period.class, Period.MONTH);
    }

    private static OverdueKind overdueKind(String value) {
        return choice("kind", value, OverdueKind.class, OverdueKind.OPEN);
    }

    private static int level(String value) {
        return integer("level", value, 1, 1, 3);
    }

    private static <E extends Enum<E>> E choice(String field, String value, Class<E> type, E fallback) {
        String v = blankToNull(value);
        if (v == null) {
            return fallback;
        }
        String name = v.toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new InvalidInputException(field, "未知的取值「" + abbreviate(v) + "」，可选："
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
    }

    private static int integer(String field, String value, int fallback, int min, int max) {
        String v = blankToNull(value);
        if (v == null) {
            return fallback;
        }
        int n;
        try {
            n = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "应为整数，而不是「" + abbreviate(v) + "」");
        }
        if (n < min || n > max) {
            throw new InvalidInputException(field, "应在 " + min + " 到 " + max + " 之间");
        }
        return n;
    }

    /** The unit the report was cut to: the viewer's own for a unit's users. */
    private static String scopedUnit(Actor actor, ReportFilter filter) {
        if (!actor.isCenter()) {
            return actor.unit().value();
        }
        return filter.unit() == null ? null : filter.unit().value();
    }

    private static ResponseEntity<byte[]> xlsx(String name, byte[] workbook) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(ExcelReports.CONTENT_TYPE))
                .body(workbook);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
