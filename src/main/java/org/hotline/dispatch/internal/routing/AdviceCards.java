package org.hotline.dispatch.internal.routing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.hotline.console.MarkedText;
import org.hotline.dispatch.DispatchAdvice;
import org.hotline.dispatch.UnitSuggestion;
import org.hotline.organization.Categories;
import org.hotline.organization.Category;
import org.hotline.organization.Unit;
import org.hotline.organization.UnitId;
import org.hotline.organization.Units;
import org.springframework.stereotype.Component;

/**
 * The dispatch advice as the console's pages show it (the intake screen's live suggestion, the dispatcher's
 * queue): names beside ids, the ranked options with the words behind each, and the text with those words
 * marked. The one place where pages read {@link DispatchAdvice} and the stored records, so that a change of the
 * advice's shape is met here and nowhere in the templates.
 */
@Component
class AdviceCards {

    /** A unit or a category, by id and by the name people read. */
    record Ref(String id, String name) {
    }

    /**
     * One ranked option: what "accept suggestion N" dispatches. {@code lead} is null when routing found none
     * or a rule wants a person ({@code manualReason} says why): such an option cannot be accepted as it is.
     */
    record Option(int rank, Ref lead, List<Ref> coUnits, Ref category, double probability, List<String> evidence,
            String rule, String manualReason, List<Chance> categories) {

        public boolean acceptable() {
            return lead != null;
        }

        /** The confidence as people read it: 93%. */
        public String percent() {
            return AdviceCards.percent(probability);
        }

        public List<String> coUnitIds() {
            return coUnits.stream().map(Ref::id).toList();
        }
    }

    /**
     * A whole advice: the best option's category, lead and co-units, the territorial unit the address points at
     * (and the words that matched it), the top confidence, whether it would go without a person and, when not,
     * why; then every option in rank order.
     */
    record Card(Ref category, Ref lead, Ref territorial, List<Ref> coUnits, double confidence, boolean automatic,
            String manualReason, String placeMatch, List<Option> options, List<String> evidence, String modelVersion) {

        public String percent() {
            return AdviceCards.percent(confidence);
        }

        /** 高 (at least 80%), 中 (50% and more), 低: the word beside the figure. */
        public String level() {
            return confidence >= 0.8 ? "high" : confidence >= 0.5 ? "medium" : "low";
        }

        public boolean hasOptions() {
            return !options.isEmpty();
        }
    }

    /** A category behind a ranked unit, with the model's probability for it. */
    record Chance(Ref category, double probability) {

        public String percent() {
            return AdviceCards.percent(probability);
        }
    }

    /** A piece of text, marked when it is one of the words behind the suggestion. */
    record Segment(String text, boolean marked) {
    }

    private final Units units;
    private final Categories categories;

    AdviceCards(Units units, Categories categories) {
        this.units = units;
        this.categories = categories;
    }

    /** A fresh advice (the intake screen's, as the operator types). */
    Card of(DispatchAdvice a) {
        List<Option> options = new ArrayList<>();
        int rank = 1;
        for (UnitSuggestion s : a.suggestions()) {
            options.add(new Option(rank++, unit(s.leadUnit()), units(s.coUnits().stream().map(UnitId::value).toList()),
                    category(s.categoryCode()), s.probability(), s.evidence(), s.rule(), s.manualReason(),
                    s.categories().stream().map(c -> new Chance(category(c.label()), c.probability())).toList()));
        }
        return new Card(category(a.categoryCode()), unit(a.lead()), unit(a.territorialUnit()),
                units(a.coUnits().stream().map(UnitId::value).toList()), a.confidence(), a.automatic(),
                a.manualReason(), a.place() == null ? null : a.place().describe(), options,
                options.isEmpty() ? List.of() : options.get(0).evidence(), a.modelVersion());
    }

    /** The advice stored at intake (or renewed since) for an order in the manual queue. */
    Card of(DispatchRecords.Stored s) {
        List<Option> options = new ArrayList<>();
        int rank = 1;
        for (DispatchRecords.StoredSuggestion x : s.suggestions()) {
            options.add(new Option(rank++, unit(x.leadUnit()), units(x.coUnits()), category(x.categoryCode()),
                    x.probability(), x.evidence(), x.rule(), x.manualReason(),
                    x.categories().stream().map(c -> new Chance(category(c.code()), c.probability())).toList()));
        }
        // a record from before unit-level dispatch has only the top category's confidence
        double confidence = s.unitConfidence() != null ? s.unitConfidence() : s.confidence();
        return new Card(category(s.categoryCode()), unit(s.suggestedLead()), unit(s.territorialUnit()),
                units(s.suggestedCoUnits()), confidence, s.automatic(), s.manualReason(), s.placeMatch(), options,
                options.isEmpty() ? List.of() : options.get(0).evidence(), s.modelVersion());
    }

    /**
     * {@code text} cut into pieces, the occurrences of {@code words} marked (latin letters regardless of case;
     * overlapping occurrences make one mark). The template writes each piece as text, so the citizen's words are
     * never read as markup.
     */
    static List<Segment> highlight(String text, Collection<String> words) {
        return MarkedText.of(text, words).stream().map(s -> new Segment(s.text(), s.marked())).toList();
    }

    static String percent(double p) {
        return Math.round(Math.max(0, Math.min(1, p)) * 100) + "%";
    }

    Ref unit(UnitId id) {
        return id == null ? null : unit(id.value());
    }

    private Ref unit(String id) {
        if (id == null) {
            return null;
        }
        return new Ref(id, units.find(new UnitId(id)).map(Unit::name).orElse(id));
    }

    private List<Ref> units(List<String> ids) {
        return ids == null ? List.of() : ids.stream().map(this::unit).toList();
    }

    private Ref category(String code) {
        return code == null ? null : new Ref(code, categories.find(code).map(Category::name).orElse(code));
    }
}
