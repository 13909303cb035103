/**
 * Patrol reports (巡查上报): field reporters (巡查员: village police assistants, grid workers, each of a town) report
 * what they find on their daily rounds, from a phone page and through the REST API. A report is information only
 * (logged and counted) or needs action (it becomes a work order on channel PATROL, dispatched like any other).
 * Reporters have a daily and a monthly quota ({@link org.hotline.patrol.PatrolQuota}); the console and the API
 * show each town's reporters with their counts, shortfalls and ranking, and
 * {@link org.hotline.patrol.PatrolService#coverage} gives the town's patrol coverage for a month, the figure the
 * assessment can count.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Patrol")
package org.hotline.patrol;
