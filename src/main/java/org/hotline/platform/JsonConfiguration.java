package org.hotline.platform;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * How moments read in JSON: in the center's zone ({@code hotline.zone}) with its offset, e.g.
 * {@code 2026-12-04T09:30:00+08:00} rather than {@code 2026-12-04T01:30:00Z}, so that the people reading the API
 * see the hotline's own clock time and no client has to convert. The offset keeps every value an exact moment,
 * which any ISO-8601 reader parses back to the same instant. Only writing is configured here; how input is
 * read is not changed.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer instantsInTheCentersZone(
            @Value("${hotline.zone:Asia/Shanghai}") String zone) {
        InstantInZone serializer = new InstantInZone(ZoneId.of(zone));
        return builder -> builder.serializerByType(Instant.class, serializer);
    }

    /** An instant as the date and time in one zone, with that zone's offset at the moment. */
    static final class InstantInZone extends StdSerializer<Instant> {

        private final DateTimeFormatter format;

        InstantInZone(ZoneId zone) {
            super(Instant.class);
            this.format = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone);
        }

        @Override
        public void serialize(Instant value, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeString(format.format(value));
        }
    }
}
