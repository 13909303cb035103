package org.hotline.dispatch.internal.learning;

import java.nio.charset.Charset;
import java.util.Objects;

/**
 * Which column of a history file holds what, by header name (case and surrounding spaces ignored). The
 * defaults are the shared data's columns. The body of a row is {@code body} where present, else subject and
 * {@code detail} together, else the pre-segmented {@code tokens}. {@code time} is optional and kept as when
 * the order happened.
 */
record ColumnMapping(String label, String subject, String body, String detail, String tokens, String time,
        Charset charset) {

    static ColumnMapping defaults() {
        return new ColumnMapping("label", "subject", "text", "detail", "tokens", "time",
                java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The defaults with the given columns replaced where not null or blank. */
    ColumnMapping with(String label, String subject, String body, String detail, String tokens, String time,
            Charset charset) {
        return new ColumnMapping(or(label, this.label), or(subject, this.subject), or(body, this.body),
                or(detail, this.detail), or(tokens, this.tokens), or(time, this.time),
                Objects.requireNonNullElse(charset, this.charset));
    }

    private static String or(String given, String fallback) {
        return given == null || given.isBlank() ? fallback : given.strip();
    }
}
