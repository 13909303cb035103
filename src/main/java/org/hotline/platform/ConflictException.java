package org.hotline.platform;

/**
 * The request is well formed but the current state refuses it: a business rule said no, or another user
 * changed the same thing first. Becomes a 409 problem detail with a stable {@code code} and a reason the
 * user can read.
 */
public class ConflictException extends RuntimeException {

    private final String code;

    public ConflictException(String code, String reason) {
        super(reason);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
