package org.hotline.organization.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hotline.organization.UnitId;
import org.hotline.organization.UnitKind;
import org.hotline.organization.internal.OrganizationViews.CategoryNode;
import org.hotline.organization.internal.OrganizationViews.CategoryView;
import org.hotline.organization.internal.OrganizationViews.PlaceView;
import org.hotline.organization.internal.OrganizationViews.UnitView;
import org.hotline.platform.InvalidInputException;
import org.hotline.platform.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The organisation as any signed-in user reads it: units, categories and places. */
@RestController
@RequestMapping("/api/v1")
class OrganizationController {

    private static final int MAX_PLACES = 200;

    private final JdbcUnits units;
    private final JdbcCategories categories;
    private final JdbcGazetteer gazetteer;

    OrganizationController(JdbcUnits units, JdbcCategories categories, JdbcGazetteer gazetteer) {
        this.units = units;
        this.categories = categories;
        this.gazetteer = gazetteer;
    }

    /** All units, inactive ones included (marked), optionally of one kind or active only. */
    @GetMapping("/units")
    List<UnitView> units(@RequestParam(required = false) UnitKind kind,
            @RequestParam(defaultValue = "false") boolean activeOnly) {
        return units.entries().stream()
                .filter(u -> kind == null || u.unit().kind() == kind)
                .filter(u -> !activeOnly || u.unit().active())
                .map(UnitView::of)
                .toList();
    }

    @GetMapping("/units/{id}")
    UnitView unit(@PathVariable String id) {
        return units.entry(new UnitId(id)).map(UnitView::of)
                .orElseThrow(() -> new NotFoundException("承办单位「" + id + "」不存在"));
    }

    /**
     * The taxonomy, flat (each with its parent code) or, with {@code tree=true}, nested. Inactive categories
     * only on request, for the admin who wants to re-enable one.
     */
    @GetMapping("/categories")
    List<?> categories(@RequestParam(defaultValue = "false") boolean tree,
            @RequestParam(defaultValue = "false") boolean includeInactive) {
        if (!tree) {
            return visibleCategories(includeInactive).stream()
                    .map(c -> CategoryView.of(c, effectiveDefault(c.code())))
                    .toList();
        }
        // entries come ordered by code, so every parent's node exists before its children arrive
        Map<String, List<CategoryNode>> childrenOf = new LinkedHashMap<>();
        List<CategoryNode> roots = new ArrayList<>();
        for (CategoryEntry entry : visibleCategories(includeInactive)) {
            List<CategoryNode> children = new ArrayList<>();
            childrenOf.put(entry.code(), children);
            var c = entry.category();
            CategoryNode node = new CategoryNode(c.code(), c.name(), c.level(),
                    c.defaultUnit() == null ? null : c.defaultUnit().value(), effectiveDefault(c.code()),
                    entry.active(), children);
            if (c.parentCode() == null) {
                roots.add(node);
            } else if (childrenOf.containsKey(c.parentCode())) {
                childrenOf.get(c.parentCode()).add(node);
            }
        }
        return roots;
    }

    /** Places whose name or alias contains {@code q}, at most {@code limit} of them. */
    @GetMapping("/places")
    List<PlaceView> places(@RequestParam(required = false) String q,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(defaultValue = "false") boolean includeInactive) {
        if (limit < 1 || limit > MAX_PLACES) {
            throw new InvalidInputException("limit", "应在 1 到 " + MAX_PLACES + " 之间");
        }
        return gazetteer.entries().stream()
                .filter(p -> includeInactive || p.active())
                .filter(p -> q == null || p.place().matches(q))
                .limit(limit)
                .map(PlaceView::of)
                .toList();
    }

    private List<CategoryEntry> visibleCategories(boolean includeInactive) {
        return categories.entries().stream().filter(c -> includeInactive || c.active()).toList();
    }

    private String effectiveDefault(String code) {
        return categories.defaultUnitOf(code).map(UnitId::value).orElse(null);
    }
}
