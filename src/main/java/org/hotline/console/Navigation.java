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
            new Entry("nav.intake", "/console/intake", EnumSet.of(OPERATOR, DISPATCHER), EnumSet.of(OPERATOR)),
            new Entry("nav.dispatch", "/console/dispatch", EnumSet.of(DISPATCHER, SUPERVISOR), EnumSet.of(DISPATCHER)),
            new Entry("nav.inbox", "/console/inbox", EnumSet.of(UNIT_HANDLER, UNIT_LEADER), EnumSet.of(UNIT_HANDLER, UNIT_LEADER)),
            new Entry("nav.supervision", "/console/supervision", EnumSet.of(SUPERVISOR, DIRECTOR), EnumSet.of(SUPERVISOR)),
            new Entry("nav.review", "/console/review", EnumSet.of(REVIEWER, UNIT_LEADER, DIRECTOR), EnumSet.of(REVIEWER)),
            new Entry("nav.callbacks", "/console/callbacks", EnumSet.of(SUPERVISOR), EnumSet.noneOf(Role.class)),
            new Entry("nav.leader-samples", "/console/leader-samples", EnumSet.of(UNIT_LEADER), EnumSet.noneOf(Role.class)),
            new Entry("nav.orders", ORDERS, EnumSet.complementOf(EnumSet.of(FIELD_REPORTER)),
                    EnumSet.of(UNIT_HANDLER, UNIT_LEADER, REVIEWER, SUPERVISOR)),
            new Entry("nav.patrol", "/console/patrol", EnumSet.of(FIELD_REPORTER), EnumSet.of(FIELD_REPORTER)),
            // a town's own leader opens its page by address; the menu is by role, and most units have no reporters
            new Entry("nav.patrol-towns", "/console/patrol/towns", EnumSet.of(SUPERVISOR, DIRECTOR),
                    EnumSet.noneOf(Role.class)),
            new Entry("nav.notifications", "/console/notifications", EnumSet.of(ADMIN, SUPERVISOR),
                    EnumSet.noneOf(Role.class)),
            new Entry("nav.dashboard", "/console/dashboard", EnumSet.of(DIRECTOR, SUPERVISOR), EnumSet.of(DIRECTOR)),
            new Entry("nav.knowledge", "/console/knowledge", EnumSet.of(SUPERVISOR, REVIEWER, DIRECTOR, ADMIN),
                    EnumSet.noneOf(Role.class)),
            new Entry("nav.hotissues", "/console/hot-issues", EnumSet.of(SUPERVISOR, DIRECTOR, DISPATCHER),
                    EnumSet.noneOf(Role.class)),
            new Entry("nav.admin", "/console/admin/users", EnumSet.of(ADMIN), EnumSet.of(ADMIN)),
            new Entry("nav.open311-keys", "/console/admin/open311-keys", EnumSet.of(ADMIN), EnumSet.noneOf(Role.class)),
            new Entry("nav.audit", "/console/admin/audit", EnumSet.of(ADMIN, DIRECTOR), EnumSet.noneOf(Role.class)));

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
