package org.hotline.console.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hotline.organization.OrganizationAdministration.CategoryDetails;

/** The categories as the admin reads them: each level-1 category with its children and theirs. */
public record CategoryTree(List<Node> roots, int total, int active) {

    /** A category and the categories directly below it. */
    public record Node(CategoryDetails details, List<Node> children) {

        /** How many categories this one and all below it hold. */
        public int size() {
            return 1 + children.stream().mapToInt(Node::size).sum();
        }
    }

    /** From every category ordered by code (parents before their children); an orphan becomes a root. */
    static CategoryTree of(List<CategoryDetails> categories) {
        Map<String, Node> byCode = new LinkedHashMap<>();
        List<Node> roots = new ArrayList<>();
        int active = 0;
        for (CategoryDetails c : categories) {
            Node node = new Node(c, new ArrayList<>());
            byCode.put(c.category().code(), node);
            Node parent = c.category().parentCode() == null ? null : byCode.get(c.category().parentCode());
            if (parent == null) {
                roots.add(node);
            } else {
                parent.children().add(node);
            }
            if (c.active()) {
                active++;
            }
        }
        return new CategoryTree(roots, categories.size(), active);
    }
}
