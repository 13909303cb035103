package org.hotline.platform;

/**
 * The thing asked for does not exist, or the caller may not know that it exists (another unit's order).
 * Becomes a 404 problem detail.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
