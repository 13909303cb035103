/**
 * The quality loop (质量闭环): what happens to a reply before the order may close. The reply is reviewed (审核)
 * at up to three levels, then the center calls the citizen back (回访); a rejected or unsatisfying reply goes
 * back to the unit for redo, and one that keeps failing after two redos goes to a supervisor instead. Each day
 * every unit's leader personally calls back a random tenth of the orders the unit replied (一把手抽访) and
 * signs the result. The callbacks and the leaders' samples are what the assessment scores units on.
 *
 * <p>The rules are plain Java in this package; storage, REST and timers live in {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Quality")
package org.hotline.quality;
