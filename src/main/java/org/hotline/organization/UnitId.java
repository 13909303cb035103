package org.hotline.organization;

import java.util.Objects;

/** The stable code of a handling unit, e.g. {@code dcf-scjgj} for 区市场监督管理局. */
public record UnitId(String value) {

    public UnitId {
        Objects.requireNonNull(value, "unit id");
        if (value.isBlank()) {
            throw new IllegalArgumentException("unit id must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
