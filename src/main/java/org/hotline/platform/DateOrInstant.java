package org.hotline.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An {@link java.time.Instant} request parameter that takes a date as well as a timestamp with offset, read by
 * {@link TimeParameters#instant(String, String, TimeParameters.Edge, java.time.ZoneId)} in {@code hotline.zone}:
 * {@code from=2026-12-01} is the start of that day, {@code to=2026-12-01} the end of it.
 */
@Target({ ElementType.PARAMETER, ElementType.FIELD })
@Retention(RetentionPolicy.RUNTIME)
public @interface DateOrInstant {

    /** What a date stands for: the start of the day (a range's start) or its end (a range's exclusive end). */
    TimeParameters.Edge value();
}
