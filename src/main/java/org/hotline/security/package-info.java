/**
 * Who may call what. HTTP Basic against the organisation's user accounts, and short-lived signed bearer
 * tokens exchanged for those credentials so that busy clients do not pay for a password hash on every
 * request. Resolves the current {@link org.hotline.organization.Actor} for any controller that declares
 * one, so other modules never depend on this one. Answers 401 and 403 as RFC 9457 problem details.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package org.hotline.security;
