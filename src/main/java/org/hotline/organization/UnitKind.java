package org.hotline.organization;

/** The two kinds of handling unit; an order may involve both. */
public enum UnitKind {
    /** 属地: a town, street office or park, responsible for everything in its area. */
    TERRITORIAL("属地"),
    /** 行业主管部门: a department responsible for one kind of matter across the district. */
    INDUSTRY("行业主管部门");

    private final String label;

    UnitKind(String label) {
        this.label = label;
    }

    /** The kind's name in Chinese, for records people read. */
    public String label() {
        return label;
    }
}
