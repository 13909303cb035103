/**
 * The console's shared web layer (工作台): the layout and its fragments, the login page and the landing page of
 * each role, navigation per role, formatting for Chinese readers (times in the hotline's zone, grouped numbers,
 * time left in working time), one way to show field errors and rule rejections, and HTML error pages.
 *
 * <p>The pages themselves live in the modules that own their data, as adapters beside their REST controllers
 * (e.g. {@code workorder.internal.OrderPages}), marked {@link org.hotline.console.ConsoleController}: they call
 * the same services and never decide a rule. This module depends only on the platform and the organisation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Console")
package org.hotline.console;
