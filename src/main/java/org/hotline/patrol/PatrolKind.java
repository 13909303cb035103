package org.hotline.patrol;

/** What a patrol report is about. */
public enum PatrolKind {
    /** 光伏设备: solar panels and their wiring on roofs and fields. */
    SOLAR_EQUIPMENT("光伏设备"),
    /** 大棚: greenhouses (structure, heating, fire risk). */
    GREENHOUSE("大棚"),
    /** 机井开关: irrigation well switches and their boxes. */
    WELL_SWITCH("机井开关"),
    /** 安全隐患: any other hazard to people. */
    SAFETY_HAZARD("安全隐患"),
    /** 矛盾纠纷: disputes between neighbours, families, villagers. */
    DISPUTE("矛盾纠纷"),
    /** 其他. */
    OTHER("其他");

    private final String label;

    PatrolKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
