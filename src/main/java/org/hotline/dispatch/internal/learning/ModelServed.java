package org.hotline.dispatch.internal.learning;

/**
 * This instance has started serving {@code version} of the dispatch model: the first one trained, one an
 * admin activated (a switch or a rollback), or one activated on another instance and picked up by the poll.
 */
public record ModelServed(int version) {
}
