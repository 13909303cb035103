package org.hotline.quality;

import java.time.Instant;
import java.time.LocalDate;

import org.hotline.organization.UnitId;

/** The day's leader sample of a unit was drawn (the rows are in {@code leader_sample_draw} and {@code leader_sample}). */
public record LeaderSamplesDrawn(LocalDate day, UnitId unit, int repliedCount, int sampleSize, Instant at,
        Instant dueAt) {
}
