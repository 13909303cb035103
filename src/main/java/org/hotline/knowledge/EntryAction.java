package org.hotline.knowledge;

/** What happened to an entry, one line of its history each. */
public enum EntryAction {
    /** 新建: written by an editor, or made from a closed order's reply. */
    CREATED("新建"),
    /** 修改: a draft changed. */
    EDITED("修改"),
    /** 提交审核: proposed for publication. */
    SUBMITTED("提交审核"),
    /** 发布: approved by a publisher who did not write it. */
    PUBLISHED("发布"),
    /** 退回修改: sent back to draft by a publisher, with the reason. */
    SENT_BACK("退回修改"),
    /** 停用: no longer served, or replaced by its revision. */
    RETIRED("停用");

    private final String label;

    EntryAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
