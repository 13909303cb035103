package org.hotline.platform;

import java.io.DataInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * How JSON request bodies are read: strictly, and only at the edge (the application's own ObjectMapper, which
 * also reads what the hotline stored itself, is left as it is).
 *
 * <ul>
 * <li>One document per body: content after it ({@code {...}{...}}, {@code {...} 1}) is refused, not ignored.</li>
 * <li>A key given twice in one object is refused: which value would count is a guess, and for records it was a
 * 500.</li>
 * <li>Every string and key passes {@link TextChecks} (no NUL, no other control characters but tab and line
 * breaks, no lone surrogates), so that what is stored is the same on H2 and PostgreSQL.</li>
 * <li>Dates and moments are read by {@link TimeParameters}, within its sane range.</li>
 * </ul>
 * Each refusal names the field by its path ({@code citizen.name}, {@code coUnits[1]}).
 */
@Configuration(proxyBeanMethods = false)
class JsonBodies {

    @Bean
    MappingJackson2HttpMessageConverter mappingJackson2HttpMessageConverter(ObjectMapper objectMapper) {
        SimpleModule dates = new SimpleModule("hotline-request-dates");
        dates.addDeserializer(LocalDate.class, new StdScalarDeserializer<LocalDate>(LocalDate.class) {
            @Override
            public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                if (!p.hasToken(JsonToken.VALUE_STRING)) {
                    return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
                }
                return TimeParameters.date(null, p.getText());
            }
        });
        dates.addDeserializer(Instant.class, new StdScalarDeserializer<Instant>(Instant.class) {
            @Override
            public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                if (!p.hasToken(JsonToken.VALUE_STRING)) {
                    return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
                }
                return TimeParameters.instant(null, p.getText());
            }
        });
        ObjectMapper edge = objectMapper.copyWith(new CheckedJsonFactory(objectMapper.getFactory()))
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .registerModule(dates);
        return new MappingJackson2HttpMessageConverter(edge);
    }

    /** A refusal found while parsing: the field's path and the problem, in Chinese. */
    static final class JsonInputProblem extends JsonParseException {

        private final String field;
        private final String problem;

        JsonInputProblem(JsonParser p, String field, String problem) {
            super(p, field + ": " + problem);
            this.field = field;
            this.problem = problem;
        }

        String field() {
            return field;
        }

        String problem() {
            return problem;
        }
    }

    /** Creates {@link CheckedParser}s around the parsers Jackson would create. */
    static final class CheckedJsonFactory extends JsonFactory {

        private static final long serialVersionUID = 1L;

        CheckedJsonFactory(JsonFactory source) {
            super(source, null);
        }

        @Override
        public JsonFactory copy() {
            return new CheckedJsonFactory(this);
        }

        @Override
        protected JsonParser _createParser(InputStream in, IOContext ctxt) throws IOException {
            return new CheckedParser(super._createParser(in, ctxt));
        }

        @Override
        protected JsonParser _createParser(Reader r, IOContext ctxt) throws IOException {
            return new CheckedParser(super._createParser(r, ctxt));
        }

        @Override
        protected JsonParser _createParser(char[] data, int offset, int len, IOContext ctxt, boolean recyclable)
                throws IOException {
            return new CheckedParser(super._createParser(data, offset, len, ctxt, recyclable));
        }

        @Override
        protected JsonParser _createParser(byte[] data, int offset, int len, IOContext ctxt) throws IOException {
            return new CheckedParser(super._createParser(data, offset, len, ctxt));
        }

        @Override
        protected JsonParser _createParser(DataInput input, IOContext ctxt) throws IOException {
            return new CheckedParser(super._createParser(input, ctxt));
        }
    }

    /**
     * Checks each token as it is read: strings and keys for bad characters, keys for duplicates, the stream for
     * content after the first document. Every way of advancing ({@code nextFieldName}, {@code nextTextValue},
     * {@code skipChildren}, ...) goes through {@link #nextToken()}, so nothing passes unchecked.
     */
    static final class CheckedParser extends JsonParserDelegate {

        private final Deque<Set<String>> keys = new ArrayDeque<>();
        private int depth;
        private boolean documentRead;

        CheckedParser(JsonParser parser) {
            super(parser);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token;
            try {
                token = delegate.nextToken();
            } catch (JsonParseException e) {
                if (documentRead) {
                    throw trailing();
                }
                throw e;
            }
            if (token == null) {
                return null;
            }
            if (documentRead) {
                throw trailing();
            }
            switch (token) {
                case START_OBJECT -> {
                    keys.push(new HashSet<>());
                    depth++;
                }
                case START_ARRAY -> depth++;
                case END_OBJECT -> {
                    keys.pop();
                    depth--;
                }
                case END_ARRAY -> depth--;
                case FIELD_NAME -> {
                    String name = delegate.currentName();
                    String problem = TextChecks.problem(name);
                    if (problem != null) {
                        throw new JsonInputProblem(this, path(delegate.getParsingContext().getParent()),
                                "字段名" + problem);
                    }
                    if (!keys.peek().add(name)) {
                        throw new JsonInputProblem(this, path(delegate.getParsingContext()), "字段重复出现");
                    }
                }
                case VALUE_STRING -> {
                    String problem = TextChecks.problem(delegate.getText());
                    if (problem != null) {
                        throw new JsonInputProblem(this, path(delegate.getParsingContext()), problem);
                    }
                }
                default -> {
                    // numbers, booleans and null need no check
                }
            }
            if (depth == 0 && token != JsonToken.FIELD_NAME) {
                documentRead = true;
            }
            return token;
        }

        @Override
        public JsonToken nextValue() throws IOException {
            JsonToken t = nextToken();
            return t == JsonToken.FIELD_NAME ? nextToken() : t;
        }

        @Override
        public JsonParser skipChildren() throws IOException {
            if (currentToken() != JsonToken.START_OBJECT && currentToken() != JsonToken.START_ARRAY) {
                return this;
            }
            int open = 1;
            while (open > 0) {
                JsonToken t = nextToken();
                if (t == null) {
                    return this;
                }
                if (t.isStructStart()) {
                    open++;
                } else if (t.isStructEnd()) {
                    open--;
                }
            }
            return this;
        }

        private JsonInputProblem trailing() {
            return new JsonInputProblem(this, "body", "JSON 文档结束后还有多余的内容，请求体只能是一个 JSON 文档");
        }

        /** The path of the current value: {@code citizen.name}, {@code coUnits[1]}; "body" for the root. */
        private static String path(JsonStreamContext context) {
            StringBuilder path = new StringBuilder();
            for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
                String part = c.inArray() ? "[" + c.getCurrentIndex() + "]"
                        : c.getCurrentName() == null ? "" : c.getCurrentName();
                if (path.length() > 0 && path.charAt(0) != '[') {
                    path.insert(0, '.');
                }
                path.insert(0, part);
            }
            return path.length() == 0 ? "body" : path.toString();
        }
    }
}
