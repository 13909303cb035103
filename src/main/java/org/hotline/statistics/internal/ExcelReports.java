package org.hotline.statistics.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.hotline.organization.Categories;
import org.hotline.organization.Unit;
import org.hotline.organization.UnitId;
import org.hotline.organization.Units;
import org.hotline.statistics.OverduePage;
import org.hotline.statistics.OverrideTrend;
import org.hotline.statistics.SatisfactionTrend;
import org.hotline.statistics.Share;
import org.hotline.statistics.TriageCounts;
import org.hotline.statistics.TriageTrend;
import org.hotline.statistics.VolumeReport;
import org.hotline.statistics.VolumeTrend;
import org.hotline.statistics.YearOverYearReport;
import org.springframework.stereotype.Component;

/**
 * The reports as Excel workbooks (.xlsx, Apache POI), one sheet per table, laid out as the center prints
 * them: a title, a line with the report's conditions, Chinese column headers, the rows, and a total row.
 * Counts and percentages are numbers (two decimals shown), so that the sheet can be summed and charted;
 * moments are text in the hotline's time, since a spreadsheet cell has no time zone.
 *
 * <p>No citizen data is ever written: the reports hold none, and the overdue list names orders, not people.
 * Workbooks are streamed (SXSSF), so a long overdue list does not sit in memory as cell objects.
 */
@Component
class ExcelReports {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String ALL = "全部";
    private static final String NONE = "—";

    private final Units units;
    private final Categories categories;
    private final ZoneId zone;

    ExcelReports(Units units, Categories categories, Clock clock) {
        this.units = units;
        this.categories = categories;
        this.zone = clock.getZone();
    }

    byte[] volumes(VolumeReport r) {
        String by = r.by().label() + (r.level() == null ? "" : "，" + r.level() + "级");
        return workbook(book -> {
            Table t = book.table("工单量", "工单量统计（按" + by + "）",
                    conditions(r.range().toString(), r.unit(), r.category()),
                    "编码", r.by().label() + "名称", "工单量", "总量", "占比（%）");
            for (Share s : r.rows()) {
                t.row(s.key(), s.label(), s.count(), s.total(), s.percent());
            }
            t.total(StatisticsReports.TOTAL, "", r.total(), r.total(), r.total() == 0 ? null : new BigDecimal("100.00"));
        });
    }

    byte[] volumeTrend(VolumeTrend r) {
        return workbook(book -> {
            Table t = book.table("工单量走势", "工单量走势（按" + r.period().label() + "）",
                    conditions(r.range().toString(), r.unit(), r.category()), "统计周期", "开始日期", "结束日期", "工单量");
            for (VolumeTrend.Point p : r.points()) {
                t.row(p.period(), p.from(), p.to(), p.count());
            }
            t.total(StatisticsReports.TOTAL, r.range().from(), r.range().to(), r.total());
        });
    }

    byte[] satisfactionTrend(SatisfactionTrend r) {
        String[] figures = { "回访成功数", "满意", "基本满意", "不满意", "满意率（%）", "已解决", "未解决", "解决率（%）" };
        String conditions = conditions(r.range().toString(), r.unit(), r.category())
                + "　满意率 = (满意 × 1 + 基本满意 × 0.9 + 不满意 × 0) ÷ 回访成功数";
        return workbook(book -> {
            Table overall = book.table("总体", "满意率、解决率走势（按" + r.period().label() + "）", conditions,
                    concat(new String[] { "统计周期", "开始日期", "结束日期" }, figures));
            for (SatisfactionTrend.Point p : r.overall()) {
                overall.row(concat(new Object[] { p.period(), p.from(), p.to() }, figures(p)));
            }
            overall.total(concat(new Object[] { StatisticsReports.TOTAL, r.range().from(), r.range().to() },
                    figures(r.total())));
            Table perUnit = book.table("分单位", "各单位满意率、解决率走势（按" + r.period().label() + "）", conditions,
                    concat(new String[] { "单位编码", "单位名称", "统计周期", "开始日期", "结束日期" }, figures));
            for (SatisfactionTrend.UnitTrend u : r.units()) {
                for (SatisfactionTrend.Point p : u.points()) {
                    perUnit.row(concat(new Object[] { u.unit(), u.unitName(), p.period(), p.from(), p.to() }, figures(p)));
                }
                perUnit.total(concat(new Object[] { u.unit(), u.unitName(), StatisticsReports.TOTAL, r.range().from(),
                        r.range().to() }, figures(u.total())));
            }
        });
    }

    private static Object[] figures(SatisfactionTrend.Point p) {
        return new Object[] { p.rated(), p.satisfied(), p.basicallySatisfied(), p.unsatisfied(),
                p.satisfactionRate() == null ? NONE : p.satisfactionRate(), p.resolved(), p.unresolved(),
                p.resolutionRate() == null ? NONE : p.resolutionRate() };
    }

    byte[] overrides(OverrideTrend r) {
        String conditions = conditions(r.range().toString(), r.unit(), r.category())
                + "　主任决定办结：已答复工单未经审核回访、由中心主任说明理由后直接办结";
        return workbook(book -> {
            Table overall = book.table("总体", "主任决定办结走势（按" + r.period().label() + "）", conditions,
                    "统计周期", "开始日期", "结束日期", "主任决定办结数");
            for (OverrideTrend.Point p : r.overall()) {
                overall.row(p.period(), p.from(), p.to(), p.count());
            }
            overall.total(StatisticsReports.TOTAL, r.range().from(), r.range().to(), r.total());
            Table perUnit = book.table("分单位", "各单位主任决定办结走势（按" + r.period().label() + "）", conditions,
                    "单位编码", "单位名称", "统计周期", "开始日期", "结束日期", "主任决定办结数");
            for (OverrideTrend.UnitTrend u : r.units()) {
                for (OverrideTrend.Point p : u.points()) {
                    perUnit.row(u.unit(), u.unitName(), p.period(), p.from(), p.to(), p.count());
                }
                perUnit.total(u.unit(), u.unitName(), StatisticsReports.TOTAL, r.range().from(), r.range().to(),
                        u.total());
            }
        });
    }

    byte[] triage(TriageTrend r) {
        String conditions = "统计区间：" + r.range() + "　按受理日统计；无效诉求不计入诉求量";
        return workbook(book -> {
            Table overall = book.table("总体", "分流统计（按" + r.period().label() + "）", conditions,
                    concat(new String[] { "统计周期", "开始日期", "结束日期" }, TriageCounts.HEADERS));
            for (TriageTrend.Point p : r.points()) {
                overall.row(concat(new Object[] { p.period(), p.from(), p.to() }, boxed(p.all())));
            }
            overall.total(concat(new Object[] { StatisticsReports.TOTAL, r.range().from(), r.range().to() },
                    boxed(r.total())));
            Table perChannel = book.table("分渠道", "各渠道分流统计（按" + r.period().label() + "）", conditions,
                    concat(new String[] { "渠道", "统计周期", "开始日期", "结束日期" }, TriageCounts.HEADERS));
            for (TriageTrend.ChannelTotal c : r.channels()) {
                for (TriageTrend.Point p : r.points()) {
                    TriageCounts counts = p.channels().stream().filter(x -> x.channel().equals(c.channel()))
                            .map(TriageTrend.ChannelTotal::counts).findFirst().orElse(TriageCounts.NONE);
                    perChannel.row(concat(new Object[] { c.channelLabel(), p.period(), p.from(), p.to() },
                            boxed(counts)));
                }
                perChannel.total(concat(new Object[] { c.channelLabel(), StatisticsReports.TOTAL, r.range().from(),
                        r.range().to() }, boxed(c.counts())));
            }
            Table suggestions = book.table("分流建议采纳", "分流建议与人工决定", "统计区间：" + r.range() + "　按建议日统计",
                    "建议", "建议数", "采纳", "改为其他", "待人工决定", "采纳率（%）");
            for (TriageTrend.SuggestionRow row : r.suggestions()) {
                suggestions.row(row.outcomeLabel(), row.suggested(), row.followed(), row.decidedOtherwise(),
                        row.awaiting(), row.followedPercent() == null ? NONE : row.followedPercent());
            }
        });
    }

    private static Object[] boxed(TriageCounts counts) {
        return Arrays.stream(counts.figures()).boxed().toArray();
    }

    /** The whole list (as many rows as the page holds); {@code note} says when it was cut short. */
    byte[] overdue(OverduePage r, String range, String unit, String category) {
        return workbook(book -> {
            String note = r.total() > r.items().size()
                    ? "　（共 " + r.total() + " 条，仅导出前 " + r.items().size() + " 条）" : "　（共 " + r.total() + " 条）";
            Table t = book.table(r.kind().label(), r.kind().label() + "工单清单",
                    conditions(range, unit, category) + "　统计时点：" + moment(r.asOf()) + note,
                    "工单编号", "受理时间", "分类编码", "分类名称", "主办单位", "状态", "办理期限", "答复时间", "办结时间",
                    "超期时长（小时）");
            for (OverduePage.Item i : r.items()) {
                t.row(i.number(), moment(i.registeredAt()), i.categoryCode(), i.categoryName(), i.leadUnitName(),
                        i.statusLabel(), moment(i.handleDeadline()), moment(i.repliedAt()), moment(i.closedAt()),
                        i.overdueHours());
            }
        });
    }

    byte[] yearOverYear(YearOverYearReport r) {
        String by = r.by() == null ? "" : "（按" + r.by().label() + (r.level() == null ? "" : "，" + r.level() + "级") + "）";
        return workbook(book -> {
            Table t = book.table("同比", "工单量同比" + by,
                    conditions("本期 " + r.current() + "，上年同期 " + r.previous(), r.unit(), r.category()),
                    "编码", r.by() == null ? "项目" : r.by().label() + "名称", "本期", "上年同期", "增减量", "增减幅度（%）");
            for (YearOverYearReport.Row row : r.rows()) {
                t.row(row.key(), row.label(), row.current(), row.previous(), row.change(), change(row));
            }
            YearOverYearReport.Row total = r.total();
            t.total(total.label(), "", total.current(), total.previous(), total.change(), change(total));
        });
    }

    private static Object change(YearOverYearReport.Row row) {
        return row.zeroBase() ? "上年同期为零" : row.changePercent();
    }

    private String conditions(String range, String unit, String category) {
        String unitName = unit == null ? ALL
                : units.find(new UnitId(unit)).map(Unit::name).orElse(unit);
        String categoryName = category == null ? ALL
                : categories.find(category).map(c -> c.code() + " " + c.name()).orElse(category);
        return "统计区间：" + (range == null ? ALL : range) + "　主办单位：" + unitName + "　分类：" + categoryName;
    }

    private String moment(Instant t) {
        return t == null ? null : MINUTES.format(t.atZone(zone));
    }

    private static Object[] concat(Object[] a, Object[] b) {
        Object[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    // ---------------------------------------------------------------- workbook plumbing

    private interface Content {
        void write(Book book);
    }

    private static byte[] workbook(Content content) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(500);
        try {
            content.write(new Book(workbook));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                workbook.close();
            } catch (IOException ignored) {
                // the workbook lives in memory and temporary files only; closing it frees them
            }
        }
    }

    /** The workbook's shared styles. */
    private static final class Book {

        final SXSSFWorkbook workbook;
        final CellStyle title;
        final CellStyle header;
        final CellStyle text;
        final CellStyle integer;
        final CellStyle percent;
        final CellStyle totalText;
        final CellStyle totalInteger;
        final CellStyle totalPercent;

        Book(SXSSFWorkbook workbook) {
            this.workbook = workbook;
            Font bold = workbook.createFont();
            bold.setBold(true);
            Font big = workbook.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = workbook.createCellStyle();
            title.setFont(big);
            header = bordered(bold, null);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            text = bordered(null, null);
            integer = bordered(null, "#,##0");
            percent = bordered(null, "0.00");
            totalText = bordered(bold, null);
            totalInteger = bordered(bold, "#,##0");
            totalPercent = bordered(bold, "0.00");
        }

        private CellStyle bordered(Font font, String format) {
            CellStyle s = workbook.createCellStyle();
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            if (font != null) {
                s.setFont(font);
            }
            if (format != null) {
                s.setDataFormat(workbook.createDataFormat().getFormat(format));
            }
            return s;
        }

        /** A sheet with its title (row 1), conditions (row 2) and headers (row 3); rows follow. */
        Table table(String sheetName, String titleText, String conditions, String... headers) {
            SXSSFSheet sheet = workbook.createSheet(sheetName);
            Row t = sheet.createRow(0);
            Cell titleCell = t.createCell(0);
            titleCell.setCellValue(titleText);
            titleCell.setCellStyle(title);
            sheet.createRow(1).createCell(0).setCellValue(conditions);
            if (headers.length > 1) {
                sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, headers.length - 1));
            }
            Row h = sheet.createRow(2);
            for (int i = 0; i < headers.length; i++) {
                Cell c = h.createCell(i);
                c.setCellValue(headers[i]);
                c.setCellStyle(header);
                // wide enough for the header: a CJK character is about two Latin ones
                sheet.setColumnWidth(i, Math.min(60, Math.max(12, headers[i].length() * 2 + 4)) * 256);
            }
            sheet.createFreezePane(0, 3);
            return new Table(this, sheet);
        }
    }

    private static final class Table {

        private final Book book;
        private final Sheet sheet;
        private int next = 3;

        Table(Book book, Sheet sheet) {
            this.book = book;
            this.sheet = sheet;
        }

        void row(Object... values) {
            write(false, values);
        }

        void total(Object... values) {
            write(true, values);
        }

        private void write(boolean total, Object... values) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < values.length; i++) {
                Cell cell = row.createCell(i);
                Object v = values[i];
                if (v instanceof Long || v instanceof Integer) {
                    cell.setCellValue(((Number) v).doubleValue());
                    cell.setCellStyle(total ? book.totalInteger : book.integer);
                } else if (v instanceof BigDecimal d) {
                    cell.setCellValue(d.doubleValue());
                    cell.setCellStyle(total ? book.totalPercent : book.percent);
                } else {
                    if (v instanceof LocalDate day) {
                        cell.setCellValue(day.toString());
                    } else if (v != null) {
                        cell.setCellValue(v.toString());
                    }
                    cell.setCellStyle(total ? book.totalText : book.text);
                }
            }
        }
    }
}
