package org.hotline.knowledge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.hotline.organization.UnitId;
import org.hotline.workorder.OrderNumber;

/**
 * One policy answer (知识条目): what a citizen asks about ({@code title}), the answer an operator gives or a
 * citizen reads, the policy it rests on (政策依据), the unit responsible for the matter, the days it is valid
 * (either end open), and keywords the editors add for the ways citizens put it. {@code sourceOrder} names the
 * closed order whose reply it was made from; {@code revises} the published entry it will replace when published.
 */
public record KnowledgeEntry(EntryId id, long version, String title, String answer, String policyBasis, UnitId unit,
        LocalDate validFrom, LocalDate validTo, List<String> keywords, EntryStatus status, OrderNumber sourceOrder,
        EntryId revises, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

    public KnowledgeEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(status, "status");
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }

    /** Whether the entry applies on {@code day}: after its start (if any) and before its end (if any). */
    public boolean isValidOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
    }

    /** Whether operators are offered it and citizens may read it on {@code day}. */
    public boolean isServedOn(LocalDate day) {
        return status == EntryStatus.PUBLISHED && isValidOn(day);
    }

    /** The same entry with another status, changed by {@code actor} at {@code now}. */
    public KnowledgeEntry withStatus(EntryStatus next, String actor, Instant now) {
        return new KnowledgeEntry(id, version, title, answer, policyBasis, unit, validFrom, validTo, keywords, next,
                sourceOrder, revises, createdAt, createdBy, now, actor);
    }
}
