package org.hotline.organization.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the organization module.
 *
 * @param file the organisation file loaded into an empty database at startup: a Spring resource location
 *             ({@code classpath:...}, {@code file:...}) or a plain filesystem path
 */
@ConfigurationProperties("hotline.organization")
record OrganizationProperties(@DefaultValue("classpath:organization/dongchangfu-demo.yaml") String file) {
}
