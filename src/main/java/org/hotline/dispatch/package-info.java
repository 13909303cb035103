/**
 * AI dispatch (智能派单): every new order gets a category, a lead unit, its territorial unit and any co-units a
 * routing rule calls for, in well under a millisecond, learned from the hotline's own past orders. Confident
 * answers dispatch the order at once; unsure ones go to a human dispatcher with ranked suggestions and the
 * words behind them. Every correction a dispatcher makes becomes a training example for the next model.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dispatch")
package org.hotline.dispatch;
