package org.hotline.hotissue;

import java.time.LocalDate;

/** One measure of a tackling plan: what, by which unit, due when, and done when (null while open). */
public record Measure(int seq, String description, String unit, LocalDate due, LocalDate done) {

    public boolean isDone() {
        return done != null;
    }

    Measure doneOn(LocalDate day) {
        return new Measure(seq, description, unit, due, day);
    }
}
