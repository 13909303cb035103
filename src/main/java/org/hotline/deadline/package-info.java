/**
 * Deadlines on a working-day calendar: weekends, public holidays and make-up workdays (调休) as data, working
 * hours, and the hotline's default time limits. Pure arithmetic; what is overdue is derived by the callers
 * from these deadlines and an injected clock.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Deadline")
package org.hotline.deadline;
