package org.hotline.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.organization.UnitId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Who sees which figures: the center's reporting roles everything, a unit its own figures only. */
class FigureAccessTest {

    private static final UnitId MARKET = new UnitId("dcf-scjgj");
    private static final UnitId GULOU = new UnitId("dcf-gulou");

    @ParameterizedTest
    @EnumSource(value = Role.class, names = { "DIRECTOR", "SUPERVISOR", "REVIEWER", "DISPATCHER", "ADMIN" })
    void theCentersReportingRolesSeeEveryUnitOrTheOneTheyAskFor(Role role) {
        Actor center = new Actor("u", "u", role, null);
        assertThat(FigureAccess.decide(center, null)).isEqualTo(new FigureAccess.Granted(null));
        assertThat(FigureAccess.decide(center, MARKET)).isEqualTo(new FigureAccess.Granted(MARKET));
    }

    @Test
    void operatorsHaveNoStatistics() {
        assertThat(FigureAccess.decide(new Actor("operator1", "话务员", Role.OPERATOR, null), null))
                .isInstanceOf(FigureAccess.Refused.class);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = { "UNIT_HANDLER", "UNIT_LEADER" })
    void aUnitAskingForNothingInParticularGetsItsOwnFigures(Role role) {
        Actor unit = new Actor("u", "u", role, GULOU);
        assertThat(FigureAccess.decide(unit, null)).isEqualTo(new FigureAccess.Granted(GULOU));
        assertThat(FigureAccess.decide(unit, GULOU)).isEqualTo(new FigureAccess.Granted(GULOU));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = { "UNIT_HANDLER", "UNIT_LEADER" })
    void anotherUnitsFiguresAreHidden(Role role) {
        assertThat(FigureAccess.decide(new Actor("u", "u", role, GULOU), MARKET))
                .isInstanceOf(FigureAccess.Hidden.class);
    }

    @Test
    void everyRoleIsDecided() {
        for (Role role : Role.values()) {
            Actor actor = new Actor("u", "u", role, role.isCenter() ? null : GULOU);
            assertThat(FigureAccess.decide(actor, null)).as(role.name()).isNotNull();
        }
    }
}
