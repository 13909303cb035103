/**
 * Reading the administrators' audit (操作审计): every change made to the organisation, the dispatch settings and
 * models, the Open311 keys, the assessment and the leader sampling, as {@link org.hotline.platform.AdminAudit}
 * records it in the change's own transaction. Administrators and the center's director read it, newest first,
 * by period, person, kind of object and action: on the console ({@code /console/admin/audit}) and through the API
 * ({@code GET /api/v1/admin/audit}). The writing stays where each change is made; this module only reads.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Administration audit")
package org.hotline.audit;
