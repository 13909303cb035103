package org.hotline.console;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Controller;

/**
 * Marks a controller that renders console pages. Its pages get the layout's model (the viewer, the navigation
 * for their role, the formatting helpers). Its errors, like every error a browser asks a page for, are the
 * console's Chinese error page (the platform decides page or problem detail in one place,
 * {@link org.hotline.platform.Problems#wantsPage}), never a stack trace.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface ConsoleController {

    @AliasFor(annotation = Controller.class)
    String value() default "";
}
