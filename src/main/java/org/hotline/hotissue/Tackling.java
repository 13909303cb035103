package org.hotline.hotissue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.hotline.organization.UnitId;
import org.hotline.workorder.Decision;

/**
 * The concentrated tackling (集中攻坚, 每月一题) of one hot issue. A supervisor <b>proposes</b> the issue with a
 * reason; the tackling meeting <b>chooses</b> it for a month; the center <b>assigns</b> a lead unit and any
 * co-units, which puts it in progress; the units add <b>measures</b> with due dates and mark them done; the lead
 * unit <b>reports the result</b>; the center <b>closes</b> it once every measure is done, or sends it back. A
 * closed tackling is <b>reopened</b> with a reason when the appeals come back. Success is measured by the volume
 * of appeals before it was chosen against the volume after the result, not by the closing itself.
 *
 * <p>Every action is a guarded method answering with a {@link Decision}; a refused one changes nothing. An
 * allowed one appends a line to {@link #history()}, which is never rewritten (the database refuses it too).
 * Time and the actor are always passed in.
 */
public final class Tackling {

    /** One line of the tackling's history: who did what, when, and the status before and after. */
    public record Entry(Instant at, String actor, String action, String detail, TacklingStatus before,
            TacklingStatus after) {
    }

    private final long issueId;
    private TacklingStatus status;
    private YearMonth month;
    private UnitId leadUnit;
    private List<UnitId> coUnits = List.of();
    private final List<Measure> measures = new ArrayList<>();
    private String result;
    private Instant chosenAt;
    private Instant resultAt;
    private final List<Entry> history = new ArrayList<>();

    private Tackling(long issueId) {
        this.issueId = issueId;
    }

    /** A supervisor puts a hot issue forward for tackling. */
    public static Tackling propose(long issueId, String reason, String actor, Instant at) {
        Tackling t = new Tackling(issueId);
        t.status = TacklingStatus.PROPOSED;
        t.history.add(new Entry(at, actor, "PROPOSE", reason, null, TacklingStatus.PROPOSED));
        return t;
    }

    /** Rebuilds a stored tackling (storage only). */
    public static Tackling restore(long issueId, TacklingStatus status, YearMonth month, UnitId leadUnit,
            List<UnitId> coUnits, List<Measure> measures, String result, Instant chosenAt, Instant resultAt,
            List<Entry> history) {
        Tackling t = new Tackling(issueId);
        t.status = status;
        t.month = month;
        t.leadUnit = leadUnit;
        t.coUnits = List.copyOf(coUnits);
        t.measures.addAll(measures);
        t.result = result;
        t.chosenAt = chosenAt;
        t.resultAt = resultAt;
        t.history.addAll(history);
        return t;
    }

    // ---- rules

    /** 选定: only a proposed issue is chosen, for a month. */
    public Decision choose(YearMonth forMonth, String actor, Instant at) {
        Objects.requireNonNull(forMonth);
        return Decision.firstRejection(() -> in("choose", TacklingStatus.PROPOSED)).ifAllowed(() -> {
            month = forMonth;
            chosenAt = at;
            move(TacklingStatus.CHOSEN, "CHOOSE", "选定为 " + forMonth + " 攻坚问题", actor, at);
        });
    }

    /** 明确责任单位: a lead unit is assigned once chosen, and may be changed until the result is reported. */
    public Decision assign(UnitId lead, List<UnitId> co, String actor, Instant at) {
        return Decision.firstRejection(
                () -> in("assign", TacklingStatus.CHOSEN, TacklingStatus.IN_PROGRESS),
                () -> co.contains(lead) ? Decision.rejected("lead-unit-is-co-unit", "牵头单位不能同时作为协同单位")
                        : Decision.allowed())
                .ifAllowed(() -> {
                    leadUnit = lead;
                    coUnits = List.copyOf(co);
                    move(TacklingStatus.IN_PROGRESS, "ASSIGN", "牵头单位 " + lead.value()
                            + (co.isEmpty() ? "" : "，协同单位 " + String.join("、", co.stream().map(UnitId::value)
                                    .toList())), actor, at);
                });
    }

    /** 制定措施: measures are added while the tackling is in progress, each with a due date. */
    public Decision addMeasure(String description, UnitId unit, LocalDate due, String actor, Instant at) {
        return Decision.firstRejection(
                () -> in("add a measure to", TacklingStatus.IN_PROGRESS),
                () -> unit.equals(leadUnit) || coUnits.contains(unit) ? Decision.allowed()
                        : Decision.rejected("measure-unit-not-involved", "措施的责任单位须为牵头或协同单位"))
                .ifAllowed(() -> {
                    Measure m = new Measure(measures.size() + 1, description, unit.value(), due, null);
                    measures.add(m);
                    record("ADD_MEASURE", "措施 " + m.seq() + "：" + description + "（" + unit.value() + "，" + due
                            + " 前完成）", actor, at);
                });
    }

    /** 措施完成: a measure is marked done once, while the tackling is in progress. */
    public Decision completeMeasure(int seq, LocalDate doneOn, String actor, Instant at) {
        return Decision.firstRejection(
                () -> in("complete a measure of", TacklingStatus.IN_PROGRESS),
                () -> seq < 1 || seq > measures.size()
                        ? Decision.rejected("no-such-measure", "没有第 " + seq + " 项措施")
                        : Decision.allowed(),
                () -> measures.get(seq - 1).isDone()
                        ? Decision.rejected("measure-already-done", "第 " + seq + " 项措施已完成")
                        : Decision.allowed())
                .ifAllowed(() -> {
                    measures.set(seq - 1, measures.get(seq - 1).doneOn(doneOn));
                    record("COMPLETE_MEASURE", "措施 " + seq + " 于 " + doneOn + " 完成", actor, at);
                });
    }

    /** 报告结果: the result is reported once at least one measure was carried out. */
    public Decision reportResult(String text, String actor, Instant at) {
        return Decision.firstRejection(
                () -> in("report the result of", TacklingStatus.IN_PROGRESS),
                () -> measures.stream().anyMatch(Measure::isDone) ? Decision.allowed()
                        : Decision.rejected("no-measure-done", "尚无已完成的措施，不能报告攻坚结果"))
                .ifAllowed(() -> {
                    result = text;
                    resultAt = at;
                    move(TacklingStatus.RESULT_REPORTED, "REPORT_RESULT", text, actor, at);
                });
    }

    /** 销号: closed only with a reported result and every measure done. */
    public Decision close(String note, String actor, Instant at) {
        return Decision.firstRejection(
                () -> in("close", TacklingStatus.RESULT_REPORTED),
                () -> measures.stream().allMatch(Measure::isDone) ? Decision.allowed()
                        : Decision.rejected("measures-open", "尚有未完成的措施，不能销号"))
                .ifAllowed(() -> move(TacklingStatus.CLOSED, "CLOSE", note, actor, at));
    }

    /** 退回: the center sends a reported result back to work, with a reason. */
    public Decision sendBack(String reason, String actor, Instant at) {
        return Decision.firstRejection(() -> in("send back", TacklingStatus.RESULT_REPORTED), () -> reasoned(reason))
                .ifAllowed(() -> move(TacklingStatus.IN_PROGRESS, "SEND_BACK", reason, actor, at));
    }

    /** 重新打开: a closed tackling is reopened with a reason, when the problem comes back. */
    public Decision reopen(String reason, String actor, Instant at) {
        return Decision.firstRejection(() -> in("reopen", TacklingStatus.CLOSED), () -> reasoned(reason))
                .ifAllowed(() -> {
                    result = null;
                    resultAt = null;
                    move(TacklingStatus.IN_PROGRESS, "REOPEN", reason, actor, at);
                });
    }

    private static Decision reasoned(String reason) {
        return reason == null || reason.isBlank() ? Decision.rejected("reason-required", "须说明理由")
                : Decision.allowed();
    }

    private Decision in(String action, TacklingStatus... allowed) {
        for (TacklingStatus s : allowed) {
            if (status == s) {
                return Decision.allowed();
            }
        }
        return Decision.rejected("tackling-status", "攻坚问题当前为「" + status.label() + "」，不能" + label(action));
    }

    private static String label(String action) {
        return switch (action) {
            case "choose" -> "选定";
            case "assign" -> "明确责任单位";
            case "add a measure to" -> "添加措施";
            case "complete a measure of" -> "完成措施";
            case "report the result of" -> "报告结果";
            case "close" -> "销号";
            case "send back" -> "退回";
            case "reopen" -> "重新打开";
            default -> action;
        };
    }

    private void move(TacklingStatus to, String action, String detail, String actor, Instant at) {
        TacklingStatus before = status;
        status = to;
        history.add(new Entry(at, actor, action, detail, before, to));
    }

    private void record(String action, String detail, String actor, Instant at) {
        history.add(new Entry(at, actor, action, detail, status, status));
    }

    // ---- state

    public long issueId() {
        return issueId;
    }

    public TacklingStatus status() {
        return status;
    }

    public YearMonth month() {
        return month;
    }

    public UnitId leadUnit() {
        return leadUnit;
    }

    public List<UnitId> coUnits() {
        return coUnits;
    }

    public List<Measure> measures() {
        return List.copyOf(measures);
    }

    public String result() {
        return result;
    }

    public Instant chosenAt() {
        return chosenAt;
    }

    public Instant resultAt() {
        return resultAt;
    }

    public List<Entry> history() {
        return List.copyOf(history);
    }
}
