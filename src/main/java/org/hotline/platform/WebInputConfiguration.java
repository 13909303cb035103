package org.hotline.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.AnnotationFormatterFactory;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.format.Parser;
import org.springframework.format.Printer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * How request parameters and headers are read before a controller sees them: dates and moments through
 * {@link TimeParameters} (one reading for every endpoint), and the text checks of {@link RequestChecks}.
 */
@Configuration(proxyBeanMethods = false)
class WebInputConfiguration implements WebMvcConfigurer {

    private final ZoneId zone;

    WebInputConfiguration(@Value("${hotline.zone:Asia/Shanghai}") String zone) {
        this.zone = ZoneId.of(zone);
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldAnnotation(new DateOrInstantFormatters(zone));
        // A LocalDate parameter without further annotation: a date in the sane range.
        registry.addFormatterForFieldType(LocalDate.class, new Formatter<LocalDate>() {
            @Override
            public LocalDate parse(String text, Locale locale) {
                return TimeParameters.date(null, text);
            }

            @Override
            public String print(LocalDate date, Locale locale) {
                return date.toString();
            }
        });
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // not on the error page, which must answer whatever the request carried
        registry.addInterceptor(new RequestChecks()).excludePathPatterns("/error");
    }

    /** Reads {@code @DateOrInstant Instant} parameters; the parameter's name is added by the error handler. */
    record DateOrInstantFormatters(ZoneId zone) implements AnnotationFormatterFactory<DateOrInstant> {

        @Override
        public Set<Class<?>> getFieldTypes() {
            return Set.of(Instant.class);
        }

        @Override
        public Printer<?> getPrinter(DateOrInstant annotation, Class<?> fieldType) {
            return (Printer<Instant>) (instant, locale) -> instant.toString();
        }

        @Override
        public Parser<?> getParser(DateOrInstant annotation, Class<?> fieldType) {
            return (Parser<Instant>) (text, locale) -> TimeParameters.instant(null, text, annotation.value(), zone);
        }
    }
}
