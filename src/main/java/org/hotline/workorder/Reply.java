package org.hotline.workorder;

import java.time.Instant;

import org.hotline.organization.UnitId;

/**
 * The lead unit's reply (答复): what it did and the result. The public reply is what the citizen hears; the
 * internal note stays inside the platform. An order that is redone gets a new reply, so an order can have
 * several, numbered in order.
 */
public record Reply(int seq, UnitId unit, String repliedBy, Instant at, ReplyOutcome outcome, String publicReply,
        String actionsTaken, String internalNote, boolean citizenContacted) {
}
