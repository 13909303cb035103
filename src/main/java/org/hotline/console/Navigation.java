package org.hotline.console;

import static org.hotline.organization.Role.*;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.hotline.organization.Role;

/**
 * The console's menu and each role's landing page, in one list. A new page joins the console by adding its
 * entry here: the roles that see it in the menu, and the roles whose work page it is (they land on it after
 * signing in). A role for which no entry is the landing page lands on the order list.
 */
public final class Navigation {

    /**
     * One menu item.
     *
     * @param key the message key of its label
     * @param path where it leads
     * @param roles who sees it
     * @param landingFor whose work page it is
     */
    public record Entry(String key, String path, Set<Role> roles, Set<Role> landingFor) {
    }

    static final String ORDERS = "/console/orders";

    private static final List<Entry> ENTRIES = List.of(
            new Entry("nav.orders", ORDERS, EnumSet.allOf(Role.class),
                    EnumSet.of(OPERATOR, DISPATCHER, UNIT_HANDLER, UNIT_LEADER, REVIEWER, SUPERVISOR, DIRECTOR,
                            ADMIN)),
            new Entry("nav.hotissues", "/console/hot-issues", EnumSet.of(SUPERVISOR, DIRECTOR, DISPATCHER), EnumSet.noneOf(Role.class)));

    private Navigation() {
    }

    /** The menu a role sees, in order. */
    public static List<Entry> menu(Role role) {
        return ENTRIES.stream().filter(e -> e.roles().contains(role)).toList();
    }

    /** Where a role lands after signing in. */
    public static String landing(Role role) {
        return ENTRIES.stream().filter(e -> e.landingFor().contains(role)).map(Entry::path).findFirst()
                .orElse(ORDERS);
    }
}
