package org.hotline.webchannel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The one-time code's rules on their own: hashed, right only until it expires, and only for a few tries. */
class AOneTimeCodeExpiresAndTakesOnlyAFewTriesTest {

    private final Instant issuedAt = Instant.parse("2026-12-01T02:00:00Z");
    private final OneTimeCode.Issued issued = OneTimeCode.issue(issuedAt, Duration.ofMinutes(5));

    @Test
    void onlyTheSaltedHashIsKeptNeverTheDigits() {
        assertThat(issued.digits()).matches("\\d{6}");
        assertThat(issued.code().hash()).hasSize(64).doesNotContain(issued.digits());
        OneTimeCode other = OneTimeCode.issue(issuedAt, Duration.ofMinutes(5)).code();
        assertThat(OneTimeCode.hash(other.salt(), issued.digits())).as("another salt, another hash")
                .isNotEqualTo(issued.code().hash());
    }

    @Test
    void theRightDigitsWithinTheTimeAreRight() {
        assertThat(issued.code().check(issued.digits(), issuedAt.plus(Duration.ofMinutes(4)), 5))
                .isEqualTo(OneTimeCode.Check.RIGHT);
    }

    @Test
    void otherDigitsAreWrong() {
        String wrong = issued.digits().equals("000000") ? "000001" : "000000";
        assertThat(issued.code().check(wrong, issuedAt, 5)).isEqualTo(OneTimeCode.Check.WRONG);
    }

    @Test
    void aCodeExpiresAfterItsTimeHoweverRightTheDigits() {
        assertThat(issued.code().check(issued.digits(), issuedAt.plus(Duration.ofMinutes(5)), 5))
                .isEqualTo(OneTimeCode.Check.EXPIRED);
    }

    @Test
    void afterItsLastTryACodeTakesNoMoreEvenTheRightDigits() {
        OneTimeCode tried = issued.code();
        for (int i = 0; i < 5; i++) {
            tried = tried.tried();
        }
        assertThat(tried.check(issued.digits(), issuedAt, 5)).isEqualTo(OneTimeCode.Check.NO_TRIES_LEFT);
        assertThat(tried.tried().attempts()).isEqualTo(6);
    }
}
