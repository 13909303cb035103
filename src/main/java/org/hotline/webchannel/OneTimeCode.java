package org.hotline.webchannel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * 短信验证码: a six-digit code that proves the citizen holds the phone they give. Only its salted hash is kept, it
 * expires after a few minutes, and a code can be tried a few times only: six digits are a million guesses, and a
 * handful of tries per code (with a limited number of codes per phone and per client) makes guessing hopeless.
 *
 * @param salt random per code, so that equal codes do not hash alike
 * @param hash SHA-256 of salt and code
 * @param expiresAt after this moment the code is refused however right it is
 * @param attempts tries made so far, the right one included
 */
public record OneTimeCode(String salt, String hash, Instant expiresAt, int attempts) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new code: the digits to send (never stored) and what is kept. */
    public record Issued(String digits, OneTimeCode code) {
    }

    /** What a try says. */
    public enum Check {
        /** 正确. */
        RIGHT(null),
        /** 错误: the digits do not match (the try counts). */
        WRONG("验证码不正确，请核对短信中的 6 位数字"),
        /** 已过期. */
        EXPIRED("验证码已过期，请重新获取"),
        /** 次数用完: this code takes no more tries, right or wrong. */
        NO_TRIES_LEFT("验证码输入错误次数过多，请重新获取");

        private final String reason;

        Check(String reason) {
            this.reason = reason;
        }

        /** What the citizen reads (null when right). */
        public String reason() {
            return reason;
        }
    }

    public static Issued issue(Instant now, Duration validFor) {
        String digits = String.format("%06d", RANDOM.nextInt(1_000_000));
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        String s = HexFormat.of().formatHex(salt);
        return new Issued(digits, new OneTimeCode(s, hash(s, digits), now.plus(validFor), 0));
    }

    /**
     * The answer to one more try of {@code digits} at {@code now}, when {@code maxAttempts} tries are allowed. An
     * expired code or one whose tries are used up answers so without looking at the digits.
     */
    public Check check(String digits, Instant now, int maxAttempts) {
        if (!now.isBefore(expiresAt)) {
            return Check.EXPIRED;
        }
        if (attempts >= maxAttempts) {
            return Check.NO_TRIES_LEFT;
        }
        return matches(digits) ? Check.RIGHT : Check.WRONG;
    }

    /** Whether the digits are this code's (in constant time). */
    public boolean matches(String digits) {
        return digits != null && MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII),
                hash(salt, digits).getBytes(StandardCharsets.US_ASCII));
    }

    /** The code after one more try. */
    public OneTimeCode tried() {
        return new OneTimeCode(salt, hash, expiresAt, attempts + 1);
    }

    static String hash(String salt, String digits) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((salt + ":" + digits).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
