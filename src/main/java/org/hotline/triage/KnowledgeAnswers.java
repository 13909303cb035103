package org.hotline.triage;

import java.util.List;

/**
 * Where the knowledge base (知识库) plugs into triage. For an inquiry, triage asks for the entries that may
 * answer it and suggests answering at intake (直接答复) when the best scores at least the rules' knowledge
 * threshold ({@code thresholds.knowledge} in {@code triage/rules.yaml}, 0.6); below it the entries are still shown.
 * The operator reads the answer out and the order records the entry ({@code triage.knowledgeEntry} of the
 * registration). Without an implementation, triage never suggests a knowledge answer.
 *
 * <p>Called on the operator's thread as they type and once per registration, so it must answer in a few
 * milliseconds and never throw for any text; it writes nothing. The score is the knowledge base's own confidence
 * that the entry answers the appeal (not a raw search score): an entry that only shares a word or two with the
 * appeal should score low.
 */
public interface KnowledgeAnswers {

    /** The entries that may answer {@code text}, best first, at most {@code limit}; empty when none fits. */
    List<KnowledgeCandidate> candidates(String text, int limit);
}
