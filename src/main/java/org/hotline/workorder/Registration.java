package org.hotline.workorder;

import java.time.Instant;

/**
 * What was recorded when the appeal came in (受理): the channel, the kind of appeal, the citizen, their words,
 * the place, the urgency, and when and by whom it was registered. None of it changes afterwards; the category,
 * which dispatch may correct, lives on the order.
 */
public record Registration(Channel channel, AppealType appealType, Citizen citizen, String content,
        Location location, Urgency urgency, Instant at, String by) {

    public Registration {
        location = location == null ? Location.none() : location;
    }
}
