package org.hotline.workorder;

/** Why a call was recorded as invalid (无效诉求): it carries no appeal to handle. */
public enum InvalidReason {
    /** 骚扰: the caller harasses the operators or occupies the line. */
    HARASSMENT("骚扰热线"),
    /** 辱骂: abuse with no matter raised. */
    ABUSE("辱骂"),
    /** 无声: nobody spoke, or the caller hung up at once. */
    SILENT("无声电话"),
    /** 测试: a test call or a test entry. */
    TEST("测试"),
    /** 恶作剧: a prank, a child playing with the phone. */
    PRANK("恶作剧"),
    /** 打错: the caller meant another number. */
    WRONG_NUMBER("打错电话"),
    /** 无意义: no readable content at all. */
    GIBBERISH("无意义内容");

    private final String label;

    InvalidReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
