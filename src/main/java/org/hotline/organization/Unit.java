package org.hotline.organization;

/**
 * A handling unit (承办单位). {@code active} is false for a unit that has been dissolved or merged: its old
 * orders keep pointing at it, new orders cannot be sent to it.
 */
public record Unit(UnitId id, String name, UnitKind kind, boolean active) {
}
