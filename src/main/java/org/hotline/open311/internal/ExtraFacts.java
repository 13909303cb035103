package org.hotline.open311.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The extra facts a category asks for when it is filed through Open311: its service definition's attributes, from
 * {@code hotline.open311.extra-facts} (the shipped {@code open311/extra-facts.yaml} by default). Checked at start:
 * codes and keys are ASCII, lists have values, datatypes are the specification's six.
 */
@Component
class ExtraFacts {

    /** What a form key may carry: clients build {@code attribute[code]} keys and some parse them as ASCII. */
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    static final Set<String> DATATYPES = Set.of("string", "number", "datetime", "text", "singlevaluelist",
            "multivaluelist");

    record Choice(String key, String name) {
    }

    record Attribute(String code, String datatype, boolean required, String description, List<Choice> values) {

        Attribute {
            values = values == null ? List.of() : List.copyOf(values);
        }

        boolean isList() {
            return datatype.endsWith("valuelist");
        }

        String nameOf(String key) {
            return values.stream().filter(v -> v.key().equals(key)).map(Choice::name).findFirst().orElse(key);
        }
    }

    private final Map<String, List<Attribute>> byCategory;

    @org.springframework.beans.factory.annotation.Autowired
    ExtraFacts(@Value("${hotline.open311.extra-facts:classpath:open311/extra-facts.yaml}") Resource file)
            throws IOException {
        try (InputStream in = file.getInputStream()) {
            Map<String, List<Attribute>> read = new YAMLMapper().readValue(in, new TypeReference<>() {
            });
            this.byCategory = check(read == null ? Map.of() : read, file.getDescription());
        }
    }

    private ExtraFacts(Map<String, List<Attribute>> byCategory, String source) {
        this.byCategory = check(byCategory, source);
    }

    /** Facts given directly (tests). */
    static ExtraFacts of(Map<String, List<Attribute>> byCategory) {
        return new ExtraFacts(byCategory, "extra facts");
    }

    /** The attributes the category asks for, in order; none for most. */
    List<Attribute> of(String categoryCode) {
        return categoryCode == null ? List.of() : byCategory.getOrDefault(categoryCode, List.of());
    }

    private static Map<String, List<Attribute>> check(Map<String, List<Attribute>> read, String source) {
        Map<String, List<Attribute>> checked = new LinkedHashMap<>();
        read.forEach((category, attributes) -> {
            for (Attribute a : attributes) {
                String where = source + ", " + category + ": ";
                if (a.code() == null || !CODE.matcher(a.code()).matches()) {
                    throw new IllegalStateException(where + "attribute code must be ASCII letters, digits, _ . -: "
                            + a.code());
                }
                if (!DATATYPES.contains(a.datatype())) {
                    throw new IllegalStateException(where + a.code() + " has datatype " + a.datatype()
                            + ", not one of " + DATATYPES);
                }
                if (a.isList() != !a.values().isEmpty()) {
                    throw new IllegalStateException(where + a.code() + ": lists and only lists have values");
                }
                for (Choice c : a.values()) {
                    if (c.key() == null || !CODE.matcher(c.key()).matches() || c.name() == null) {
                        throw new IllegalStateException(where + a.code() + ": a value needs an ASCII key and a name");
                    }
                }
                if (a.description() == null || a.description().isBlank()) {
                    throw new IllegalStateException(where + a.code() + " needs a description");
                }
            }
            checked.put(category, List.copyOf(attributes));
        });
        return Map.copyOf(checked);
    }
}
