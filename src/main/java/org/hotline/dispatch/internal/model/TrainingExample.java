package org.hotline.dispatch.internal.model;

/** One past order the model learns from: what was written, and where it belonged (category or unit). */
public record TrainingExample(String subject, String body, String label) {
}
