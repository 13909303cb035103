package org.hotline.platform;

/** The caller is known but their role or unit may not do this. Becomes a 403 problem detail. */
public class ForbiddenException extends RuntimeException {

    private final String code;

    public ForbiddenException(String code, String reason) {
        super(reason);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
