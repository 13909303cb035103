package org.hotline.workorder;

import java.time.Instant;

/**
 * A photo or document attached to an order, as other modules' pages list it (the file itself is served by the
 * order page, under the order's own visibility).
 */
public record Attachment(String id, String fileName, String contentType, long size, Instant uploadedAt,
        String uploadedBy) {
}
