package org.hotline.console;

/**
 * Where a clock stands, as every page shows it: in words and in colour (never colour alone). The words are
 * in messages.properties under {@code due.<NAME>}; the colour is the CSS class {@code due-<name>}.
 */
public enum DueState {
    /** 超期: the deadline has passed and the work is not done. Red. */
    OVERDUE,
    /** 临期: most of the time is used. Orange. */
    AT_RISK,
    /** 正常: time enough. Green. */
    ON_TRACK,
    /** 暂停: the clock stands still (a return under review). Grey. */
    PAUSED,
    /** 已完成: the step this clock was for is done. Grey. */
    DONE;

    /** The message key of the word shown. */
    public String key() {
        return "due." + name();
    }

    /** The CSS class of the colour shown. */
    public String css() {
        return "due-" + name().toLowerCase().replace('_', '-');
    }
}
