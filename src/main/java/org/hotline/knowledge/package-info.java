/**
 * The knowledge base (知识库): policy answers that operators find during a call and citizens can read. Entries
 * (title, answer, policy basis, unit, validity, keywords) are proposed, reviewed by a second person and
 * published; a closed order's good reply becomes a draft with one action. Chinese full-text search (Lucene with
 * jieba words, BM25) suggests published entries from an appeal's text as the operator types
 * ({@link org.hotline.knowledge.KnowledgeSuggestions}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge base")
package org.hotline.knowledge;
