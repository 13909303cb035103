/**
 * The citizens' web channel (市民网上诉求): a public page, phone-sized first, where a citizen files an appeal
 * with a confirmed phone number ({@link org.hotline.webchannel.OneTimeCode}), an address from a form, and photos
 * from the phone's camera. Each appeal becomes an ordinary work order on channel WEB, dispatched by the AI like
 * any other; its progress is the existing case lookup's ({@code /cases}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web channel")
package org.hotline.webchannel;
