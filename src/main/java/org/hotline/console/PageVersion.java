package org.hotline.console;

import org.hotline.platform.InvalidInputException;

/**
 * The version of an order a console page showed, sent back with its form: the action then applies only if nobody
 * changed the order meanwhile, as an If-Match header does for the API. A form without one acts on whatever is
 * current, like a call without If-Match.
 */
public final class PageVersion {

    private PageVersion() {
    }

    public static Long parse(String version) {
        if (version == null || version.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(version.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("version", "页面版本无效，请刷新页面后重试");
        }
    }
}
