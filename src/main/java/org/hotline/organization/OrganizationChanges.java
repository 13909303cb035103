package org.hotline.organization;

/**
 * The topics of {@link org.hotline.platform.ChangeSignals} the organisation raises when its data is edited, for
 * other modules that keep something derived from it in memory (e.g. dispatch's address index from the places).
 */
public final class OrganizationChanges {

    public static final String UNITS = "organization.units";
    public static final String CATEGORIES = "organization.categories";
    public static final String PLACES = "organization.places";
    public static final String USERS = "organization.users";

    private OrganizationChanges() {
    }
}
