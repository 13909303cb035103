package org.hotline.open311.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hotline.organization.Categories;
import org.hotline.organization.Category;
import org.springframework.stereotype.Component;

/**
 * Our categories as Open311 services. Every category without active sub-categories is a service of its own, in
 * the group of its top-level category; every top-level category with sub-categories is also a general service
 * ("城乡建设（其他）") for a citizen who does not know which one fits. A general service (those, and any whose name
 * starts with 其他) leaves the category to the AI; a specific one is the citizen's hint, which the AI's dispatch
 * may overrule.
 *
 * <p>Service names are distinct: clients file services by name in their own lists (FixMyStreet merges two
 * services of one name into one category), so a name the taxonomy uses twice carries its parent's name, and
 * failing that its code. Service codes are the category codes, ASCII by the organisation's rules.
 */
@Component
class ServiceCatalog {

    record Service(String code, String name, String description, String group, String keywords, boolean general,
            List<ExtraFacts.Attribute> attributes) {

        /** The category the citizen's choice stands for: none for a general service. */
        String hintCategory() {
            return general ? null : code;
        }
    }

    private static final String OTHER = "其他";

    private final Categories categories;
    private final ExtraFacts extraFacts;

    ServiceCatalog(Categories categories, ExtraFacts extraFacts) {
        this.categories = categories;
        this.extraFacts = extraFacts;
    }

    /** The catalog built from one list of categories, kept until the categories change. */
    private record Built(List<Category> from, List<Service> services, Map<String, Service> byCode) {
    }

    private volatile Built built;

    List<Service> services() {
        return current().services();
    }

    Optional<Service> find(String serviceCode) {
        return Optional.ofNullable(current().byCode().get(serviceCode));
    }

    /**
     * The catalog of the categories as they are now: built again only when they changed (an administrator's edit,
     * on this instance or another), since every request filed asks for its service.
     */
    private Built current() {
        List<Category> all = categories.all();
        Built b = built;
        if (b == null || !b.from().equals(all)) {
            List<Service> services = build(all, extraFacts);
            Map<String, Service> byCode = new HashMap<>();
            services.forEach(s -> byCode.putIfAbsent(s.code(), s));
            b = new Built(all, services, byCode);
            built = b;
        }
        return b;
    }

    static List<Service> build(List<Category> all, ExtraFacts extraFacts) {
        Map<String, Category> byCode = new HashMap<>();
        Set<String> parents = new HashSet<>();
        for (Category c : all) {
            byCode.put(c.code(), c);
            if (c.parentCode() != null) {
                parents.add(c.parentCode());
            }
        }
        record Draft(Category category, String name, boolean general) {
        }
        List<Draft> drafts = new ArrayList<>();
        for (Category c : all) {
            boolean leaf = !parents.contains(c.code());
            if (leaf) {
                drafts.add(new Draft(c, c.name(), c.name().startsWith(OTHER)));
            } else if (c.level() == 1) {
                drafts.add(new Draft(c, c.name().startsWith(OTHER) ? c.name() : c.name() + "（" + OTHER + "）", true));
            }
        }
        Map<String, Integer> uses = new HashMap<>();
        drafts.forEach(d -> uses.merge(d.name(), 1, Integer::sum));
        Map<String, Integer> qualifiedUses = new HashMap<>();
        List<String> qualified = new ArrayList<>();
        for (Draft d : drafts) {
            String name = d.name();
            if (uses.get(name) > 1 && d.category().parentCode() != null && byCode.containsKey(d.category().parentCode())) {
                name = name + "（" + byCode.get(d.category().parentCode()).name() + "）";
            }
            qualified.add(name);
            qualifiedUses.merge(name, 1, Integer::sum);
        }
        List<Service> services = new ArrayList<>(drafts.size());
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            String name = qualified.get(i);
            if (qualifiedUses.get(name) > 1 || !taken.add(name)) {
                name = name + "（" + d.category().code() + "）";
                taken.add(name);
            }
            Category top = topOf(d.category(), byCode);
            List<String> path = pathOf(d.category(), byCode);
            String description = parents.contains(d.category().code())
                    ? "不确定属于" + String.join(" / ", path) + "下哪一类时选择，由 12345 热线按描述分类"
                    : String.join(" / ", path);
            services.add(new Service(d.category().code(), name, description, top.name(),
                    String.join(", ", path.stream().distinct().toList()), d.general(),
                    extraFacts.of(d.category().code())));
        }
        return List.copyOf(services);
    }

    private static Category topOf(Category c, Map<String, Category> byCode) {
        Category current = c;
        while (current.parentCode() != null && byCode.containsKey(current.parentCode())) {
            current = byCode.get(current.parentCode());
        }
        return current;
    }

    private static List<String> pathOf(Category c, Map<String, Category> byCode) {
        List<String> path = new ArrayList<>();
        for (Category current = c; current != null; current = current.parentCode() == null ? null
                : byCode.get(current.parentCode())) {
            path.add(0, current.name());
        }
        return path;
    }
}
