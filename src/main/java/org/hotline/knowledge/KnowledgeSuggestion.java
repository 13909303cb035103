package org.hotline.knowledge;

import java.util.List;

import org.hotline.organization.UnitId;

/**
 * One suggested entry: what it says, how well it matched ({@code score}: BM25, comparable within one appeal's
 * suggestions; {@code coverage}: see {@link KnowledgeSuggestions}), the appeal's words it contains (whole words,
 * most telling first), and its title and the best part of its answer as HTML-escaped text with those words in
 * {@code <mark>}.
 */
public record KnowledgeSuggestion(KnowledgeEntry entry, double score, double coverage, List<String> matchedWords,
        String titleMarked, String snippetMarked) {
}
