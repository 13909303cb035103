package org.hotline.knowledge.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.hotline.knowledge.HistoryLine;
import org.hotline.knowledge.KnowledgeEntry;
import org.hotline.knowledge.KnowledgeSuggestion;
import org.hotline.organization.UnitId;
import org.hotline.organization.Units;

/**
 * What the knowledge API answers. Marked texts ({@code titleMarked}, {@code snippetMarked}) are HTML-escaped with
 * the matched words in {@code <mark>}: a page inserts them as they are. Citizens get {@link PublicEntryView}s:
 * the answer and its basis, nothing about who wrote it or where it came from.
 */
final class KnowledgeViews {

    private KnowledgeViews() {
    }

    record UnitView(String id, String name) {
    }

    /** An entry as the center sees it. {@code servedToday}: offered to operators and citizens today. */
    record EntryView(long id, long version, String title, String answer, String policyBasis, UnitView unit,
            LocalDate validFrom, LocalDate validTo, List<String> keywords, String status, String statusLabel,
            boolean servedToday, String sourceOrder, Long revises, Instant createdAt, String createdBy,
            Instant updatedAt, String updatedBy) {
    }

    /** One entry of a list or search; score, matched words and marks only when it answers a search. */
    record FoundView(long id, String title, String status, String statusLabel, UnitView unit, LocalDate validFrom,
            LocalDate validTo, Instant updatedAt, Double score, List<String> matchedWords, String titleMarked,
            String snippetMarked) {
    }

    record PageView<T>(List<T> items, long total, int page, int size) {
    }

    /** A suggestion for the appeal being typed. */
    record SuggestionView(long id, String title, String answer, String policyBasis, UnitView unit, double score,
            double coverage, List<String> matchedWords, String titleMarked, String snippetMarked) {
    }

    record SuggestionsView(List<SuggestionView> suggestions) {
    }

    record HistoryView(int seq, Instant at, String actor, String action, String actionLabel, String statusBefore,
            String statusAfter, long version, String changed, String note) {
    }

    /** An entry as citizens read it. */
    record PublicEntryView(long id, String title, String answer, String policyBasis, String unitName,
            LocalDate validFrom, LocalDate validTo, List<String> keywords) {
    }

    record PublicFoundView(long id, String title, String unitName, String titleMarked, String snippetMarked) {
    }

    static EntryView entry(KnowledgeEntry e, LocalDate today, Units units) {
        return new EntryView(e.id().value(), e.version(), e.title(), e.answer(), e.policyBasis(), unit(e.unit(), units),
                e.validFrom(), e.validTo(), e.keywords(), e.status().name(), e.status().label(), e.isServedOn(today),
                e.sourceOrder() == null ? null : e.sourceOrder().value(), e.revises() == null ? null : e.revises().value(),
                e.createdAt(), e.createdBy(), e.updatedAt(), e.updatedBy());
    }

    static FoundView found(KnowledgeBase.Found f, Units units) {
        KnowledgeEntry e = f.entry();
        Highlighting plain = new Highlighting();
        return new FoundView(e.id().value(), e.title(), e.status().name(), e.status().label(), unit(e.unit(), units),
                e.validFrom(), e.validTo(), e.updatedAt(), f.score(), f.matchedWords(),
                f.titleMarked() != null ? f.titleMarked() : plain.title(e.title(), List.of()),
                f.snippetMarked() != null ? f.snippetMarked() : plain.snippet(e.answer(), List.of()));
    }

    static SuggestionView suggestion(KnowledgeSuggestion s, Units units) {
        KnowledgeEntry e = s.entry();
        return new SuggestionView(e.id().value(), e.title(), e.answer(), e.policyBasis(), unit(e.unit(), units),
                round(s.score()), round(s.coverage()), s.matchedWords(), s.titleMarked(), s.snippetMarked());
    }

    static HistoryView history(HistoryLine l) {
        return new HistoryView(l.seq(), l.at(), l.actor(), l.action().name(), l.action().label(),
                l.statusBefore() == null ? null : l.statusBefore().name(), l.statusAfter().name(), l.version(),
                l.changed(), l.note());
    }

    static PublicEntryView publicEntry(KnowledgeEntry e, Units units) {
        UnitView unit = unit(e.unit(), units);
        return new PublicEntryView(e.id().value(), e.title(), e.answer(), e.policyBasis(),
                unit == null ? null : unit.name(), e.validFrom(), e.validTo(), e.keywords());
    }

    static PublicFoundView publicFound(KnowledgeBase.Found f, Units units) {
        FoundView v = found(f, units);
        return new PublicFoundView(v.id(), v.title(), v.unit() == null ? null : v.unit().name(), v.titleMarked(),
                v.snippetMarked());
    }

    private static UnitView unit(UnitId id, Units units) {
        if (id == null) {
            return null;
        }
        return new UnitView(id.value(), units.find(id).map(u -> u.name()).orElse(id.value()));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
