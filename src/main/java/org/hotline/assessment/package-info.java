/**
 * Assessment (考核): how well each handling unit did, day by day and month by month. The daily assessment
 * (日考核) counts what the records show (orders received, acknowledged and replied on time, returns, redos,
 * callbacks, co-handling, leader sampling, overdue orders), the composite score turns a period's counts into
 * points, the monthly ranking (排名) orders the units within their group, a unit in the bottom three two
 * months running gets an accountability case (问责), and the monthly bulletin (通报) publishes it all.
 *
 * <p>The rules here are plain Java; reading the records, storing the scores, the nightly job and the REST API
 * are in {@code internal}. The module only reads the work orders' tables and the quality module's contract
 * tables (V7); it never changes an order.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assessment")
package org.hotline.assessment;
