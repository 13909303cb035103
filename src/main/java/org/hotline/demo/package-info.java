/**
 * Demo data for a first look at the platform: a handful of work orders, written by the hotline project (not
 * taken from any real case), in every stage of the lifecycle. Only loaded into an empty database when
 * {@code hotline.demo.enabled=true}, the default for the embedded database.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package org.hotline.demo;
