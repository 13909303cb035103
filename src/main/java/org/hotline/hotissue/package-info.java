/**
 * Hot issues (热点问题) and concentrated tackling (集中攻坚, 每月一题): appeals that describe the same problem at the
 * same place are grouped into one hot issue as they arrive; each hot issue has a heat a supervisor can read
 * part by part; the units' recurring problems are chosen for tackling, and a tackled issue goes through its own
 * lifecycle (proposed, chosen, owned, measures, result, closed or reopened) with an append-only history.
 *
 * <p>The grouping, the heat and the tackling rules are plain Java in this package; storage, the queue that
 * attaches new orders, REST and pages live in {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Hot issues")
package org.hotline.hotissue;
