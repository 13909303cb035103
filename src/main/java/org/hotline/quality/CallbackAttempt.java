package org.hotline.quality;

import java.time.Instant;

/** One attempt to call the citizen about a reply; a retry is a new attempt, never a change to an old one. */
public record CallbackAttempt(int attempt, Instant at, String agent, CallResult result) {
}
