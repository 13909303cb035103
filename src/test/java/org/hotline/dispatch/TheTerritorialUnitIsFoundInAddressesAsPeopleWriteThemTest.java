package org.hotline.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline.dispatch.internal.routing.DemoOrganization;
import org.hotline.organization.UnitId;
import org.junit.jupiter.api.Test;

/**
 * Territory: the town or street office responsible for an address is found however people write it: with or
 * without 区, 街道, 镇 or 办事处, with a road and a house number, with a landmark, at a crossing; a street office
 * or town the citizen names beats a community or road the gazetteer places elsewhere; and a community the
 * gazetteer does not know leaves the street office or town named.
 */
class TheTerritorialUnitIsFoundInAddressesAsPeopleWriteThemTest {

    private static final UnitId GULOU = new UnitId("dcf-gulou");
    private static final UnitId XINQU = new UnitId("dcf-xinqu");
    private static final UnitId LIUYUAN = new UnitId("dcf-liuyuan");
    private static final UnitId HOUYING = new UnitId("dcf-houying");
    private static final UnitId BEICHENG = new UnitId("dcf-beicheng");

    private final PlaceMatcher matcher = DemoOrganization.DONGCHANGFU.matcher();

    private UnitId unitOf(String address) {
        return matcher.match(address, null).map(PlaceMatch::unit).orElse(null);
    }

    @Test
    void theDistrictTheOldOfficeNameAndAStreetWithANumberFindTheStreetOffice() {
        assertThat(unitOf("东昌府区古楼办事处东关街12号")).isEqualTo(GULOU);
        assertThat(unitOf("聊城市东昌府区古楼街道东关街12号")).isEqualTo(GULOU);
    }

    @Test
    void aStreetOfficeNamedWithoutItsSuffixBeatsARoadOfAnotherArea() {
        // 昌润路 is 北城's road in the gazetteer; the citizen says 新区
        assertThat(unitOf("新区昌润路88号3单元")).isEqualTo(XINQU);
        assertThat(unitOf("昌润路88号3单元")).isEqualTo(BEICHENG);
    }

    @Test
    void aTownNamedByItsGovernmentAndADistanceFindsTheTown() {
        assertThat(unitOf("侯营镇政府西100米")).isEqualTo(HOUYING);
        assertThat(unitOf("侯营政府西边100米路口")).isEqualTo(HOUYING);
    }

    @Test
    void aCrossingOfTwoRoadsFindsTheAreaOfTheRoadNamedFirstAndMoreFully() {
        assertThat(unitOf("柳园南路与东昌路交叉口")).isEqualTo(LIUYUAN);
    }

    @Test
    void anUnknownCommunityLeavesTheStreetOfficeOrTownNamed() {
        assertThat(unitOf("古楼街道幸福里社区5号楼")).isEqualTo(GULOU);
        assertThat(unitOf("侯营镇小王庄村东头")).isEqualTo(HOUYING);
    }

    @Test
    void aCommunityOfTheNamedAreaStillPinsThePlaceDown() {
        PlaceMatch m = matcher.match("古楼街道东关社区3号", null).orElseThrow();
        assertThat(m.unit()).isEqualTo(GULOU);
        assertThat(m.place().name()).isEqualTo("东关社区");
    }
}
