/**
 * The work order (工单) and its whole lifecycle: register, dispatch, acknowledge, return, joint handling,
 * extension, supervision, merge, reply, redo, close. The {@link org.hotline.workorder.WorkOrder} aggregate
 * owns every state change; other modules send signals through {@link org.hotline.workorder.WorkOrderService}
 * and listen to the events it publishes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Work order")
package org.hotline.workorder;
