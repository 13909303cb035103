package org.hotline.statistics;

import org.hotline.workorder.EmergencyService;
import org.hotline.workorder.ProperRoute;
import org.hotline.workorder.TriageOutcome;

/**
 * What became of the appeals registered in a period (分流): how many went the normal path to a unit, how many
 * were referred to each emergency service, told each proper channel, recorded invalid, or answered at intake
 * (from the knowledge base or not). {@code appeals} leaves the invalid calls out: they are no citizen appeals,
 * and the volume reports do not count them.
 */
public record TriageCounts(long registered, long appeals, long normalPath, long referred, long police, long fire,
        long ambulance, long traffic, long otherChannel, long litigation, long arbitration, long reconsideration,
        long petition, long discipline, long invalid, long answered, long answeredFromKnowledge) {

    public static final TriageCounts NONE = new TriageCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /**
     * The counts of {@code n} orders with one stored outcome: {@code outcome} null for the normal path;
     * {@code route} the service or route by name, or for an answer whether it came from the knowledge base.
     */
    public static TriageCounts of(TriageOutcome outcome, String route, long n) {
        long[] c = new long[17];
        c[0] = n;
        c[1] = outcome == TriageOutcome.INVALID ? 0 : n;
        if (outcome == null || outcome == TriageOutcome.DISPATCH) {
            c[2] = n;
        } else {
            switch (outcome) {
                case EMERGENCY -> {
                    c[3] = n;
                    EmergencyService s = route == null ? null : EmergencyService.of(route).orElse(null);
                    if (s != null) {
                        c[4 + s.ordinal()] = n;
                    }
                }
                case OTHER_CHANNEL -> {
                    c[8] = n;
                    for (ProperRoute r : ProperRoute.values()) {
                        if (r.name().equals(route)) {
                            c[9 + r.ordinal()] = n;
                        }
                    }
                }
                case INVALID -> c[14] = n;
                case KNOWLEDGE -> {
                    c[15] = n;
                    c[16] = route == null ? 0 : n;
                }
                default -> throw new IllegalStateException(outcome.name());
            }
        }
        return new TriageCounts(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], c[11], c[12],
                c[13], c[14], c[15], c[16]);
    }

    public TriageCounts plus(TriageCounts o) {
        return new TriageCounts(registered + o.registered, appeals + o.appeals, normalPath + o.normalPath,
                referred + o.referred, police + o.police, fire + o.fire, ambulance + o.ambulance, traffic + o.traffic,
                otherChannel + o.otherChannel, litigation + o.litigation, arbitration + o.arbitration,
                reconsideration + o.reconsideration, petition + o.petition, discipline + o.discipline,
                invalid + o.invalid, answered + o.answered, answeredFromKnowledge + o.answeredFromKnowledge);
    }

    /** The figures in column order, for tables: see {@link #HEADERS}. */
    public long[] figures() {
        return new long[] { registered, appeals, normalPath, referred, police, fire, ambulance, traffic, otherChannel,
                litigation, arbitration, reconsideration, petition, discipline, invalid, answered,
                answeredFromKnowledge };
    }

    /** The Chinese column headers of {@link #figures()}. */
    public static final String[] HEADERS = { "受理总数", "诉求量（不含无效）", "派单办理", "紧急转接", "转 110", "转 119",
            "转 120", "转 122", "告知其他途径", "诉讼", "仲裁", "行政复议", "信访", "纪检监察", "无效诉求", "直接答复",
            "其中知识库答复" };
}
