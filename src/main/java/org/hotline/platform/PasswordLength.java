package org.hotline.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A password the hasher can read whole: at most {@value #MAX_BYTES} bytes in UTF-8. bcrypt reads no more than
 * 72 bytes, and a Chinese character takes three, so "at most 72 characters" let 72 Chinese characters (216 bytes)
 * through to a hasher that refused them (a 500). Put on every request field that carries a password, where one is
 * set and where one is checked (signing).
 */
@Documented
@Constraint(validatedBy = PasswordLength.Check.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface PasswordLength {

    int MAX_BYTES = 72;

    String message() default "密码不能超过 72 个字节（UTF-8 编码：一个汉字占 3 个字节，字母和数字占 1 个）";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The validator behind the annotation. */
    class Check implements ConstraintValidator<PasswordLength, CharSequence> {

        /** Whether the password, if any, fits the hasher. */
        public static boolean fits(CharSequence password) {
            return password == null || password.toString().getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return fits(value);
        }
    }
}
