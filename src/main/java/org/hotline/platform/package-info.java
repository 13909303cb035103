/**
 * Cross-cutting infrastructure every module may use: RFC 9457 problem details, the injected clock,
 * the database lock that keeps scheduled jobs to one instance, the signals that tell every instance that
 * admin-edited data changed. No business rules live here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.hotline.platform;
