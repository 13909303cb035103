package org.hotline.triage.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.hotline.triage.TriageRules;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the triage rules from YAML: the shipped {@code triage/rules.yaml}, or a file an administrator keeps
 * ({@code hotline.triage.rules-file}). A rule set that does not hold together (an unknown field or list, a target
 * that is no service, route or reason) stops the start with the reason, rather than triaging with half of it.
 */
public final class RulesFile {

    public static final String SHIPPED = "triage/rules.yaml";

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private RulesFile() {
    }

    /** The rules shipped with the application. */
    public static TriageRules shipped() {
        try (InputStream in = RulesFile.class.getClassLoader().getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException(SHIPPED + " is missing from the classpath");
            }
            return YAML.readValue(in, TriageRules.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SHIPPED + ": " + e.getMessage(), e);
        }
    }

    /** The rules in {@code file}, or the shipped ones when {@code file} is null. */
    public static TriageRules read(Path file) {
        if (file == null) {
            return shipped();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return YAML.readValue(in, TriageRules.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the triage rules " + file + ": " + e.getMessage(), e);
        }
    }
}
