package org.hotline.dispatch;

import org.hotline.dispatch.internal.routing.DemoOrganization;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.hotline.dispatch.PlaceMatch.How;
import org.hotline.dispatch.PlaceMatch.Source;
import org.hotline.organization.Place;
import org.hotline.organization.PlaceKind;
import org.hotline.organization.UnitId;
import org.junit.jupiter.api.Test;

/**
 * The territorial unit comes from the address and text as citizens write them: full names, aliases, short
 * names, one wrong character; the most specific place, the address before the text, the longer match; and
 * a refusal rather than a guess when a name could mean places of different units.
 */
class AddressesAreMatchedToTheGazetteerTolerantlyTest {

    private final PlaceMatcher matcher = DemoOrganization.DONGCHANGFU.matcher();

    private Optional<PlaceMatch> address(String address) {
        return matcher.match(address, null);
    }

    private Optional<PlaceMatch> text(String text) {
        return matcher.match(null, text);
    }

    @Test
    void aFullNameFindsItsPlaceAndUnit() {
        PlaceMatch m = address("古楼街道办事处").orElseThrow();
        assertThat(m.place().id()).isEqualTo("gulou");
        assertThat(m.unit()).isEqualTo(new UnitId("dcf-gulou"));
        assertThat(m.how()).isEqualTo(How.NAME);
        assertThat(m.source()).isEqualTo(Source.ADDRESS);
    }

    @Test
    void anAliasFindsThePlaceItStandsFor() {
        PlaceMatch m = address("光岳楼南小区3号楼").orElseThrow();
        assertThat(m.place().id()).isEqualTo("gulou-lounan");
        assertThat(m.how()).isEqualTo(How.ALIAS);
        assertThat(m.matchedText()).isEqualTo("光岳楼南");
    }

    @Test
    void aShortNameWithoutItsSuffixFindsTheStreetOffice() {
        PlaceMatch m = address("古楼").orElseThrow();
        assertThat(m.place().id()).isEqualTo("gulou");
        assertThat(m.how()).isEqualTo(How.SHORT_NAME);
    }

    @Test
    void aCommunitysShortNameLeadsToItsStreetOffice() {
        PlaceMatch m = address("东关菜市场北门").orElseThrow();
        assertThat(m.place().id()).isEqualTo("gulou-dongguan");
        assertThat(m.unit()).isEqualTo(new UnitId("dcf-gulou"));
        assertThat(m.describe()).isEqualTo("地址中“东关”（简称）→ 东关社区");
    }

    @Test
    void aShortNameSharedByPlacesOfOneUnitMeansThatUnitsArea() {
        PlaceMatch m = address("柳园一带").orElseThrow();
        assertThat(m.unit()).isEqualTo(new UnitId("dcf-liuyuan"));
        assertThat(m.place().kind()).isEqualTo(PlaceKind.STREET_OFFICE);
    }

    @Test
    void oneWrongCharacterInANameOfThreeOrMoreIsForgiven() {
        PlaceMatch m = address("柳圆街道某小区").orElseThrow();
        assertThat(m.place().id()).isEqualTo("liuyuan");
        assertThat(m.how()).isEqualTo(How.TYPO);
        assertThat(m.matchedText()).isEqualTo("柳圆街道");
    }

    @Test
    void aMissingOrExtraCharacterIsForgivenToo() {
        assertThat(address("龙门湾社区").map(PlaceMatch::place).map(Place::id)).contains("liuyuan-longwan");
        assertThat(address("道口街道").map(PlaceMatch::unit)).contains(new UnitId("dcf-daokoupu"));
        assertThat(address("昌闰社区").map(PlaceMatch::how)).contains(How.TYPO);
    }

    @Test
    void aTraditionalCharacterReadsAsATypo() {
        PlaceMatch m = address("閻寺街道前街").orElseThrow();
        assertThat(m.unit()).isEqualTo(new UnitId("dcf-yansi"));
        assertThat(m.how()).isEqualTo(How.TYPO);
    }

    @Test
    void aTypoThatFitsPlacesOfDifferentUnitsIsRefused() {
        // 东边村 is one character away from both 东王村 (道口铺街道) and 东庄村 (侯营镇)
        assertThat(address("东边村")).isEmpty();
    }

    @Test
    void theMostSpecificPlaceWins() {
        PlaceMatch m = address("古楼街道西关社区").orElseThrow();
        assertThat(m.place().id()).isEqualTo("gulou-xiguan");
        // a community of another unit does not beat the street office named (see
        // AStreetOfficeTheCitizenNamesBeatsACommunityMatchedElsewhereTest)
    }

    @Test
    void theAddressIsTrustedBeforeTheText() {
        PlaceMatch m = matcher.match("柳园路12号", "我在古楼街道东关社区上班，家住柳园路").orElseThrow();
        assertThat(m.unit()).isEqualTo(new UnitId("dcf-liuyuan"));
        assertThat(m.source()).isEqualTo(Source.ADDRESS);
    }

    @Test
    void theTextIsReadWhenTheAddressNamesNoKnownPlace() {
        PlaceMatch m = matcher.match("人民医院对面", "侯营镇侯营村村口的路灯坏了").orElseThrow();
        assertThat(m.place().id()).isEqualTo("houying-houying");
        assertThat(m.source()).isEqualTo(Source.TEXT);
    }

    @Test
    void theLongerMatchWins() {
        // 梁水镇 is an alias of the town, 梁水镇村 the village inside it
        assertThat(address("梁水镇村委会").map(PlaceMatch::place).map(Place::id)).contains("liangshuizhen-liangshuizhen");
        assertThat(address("梁水镇政府").map(PlaceMatch::place).map(Place::id)).contains("liangshuizhen");
    }

    @Test
    void theDistrictsOwnNameDoesNotReadAsTheRoadInsideIt() {
        // 东昌府区 contains 东昌, the short name of 东昌路 (新区街道)
        assertThat(address("东昌府区人民医院")).isEmpty();
        assertThat(address("东昌路18号").map(PlaceMatch::unit)).contains(new UnitId("dcf-xinqu"));
    }

    @Test
    void aRoadsShortNameCountsInTheAddressButNotInTheText() {
        assertThat(address("建设12号").map(PlaceMatch::place).map(Place::id)).contains("road-jianshe");
        assertThat(text("小区里有违法建设")).isEmpty();
    }

    @Test
    void anAmbiguousShortNameIsRefused() {
        UnitId north = new UnitId("north");
        UnitId south = new UnitId("south");
        PlaceMatcher ambiguous = PlaceMatcher.of(List.of(
                new Place("n", "北街道", PlaceKind.STREET_OFFICE, null, north, List.of()),
                new Place("n-xh", "新华社区", PlaceKind.COMMUNITY, "n", north, List.of()),
                new Place("s", "南街道", PlaceKind.STREET_OFFICE, null, south, List.of()),
                new Place("s-xh", "新华村", PlaceKind.VILLAGE, "s", south, List.of())), List.of());
        assertThat(ambiguous.refusedNames()).contains("新华");
        assertThat(ambiguous.match("新华小区", null)).isEmpty();
        assertThat(ambiguous.match("新华社区", null).map(PlaceMatch::unit)).contains(north);
    }

    @Test
    void nothingToMatchIsNoMatch() {
        assertThat(matcher.match(null, null)).isEmpty();
        assertThat(matcher.match("", "😀😀😀")).isEmpty();
        assertThat(matcher.match("somewhere", "no chinese at all")).isEmpty();
    }
}
