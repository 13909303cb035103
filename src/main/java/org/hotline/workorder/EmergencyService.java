package org.hotline.workorder;

import java.util.Optional;

/** The emergency services an emergency is referred to (紧急转接). The hotline never dispatches these itself. */
public enum EmergencyService {
    /** 110: crime in progress, people in danger, missing persons. */
    POLICE("110", "公安报警"),
    /** 119: fire, gas leaks, people trapped. */
    FIRE("119", "消防救援"),
    /** 120: medical emergencies. */
    AMBULANCE("120", "医疗急救"),
    /** 122: traffic accidents with injuries. */
    TRAFFIC("122", "交通事故报警");

    private final String number;
    private final String label;

    EmergencyService(String number, String label) {
        this.number = number;
        this.label = label;
    }

    /** The number the operator transfers the call to. */
    public String number() {
        return number;
    }

    public String label() {
        return label;
    }

    /** The service by its name or its number ("FIRE" or "119"). */
    public static Optional<EmergencyService> of(String nameOrNumber) {
        for (EmergencyService s : values()) {
            if (s.name().equals(nameOrNumber) || s.number.equals(nameOrNumber)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
