package org.hotline.workorder;

/** What the citizen asks for (诉求类型). Only an inquiry may be answered and closed at intake. */
public enum AppealType {
    INQUIRY("咨询"), HELP_REQUEST("求助"), COMPLAINT("投诉"), REPORT("举报"), SUGGESTION("建议");

    private final String label;

    AppealType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
