package org.hotline.assessment.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hotline.assessment.AccountabilityCase;
import org.hotline.assessment.RankedUnit;
import org.hotline.assessment.ScoreCard;
import org.hotline.assessment.ScoringRules;
import org.springframework.web.util.HtmlUtils;

/**
 * The bulletin as an Excel workbook (Apache POI) and as a printable HTML page, both in Chinese for the
 * people who circulate it. Both show what {@link Bulletins.Bulletin} holds and nothing more, so no
 * citizen's details can slip into them.
 */
final class BulletinExports {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private BulletinExports() {
    }

    static String title(Bulletins.Bulletin b) {
        return "%d年%d月 12345 热线承办单位考核通报".formatted(b.month().getYear(), b.month().getMonthValue());
    }

    // ---------------------------------------------------------------- Excel

    static byte[] xlsx(Bulletins.Bulletin b) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);

            Sheet ranking = book.createSheet("红榜与末位");
            int r = 0;
            r = row(ranking, r, bold, title(b));
            r = row(ranking, r, null, rules(b.rules()));
            for (Bulletins.GroupLists g : b.groups()) {
                r++;
                r = row(ranking, r, bold, g.group().label() + "（参与排名 " + g.ranked() + " 个单位）");
                r = row(ranking, r, bold, "榜单", "名次", "单位", "综合得分", "响应率", "解决率", "满意率", "答复件数", "超期件数");
                for (RankedUnit u : g.top()) {
                    r = unitRow(ranking, r, "红榜", u);
                }
                for (RankedUnit u : g.bottom()) {
                    r = unitRow(ranking, r, "末位", u);
                }
            }
            orderSheet(b, book.createSheet("超期工单"), bold, "超期工单（共 " + b.overdue().total() + " 件）",
                    List.of("工单编号", "承办单位", "诉求分类", "办理期限", "答复时间"), b.overdue(), true);
            orderSheet(b, book.createSheet("重办工单"), bold, "重办工单（共 " + b.redone().total() + " 件）",
                    List.of("工单编号", "承办单位", "诉求分类", "最近重办时间", "本月重办次数"), b.redone(), false);
            Sheet cases = book.createSheet("问责事项");
            int c = row(cases, 0, bold, "编号", "单位", "类型", "月份", "状态", "事由");
            for (AccountabilityCase ac : b.cases()) {
                c = row(cases, c, null, String.valueOf(ac.id()), ac.unitName(), ac.kind().label(),
                        ac.month().toString(), ac.status().label(), ac.reason());
            }
            for (Sheet s : List.of(ranking, book.getSheet("超期工单"), book.getSheet("重办工单"), cases)) {
                for (int i = 0; i < 9; i++) {
                    s.setColumnWidth(i, 20 * 256);
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void orderSheet(Bulletins.Bulletin b, Sheet sheet, CellStyle bold, String heading, List<String> columns,
            Bulletins.OrderList list, boolean overdue) {
        int r = row(sheet, 0, bold, heading);
        r = row(sheet, r, bold, columns.toArray(String[]::new));
        for (Bulletins.BulletinOrder o : list.orders()) {
            r = row(sheet, r, null, o.number(), o.unitName(), o.category(), time(o.at(), b),
                    overdue ? (o.repliedAt() == null ? "未答复" : time(o.repliedAt(), b)) : String.valueOf(o.redos()));
        }
        if (list.total() > list.orders().size()) {
            row(sheet, r, null, "另有 " + (list.total() - list.orders().size()) + " 件未列出");
        }
    }

    private static int unitRow(Sheet sheet, int r, String list, RankedUnit u) {
        ScoreCard card = u.unit().card();
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(list);
        row.createCell(1).setCellValue(u.rank());
        row.createCell(2).setCellValue(u.unit().unitName());
        row.createCell(3).setCellValue(card.publishedScore().doubleValue());
        row.createCell(4).setCellValue(percent(card.responseRate()));
        row.createCell(5).setCellValue(percent(card.resolutionRate()));
        row.createCell(6).setCellValue(percent(card.satisfactionRate()));
        row.createCell(7).setCellValue(card.facts().count(org.hotline.assessment.Indicator.REPLIED));
        row.createCell(8).setCellValue(card.facts().count(org.hotline.assessment.Indicator.OVERDUE));
        return r + 1;
    }

    private static int row(Sheet sheet, int r, CellStyle style, String... values) {
        Row row = sheet.createRow(r);
        for (int i = 0; i < values.length; i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(values[i]);
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
        return r + 1;
    }

    // ---------------------------------------------------------------- printable HTML

    static String html(Bulletins.Bulletin b) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("""
                <!DOCTYPE html>
                <html lang="zh-CN"><head><meta charset="utf-8"><title>%s</title>
                <style>
                  body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; margin: 2em; color: #000; }
                  h1 { text-align: center; font-size: 20pt; }
                  h2 { font-size: 14pt; margin-top: 1.5em; }
                  table { border-collapse: collapse; width: 100%%; margin: .5em 0; font-size: 10.5pt; }
                  th, td { border: 1px solid #000; padding: 3px 6px; text-align: left; }
                  th { background: #eee; }
                  td.n { text-align: right; }
                  .note { font-size: 10pt; color: #333; }
                  @page { size: A4; margin: 18mm 15mm; }
                  @media print {
                    body { margin: 0; }
                    h2 { page-break-after: avoid; }
                    tr { page-break-inside: avoid; }
                    thead { display: table-header-group; }
                  }
                </style></head><body>
                """.formatted(esc(title(b))));
        h.append("<h1>").append(esc(title(b))).append("</h1>\n");
        h.append("<p class=\"note\">生成时间：").append(esc(time(b.generatedAt(), b)))
                .append("。").append(esc(rules(b.rules()))).append("</p>\n");

        h.append("<h2>一、考核排名（红榜与末位）</h2>\n");
        for (Bulletins.GroupLists g : b.groups()) {
            h.append("<h3>").append(esc(g.group().label())).append("（参与排名 ").append(g.ranked())
                    .append(" 个单位）</h3>\n");
            h.append("<table><thead><tr><th>榜单</th><th>名次</th><th>单位</th><th>综合得分</th><th>响应率</th>")
                    .append("<th>解决率</th><th>满意率</th><th>答复件数</th><th>超期件数</th></tr></thead><tbody>\n");
            for (RankedUnit u : g.top()) {
                unitRow(h, "红榜", u);
            }
            for (RankedUnit u : g.bottom()) {
                unitRow(h, "末位", u);
            }
            if (g.top().isEmpty() && g.bottom().isEmpty()) {
                h.append("<tr><td colspan=\"9\">本月无参与排名的单位</td></tr>\n");
            }
            h.append("</tbody></table>\n");
        }

        h.append("<h2>二、超期工单（共 ").append(b.overdue().total()).append(" 件）</h2>\n");
        orderTable(h, b, b.overdue(), "办理期限", "答复时间", true);
        h.append("<h2>三、重办工单（共 ").append(b.redone().total()).append(" 件）</h2>\n");
        orderTable(h, b, b.redone(), "最近重办时间", "本月重办次数", false);

        h.append("<h2>四、问责事项</h2>\n");
        if (b.cases().isEmpty()) {
            h.append("<p>本月无问责事项。</p>\n");
        } else {
            h.append("<table><thead><tr><th>编号</th><th>单位</th><th>类型</th><th>状态</th><th>事由</th></tr>")
                    .append("</thead><tbody>\n");
            for (AccountabilityCase c : b.cases()) {
                h.append("<tr><td>").append(c.id()).append("</td><td>").append(esc(c.unitName()))
                        .append("</td><td>").append(esc(c.kind().label())).append("</td><td>")
                        .append(esc(c.status().label())).append("</td><td>").append(esc(c.reason()))
                        .append("</td></tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void unitRow(StringBuilder h, String list, RankedUnit u) {
        ScoreCard card = u.unit().card();
        h.append("<tr><td>").append(list).append("</td><td class=\"n\">").append(u.rank())
                .append("</td><td>").append(esc(u.unit().unitName())).append("</td><td class=\"n\">")
                .append(card.publishedScore()).append("</td><td class=\"n\">")
                .append(percent(card.responseRate())).append("</td><td class=\"n\">")
                .append(percent(card.resolutionRate())).append("</td><td class=\"n\">")
                .append(percent(card.satisfactionRate())).append("</td><td class=\"n\">")
                .append(card.facts().count(org.hotline.assessment.Indicator.REPLIED)).append("</td><td class=\"n\">")
                .append(card.facts().count(org.hotline.assessment.Indicator.OVERDUE)).append("</td></tr>\n");
    }

    private static void orderTable(StringBuilder h, Bulletins.Bulletin b, Bulletins.OrderList list, String atHeading,
            String lastHeading, boolean overdue) {
        if (list.orders().isEmpty()) {
            h.append("<p>无。</p>\n");
            return;
        }
        h.append("<table><thead><tr><th>工单编号</th><th>承办单位</th><th>诉求分类</th><th>").append(atHeading)
                .append("</th><th>").append(lastHeading).append("</th></tr></thead><tbody>\n");
        for (Bulletins.BulletinOrder o : list.orders()) {
            h.append("<tr><td>").append(esc(o.number())).append("</td><td>").append(esc(o.unitName()))
                    .append("</td><td>").append(esc(o.category())).append("</td><td>")
                    .append(esc(time(o.at(), b))).append("</td><td>")
                    .append(overdue ? esc(o.repliedAt() == null ? "未答复" : time(o.repliedAt(), b))
                            : String.valueOf(o.redos()))
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
        if (list.total() > list.orders().size()) {
            h.append("<p class=\"note\">另有 ").append(list.total() - list.orders().size()).append(" 件未列出。</p>\n");
        }
    }

    // ---------------------------------------------------------------- text

    static String rules(ScoringRules r) {
        return ("综合得分 = 响应率×%s%% + 解决率×%s%% + 满意率×%s%%（基本满意按满意的 %s 计），每件超期扣 %s 分，每次协办不配合扣 %s 分，每件一把手抽访未按时完成扣 %s 分，每件低质量答复扣 %s 分"
                + (r.patrolShortfallPenalty() > 0 ? "，属地镇街巡查缺报按缺报比例扣分（全部缺报扣 %s 分）" : "%s")
                + "；同分依次比较满意率、解决率、答复件数。")
                .formatted(num(r.responseWeight()), num(r.resolutionWeight()), num(r.satisfactionWeight()),
                        num(r.basicallySatisfiedCredit()), num(r.overduePenalty()), num(r.nonCooperationPenalty()),
                        num(r.missedSamplePenalty()), num(r.lowQualityReplyPenalty()),
                        r.patrolShortfallPenalty() > 0 ? num(r.patrolShortfallPenalty()) : "");
    }

    static String percent(Double rate) {
        return rate == null ? "—" : String.format(Locale.ROOT, "%.2f%%", rate * 100);
    }

    private static String num(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private static String time(Instant t, Bulletins.Bulletin b) {
        return t == null ? "" : MINUTE.format(t.atZone(b.zone()));
    }

    private static String esc(String s) {
        return s == null ? "" : HtmlUtils.htmlEscape(s, "UTF-8");
    }
}
