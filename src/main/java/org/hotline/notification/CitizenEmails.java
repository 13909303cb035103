package org.hotline.notification;

import java.util.Optional;

import org.hotline.workorder.OrderNumber;

/**
 * Where the citizen behind an order asked to be written to by e-mail. A channel that collects an address (Open311's
 * {@code email}) provides a bean of this; the notifications ask every one of them, so that this module needs to know
 * no channel. An order of a channel that collects none has none.
 */
public interface CitizenEmails {

    /** The citizen's e-mail address for the order, if its channel collected one. */
    Optional<String> addressFor(OrderNumber order);
}
