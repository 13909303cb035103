package org.hotline.assessment.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hotline.assessment.EvidenceOrder;
import org.hotline.assessment.Indicator;
import org.hotline.organization.UnitId;

/**
 * The orders behind a case. While a range of days is recomputed, the facts that count against a unit are
 * kept as they stream past (each reader keeps its own, added up at the end), so that evaluating the months of
 * the range needs no second read; days outside the kept range are read from the records for the one unit
 * asked about.
 */
final class Evidence implements FactQueries.Sink {

    private record Kept(LocalDate day, EvidenceOrder order) {
    }

    private final FactQueries facts;
    private final LocalDate keptFrom;
    private final LocalDate keptTo;
    private final Set<Indicator> kept;
    private final Map<UnitId, List<Kept>> byUnit = new HashMap<>();

    /** Keeps the facts of {@code [from, to)} with one of the {@code kept} indicators. */
    Evidence(FactQueries facts, LocalDate from, LocalDate to, Set<Indicator> kept) {
        this.facts = facts;
        this.keptFrom = from;
        this.keptTo = to;
        this.kept = kept;
    }

    /** Keeps nothing: every question is answered from the records. */
    static Evidence none(FactQueries facts) {
        return new Evidence(facts, LocalDate.MIN, LocalDate.MIN, Set.of());
    }

    /** Adds the facts another reader kept for the same range. */
    void addAll(Evidence other) {
        other.byUnit.forEach((unit, k) -> byUnit.computeIfAbsent(unit, u -> new ArrayList<>()).addAll(k));
    }

    @Override
    public void fact(UnitId unit, LocalDate day, Instant at, String order, Indicator indicator) {
        if (kept.contains(indicator)) {
            byUnit.computeIfAbsent(unit, k -> new ArrayList<>()).add(new Kept(day, new EvidenceOrder(order, indicator,
                    at)));
        }
    }

    /** The unit's orders in {@code [from, to)} that moved one of {@code wanted}, oldest first. */
    List<EvidenceOrder> of(UnitId unit, LocalDate from, LocalDate to, Set<Indicator> wanted, Instant now) {
        List<EvidenceOrder> found = new ArrayList<>();
        if (kept.containsAll(wanted)) {
            LocalDate coveredFrom = max(from, keptFrom);
            LocalDate coveredTo = min(to, keptTo);
            if (coveredFrom.isBefore(coveredTo)) {
                for (Kept k : byUnit.getOrDefault(unit, List.of())) {
                    if (!k.day().isBefore(coveredFrom) && k.day().isBefore(coveredTo)
                            && wanted.contains(k.order().indicator())) {
                        found.add(k.order());
                    }
                }
                read(unit, from, min(to, coveredFrom), wanted, now, found);
                read(unit, max(from, coveredTo), to, wanted, now, found);
            } else {
                read(unit, from, to, wanted, now, found);
            }
        } else {
            read(unit, from, to, wanted, now, found);
        }
        found.sort(Comparator.comparing(EvidenceOrder::at).thenComparing(EvidenceOrder::orderNumber));
        return found;
    }

    private void read(UnitId unit, LocalDate from, LocalDate to, Set<Indicator> wanted, Instant now,
            List<EvidenceOrder> into) {
        if (!from.isBefore(to)) {
            return;
        }
        facts.read(unit, from, to, now, (u, day, at, order, indicator) -> {
            if (wanted.contains(indicator)) {
                into.add(new EvidenceOrder(order, indicator, at));
            }
        });
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
