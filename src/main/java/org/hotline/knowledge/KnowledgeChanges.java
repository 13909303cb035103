package org.hotline.knowledge;

/**
 * The topic of {@link org.hotline.platform.ChangeSignals} raised whenever an entry changes: every instance's
 * search index follows it.
 */
public final class KnowledgeChanges {

    public static final String ENTRIES = "knowledge.entries";

    private KnowledgeChanges() {
    }
}
