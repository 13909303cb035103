package org.hotline.knowledge;

import java.util.List;

/**
 * What the knowledge base offers for an appeal's text: the published entries valid today that answer it best,
 * best first. The operator's intake form asks as the operator types ({@code POST /api/v1/knowledge/suggest});
 * triage may ask whether an inquiry is one the knowledge base answers.
 *
 * <p>{@link KnowledgeSuggestion#coverage()} is the share of the appeal's telling words (weighed by rarity) that
 * the entry contains, 0 to 1, comparable across appeals unlike the raw score. On the real messages and replies
 * the right entry was first for about 8 appeals in 10 (README, "Knowledge base"); a caller that acts without a
 * person (closing an inquiry at intake) should still let the operator confirm the answer.
 */
public interface KnowledgeSuggestions {

    /** The most suggestions one call returns. */
    int MAX = 10;

    /**
     * At most {@code limit} (1 to {@link #MAX}) published entries valid today for the text; empty when nothing
     * in the text matches any entry. Never throws for any text: blank text has no suggestions.
     */
    List<KnowledgeSuggestion> suggest(String appealText, int limit);
}
