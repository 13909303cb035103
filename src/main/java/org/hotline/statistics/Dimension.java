package org.hotline.statistics;

/** What a breakdown splits the orders by. The unit is the lead unit (主办单位), which owns the order. */
public enum Dimension {
    CATEGORY("分类"), UNIT("主办单位"), CHANNEL("渠道"), APPEAL_TYPE("诉求类型");

    private final String label;

    Dimension(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
