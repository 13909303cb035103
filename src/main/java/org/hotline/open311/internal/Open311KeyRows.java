package org.hotline.open311.internal;

import java.time.Instant;

/** What the key page's templates show ({@link Open311KeyPages}): public, for the template engine to read. */
public final class Open311KeyRows {

    private Open311KeyRows() {
    }

    /**
     * One key: never its secret, only its last four characters behind a mask; with the requests filed with it and
     * the last one (null: never used).
     */
    public record KeyRow(long id, String name, String clientApplication, String masked, int ratePerMinute,
            Instant createdAt, String createdBy, boolean active, Instant revokedAt, String revokedBy, long requests,
            Instant lastUsed) {

        static KeyRow of(ApiKeys.Listed l) {
            ApiKeys.ApiKey k = l.key();
            return new KeyRow(k.id(), k.name(), k.clientApplication(), k.masked(), k.ratePerMinute(), k.createdAt(),
                    k.createdBy(), k.active(), k.revokedAt(), k.revokedBy(), l.requests(), l.lastUsed());
        }
    }

    /** One line of the administrators' audit about keys. */
    public record AuditRow(Instant at, String actor, String action, String keyId, String detail) {
    }
}
