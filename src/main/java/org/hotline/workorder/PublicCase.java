package org.hotline.workorder;

import java.time.Instant;

/**
 * What a citizen may learn about their own order by its number and the last four digits of their phone: where
 * it stands in plain terms, when it was registered, when the reply is due, and the public reply. Nothing
 * internal: no unit notes, no staff, no other citizen, no history, not even their own name or number. Made only
 * by {@link WorkOrder#forCitizen()}, so that whatever shows it cannot show more.
 */
public record PublicCase(OrderNumber number, Stage stage, Instant registeredAt, Instant replyDueBy,
        String publicReply, Instant repliedAt) {

    /** The order's status as a citizen needs it: the center's inner steps (a return under review) are handling. */
    public enum Stage {
        /** 已受理: registered, waiting to be dispatched. */
        RECEIVED,
        /** 办理中: with a unit. */
        HANDLING,
        /** 已答复: the unit replied; the center checks and calls back. */
        REPLIED,
        /** 已办结 */
        CLOSED,
        /** 已合并办理: handled together with an earlier appeal about the same matter. */
        MERGED;

        static Stage of(OrderStatus status) {
            return switch (status) {
                case REGISTERED -> RECEIVED;
                case DISPATCHED, IN_PROGRESS, RETURN_REQUESTED -> HANDLING;
                case REPLIED -> REPLIED;
                case CLOSED -> CLOSED;
                case MERGED -> MERGED;
            };
        }
    }
}
