package org.hotline.hotissue;

import java.time.Instant;
import java.util.Objects;

/**
 * What the grouping reads of one appeal: who raised it, when, its subject (an operator's summary or the
 * citizen's title, may be empty), its content and address, and the public support it has where the channel
 * shows likes and dislikes (0 elsewhere). {@code id} is the order number, or a message id for imported data.
 */
public record Appeal(String id, String citizen, Instant at, String subject, String content, String address, int likes,
        int dislikes) {

    public Appeal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        subject = subject == null ? "" : subject;
        content = content == null ? "" : content;
        address = address == null ? "" : address;
        citizen = citizen == null || citizen.isBlank() ? null : citizen;
        likes = Math.max(0, likes);
        dislikes = Math.max(0, dislikes);
    }

    /** An appeal without public support (telephone, app...). */
    public static Appeal of(String id, String citizen, Instant at, String subject, String content, String address) {
        return new Appeal(id, citizen, at, subject, content, address, 0, 0);
    }
}
