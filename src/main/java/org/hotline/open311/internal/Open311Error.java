package org.hotline.open311.internal;

/**
 * An answer from the specification's error list: the HTTP status is the error's {@code code}, the description says
 * in Chinese what is wrong and names the field where there is one. Thrown before anything is written.
 */
final class Open311Error extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    private Open311Error(int status, String description) {
        super(description);
        this.status = status;
    }

    int status() {
        return status;
    }

    /** 400: a field is missing or wrong; the description starts with the field's name. */
    static Open311Error badField(String field, String problem) {
        return new Open311Error(400, field + "：" + problem);
    }

    static Open311Error badRequest(String description) {
        return new Open311Error(400, description);
    }

    /** 403: the api_key is missing, unknown or revoked. */
    static Open311Error forbidden(String description) {
        return new Open311Error(403, description);
    }

    static Open311Error notFound(String description) {
        return new Open311Error(404, description);
    }

    static Open311Error methodNotAllowed(String method, String allowed) {
        return new Open311Error(405, "此地址不支持 " + method + " 方法，可用：" + allowed);
    }

    /** 429: the key filed more requests than its rate allows. */
    static Open311Error tooMany(String description) {
        return new Open311Error(429, description);
    }

    static Open311Error of(int status, String description) {
        return new Open311Error(status, description);
    }
}
