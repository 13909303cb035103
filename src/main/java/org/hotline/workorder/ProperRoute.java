package org.hotline.workorder;

/**
 * The proper channel (法定途径) for a matter already in a procedure of its own, which the hotline may not replace
 * or interfere with: the citizen is told where it belongs, and the order is closed with that explanation.
 */
public enum ProperRoute {
    /** 诉讼: a case filed with, heard or decided by a court, or its enforcement. */
    LITIGATION("诉讼", "人民法院"),
    /** 仲裁: labour or commercial arbitration applied for or decided. */
    ARBITRATION("仲裁", "仲裁委员会"),
    /** 行政复议: administrative reconsideration applied for or decided. */
    RECONSIDERATION("行政复议", "行政复议机关"),
    /** 信访: a petition matter accepted or decided under the petition regulations (复查、复核). */
    PETITION("信访", "信访工作机构"),
    /** 纪检监察: reports of officials' corruption or breaches of discipline. */
    DISCIPLINE("纪检监察", "纪委监委");

    private final String label;
    private final String body;

    ProperRoute(String label, String body) {
        this.label = label;
        this.body = body;
    }

    public String label() {
        return label;
    }

    /** The body that deals with it. */
    public String body() {
        return body;
    }
}
