package org.hotline.platform;

/**
 * Input a user can fix: names the field and says what is wrong with it. Becomes a 400 problem detail.
 * Thrown before anything is written, so nothing changes.
 */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String problem) {
        super(problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
