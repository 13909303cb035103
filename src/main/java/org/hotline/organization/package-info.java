/**
 * The organisation the hotline works in, as data: the center, the handling units (territorial units and
 * industry departments), the users and their roles, the three-level category taxonomy with the default unit
 * per category, and the address gazetteer. Loaded from a file at first start and edited by an admin.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organization")
package org.hotline.organization;
