package org.hotline.webchannel.internal;

import static org.hotline.platform.DbTime.instant;

import java.time.Instant;
import java.util.Optional;

import org.hotline.platform.DbTime;
import org.hotline.webchannel.OneTimeCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The one-time codes sent, by challenge id (what the citizen's form carries between its two steps). */
@Component
class Challenges {

    record Challenge(String id, String phone, OneTimeCode code, Instant verifiedAt, String orderNumber) {
    }

    private final JdbcClient jdbc;

    Challenges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(String id, String phone, OneTimeCode code, Instant now) {
        jdbc.sql("""
                INSERT INTO web_appeal_challenge (id, phone, code_salt, code_hash, issued_at, expires_at, attempts)
                VALUES (:id, :phone, :salt, :hash, :now, :expires, 0)""")
                .param("id", id).param("phone", phone).param("salt", code.salt()).param("hash", code.hash())
                .param("now", DbTime.param(now)).param("expires", DbTime.param(code.expiresAt())).update();
    }

    Optional<Challenge> find(String id) {
        return jdbc.sql("SELECT * FROM web_appeal_challenge WHERE id = :id").param("id", id)
                .query((rs, i) -> new Challenge(rs.getString("id"), rs.getString("phone"),
                        new OneTimeCode(rs.getString("code_salt"), rs.getString("code_hash"),
                                instant(rs, "expires_at"), rs.getInt("attempts")),
                        instant(rs, "verified_at"), rs.getString("order_number")))
                .optional();
    }

    /**
     * Counts one try, if the code has tries left: concurrent tries each take one of the remaining tries, so a
     * guesser sending many at once gets no more than the allowance.
     */
    boolean takeTry(String id, int maxAttempts) {
        return jdbc.sql("UPDATE web_appeal_challenge SET attempts = attempts + 1 WHERE id = :id AND attempts < :max")
                .param("id", id).param("max", maxAttempts).update() == 1;
    }

    void verified(String id, Instant at) {
        jdbc.sql("UPDATE web_appeal_challenge SET verified_at = :at WHERE id = :id AND verified_at IS NULL")
                .param("at", DbTime.param(at)).param("id", id).update();
    }

    void filed(String id, String orderNumber) {
        jdbc.sql("UPDATE web_appeal_challenge SET order_number = :n WHERE id = :id").param("n", orderNumber)
                .param("id", id).update();
    }

    int sentTo(String phone, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM web_appeal_challenge WHERE phone = :phone AND issued_at > :since")
                .param("phone", phone).param("since", DbTime.param(since)).query(Integer.class).single();
    }
}
