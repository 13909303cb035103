package org.hotline.workorder;

/** How the appeal reached the hotline (渠道). */
public enum Channel {
    PHONE("电话"), WEB("网站"), APP("移动端"), PATROL("巡查上报"), OPEN311("Open311"), OTHER("其他");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
