package org.hotline.quality;

import java.time.Instant;

import org.hotline.organization.Role;

/** One review decision (审核意见): who decided which level of which reply, when, and why. Never changed. */
public record ReviewDecision(int seq, ReviewLevel level, boolean approved, String reviewer, String reviewerName,
        Role reviewerRole, String reviewerUnit, Instant at, String reason) {
}
