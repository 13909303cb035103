package org.hotline.organization;

/**
 * One node of the three-level category taxonomy. {@code code} is stable (e.g. {@code 01.03.02}); level 1
 * is the broadest. {@code defaultUnit} is the industry department that usually owns this kind of matter
 * (null where only the territorial unit decides); it is inherited from the parent when not set.
 */
public record Category(String code, String name, int level, String parentCode, UnitId defaultUnit) {
}
