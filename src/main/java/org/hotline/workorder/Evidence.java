package org.hotline.workorder;

import org.hotline.workorder.internal.AttachmentFiles;

/**
 * A file a channel brings with an appeal (a citizen's photo from the web page, a field reporter's from the
 * patrol), checked as every upload is: taken for what its bytes are, and a photo without where it was taken.
 *
 * @param fileName the name shown to users
 * @param contentType the type its bytes were recognised as
 * @param data the bytes as stored (location metadata removed)
 */
public record Evidence(String fileName, String contentType, byte[] data) {

    /**
     * The upload in {@code field} as it may be stored, or an {@code InvalidInputException} naming the field: not a
     * photo (or PDF) by its bytes, unreadable, or a file name with control characters. Size limits are the
     * caller's: the servlet container's multipart limits, and the channel's own.
     */
    public static Evidence accept(String field, String clientName, byte[] data) {
        AttachmentFiles.Accepted accepted = AttachmentFiles.accept(field, clientName, data);
        return new Evidence(accepted.name(), accepted.contentType(), accepted.data());
    }

    /** Whether it is a photo (the web channel and the patrol take photos only, not documents). */
    public boolean isPhoto() {
        return contentType.startsWith("image/");
    }
}
