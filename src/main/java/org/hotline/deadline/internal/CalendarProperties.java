package org.hotline.deadline.internal;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hotline.calendar.*}. {@code extra-dir} is an optional directory whose {@code *.yaml} files are
 * loaded after the shipped ones, so next year's holiday arrangement (published each November) can be put
 * in place without waiting for a release. When set, it must exist.
 */
@ConfigurationProperties("hotline.calendar")
record CalendarProperties(Path extraDir) {
}
