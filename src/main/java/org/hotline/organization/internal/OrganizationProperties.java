package org.hotline.organization.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the organization module.
 *
 * @param file     the organisation file loaded into an empty database at startup: a Spring resource
 *                 location ({@code classpath:...}, {@code file:...}) or a plain filesystem path
 * @param cacheTtl how long units, categories and places are served from memory before being read again;
 *                 short, because another instance on the same database may have changed them
 */
@ConfigurationProperties("hotline.organization")
record OrganizationProperties(
        @DefaultValue("classpath:organization/dongchangfu-demo.yaml") String file,
        @DefaultValue("30s") Duration cacheTtl) {
}
