package org.hotline.knowledge;

/**
 * Where an entry stands between being written and being served. Only a published entry within its validity is
 * suggested to operators and shown to citizens; every other status is visible to the editors only.
 */
public enum EntryStatus {
    /** 草稿: being written; its proposers may still change it. */
    DRAFT("草稿"),
    /** 待审核: proposed for publication, waiting for a publisher who did not write it. */
    IN_REVIEW("待审核"),
    /** 已发布: served to operators and citizens while valid; read-only (a change is a new revision). */
    PUBLISHED("已发布"),
    /** 已停用: no longer served; kept with its history. */
    RETIRED("已停用");

    private final String label;

    EntryStatus(String label) {
        this.label = label;
    }

    /** The status as the console shows it. */
    public String label() {
        return label;
    }
}
