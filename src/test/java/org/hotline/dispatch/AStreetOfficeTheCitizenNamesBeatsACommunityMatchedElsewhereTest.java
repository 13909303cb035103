package org.hotline.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.hotline.dispatch.internal.routing.DemoOrganization;
import org.hotline.organization.Place;
import org.hotline.organization.PlaceKind;
import org.hotline.organization.UnitId;
import org.hotline.workorder.Urgency;
import org.junit.jupiter.api.Test;

/**
 * When the citizen names a street office or town (with or without 街道 or 镇), that area decides the territorial
 * unit: a community, village or road the gazetteer places in another area does not move the order there, one
 * inside the named area still pins the place down, and a community the gazetteer does not know leaves the
 * area named. The demo gazetteer puts 振兴社区 in 湖西街道 and 昌润路 in 北城街道.
 */
class AStreetOfficeTheCitizenNamesBeatsACommunityMatchedElsewhereTest {

    private static final UnitId XINQU = new UnitId("dcf-xinqu");
    private static final UnitId HUXI = new UnitId("dcf-huxi");
    private static final UnitId GULOU = new UnitId("dcf-gulou");
    private static final UnitId HOUYING = new UnitId("dcf-houying");

    private final PlaceMatcher matcher = DemoOrganization.DONGCHANGFU.matcher();

    private Optional<PlaceMatch> address(String address) {
        return matcher.match(address, null);
    }

    @Test
    void theDemoOrderInXinquStreetOfficesZhenxingCommunityGoesToXinqu() {
        // the demo order "Waiting for dispatch" (DemoOrders), read as intake reads it
        DemoOrganization org = DemoOrganization.DONGCHANGFU;
        DispatchAdvice advice = new DispatchAdvisor(FakeClassifier.demo(), matcher,
                new RoutingRules(org.defaultRules(), org.categories()), org.units(), org.categories(), 0.80)
                .advise(new DispatchRequest("家中老人独居，楼道声控灯坏了一个多月，物业说没有经费维修，希望帮助协调。",
                        "新区街道振兴社区 6 号楼", Urgency.NORMAL, null));

        assertThat(advice.territorialUnit()).isEqualTo(XINQU);
        assertThat(advice.place().place().id()).isEqualTo("xinqu");
        assertThat(advice.place().describe()).isEqualTo("地址中“新区街道”（全称）→ 新区街道");
    }

    @Test
    void theStreetOfficeOrTownNamedWithoutItsSuffixCountsToo() {
        assertThat(address("新区振兴社区6号楼").map(PlaceMatch::unit)).contains(XINQU);
        assertThat(address("侯营振兴路边的厂房").map(PlaceMatch::unit)).contains(HOUYING);
        assertThat(address("古楼街道龙湾社区").map(PlaceMatch::unit)).contains(GULOU);
    }

    @Test
    void aRoadOfAnotherAreaDoesNotMoveTheOrderEither() {
        // the demo order about a barbecue's fumes: 新区街道昌润路
        assertThat(address("新区街道昌润路").map(PlaceMatch::unit)).contains(XINQU);
        assertThat(address("侯营镇振兴路5号").map(PlaceMatch::unit)).contains(HOUYING);
    }

    @Test
    void aCommunityInsideTheNamedAreaStillPinsThePlaceDown() {
        PlaceMatch m = address("新区街道兴华社区 3 号楼").orElseThrow();
        assertThat(m.place().id()).isEqualTo("xinqu-xinghua");
        assertThat(m.place().kind()).isEqualTo(PlaceKind.COMMUNITY);
    }

    @Test
    void anUnknownCommunityFallsBackToTheStreetOfficeOrTownNamed() {
        assertThat(address("新区街道幸福里社区").map(PlaceMatch::place).map(Place::id)).contains("xinqu");
        assertThat(address("侯营镇后辛庄村").map(PlaceMatch::place).map(Place::id)).contains("houying");
    }

    @Test
    void withoutAnAreaNamedTheCommunityStillDecides() {
        assertThat(address("振兴社区6号楼").map(PlaceMatch::unit)).contains(HUXI);
    }

    @Test
    void theRuleHoldsInTheTextWhenTheAddressNamesNoPlace() {
        assertThat(matcher.match("人民医院对面", "我家在新区街道振兴社区，楼道灯坏了").map(PlaceMatch::unit))
                .contains(XINQU);
    }

    @Test
    void withTwoAreasNamedAPlaceInEitherIsStillTheMostSpecific() {
        PlaceMatch m = matcher.match(null, "从柳园街道搬到古楼街道东关社区以后，小区一直没有物业").orElseThrow();
        assertThat(m.place().id()).isEqualTo("gulou-dongguan");
    }
}
