package org.hotline.organization.internal;

import org.hotline.organization.Category;

/** A category with whether operators may still choose it. */
record CategoryEntry(Category category, boolean active) {

    String code() {
        return category.code();
    }
}
