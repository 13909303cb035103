package org.hotline.hotissue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hotline.hotissue.NamedPlace.Kind;
import org.junit.jupiter.api.Test;

/** Place names found in what citizens write, without a dictionary of places. */
class PlaceNamesTest {

    private static List<String> names(String text) {
        return PlaceNames.in(text).stream().map(NamedPlace::name).toList();
    }

    @Test
    void findsEstatesRoadsSchoolsCompaniesAndVillagesByTheirSuffix() {
        List<NamedPlace> places = PlaceNames.in(
                "反映A市A3区幸福里小区旁的丽景路上，光明小学门口有宏达建材有限公司的货车乱停，春华镇金鼎村也一样");

        assertThat(places).extracting(NamedPlace::name)
                .contains("幸福里小区", "丽景路", "光明小学", "宏达建材有限公司", "春华镇", "金鼎村");
        assertThat(places).extracting(NamedPlace::kind)
                .contains(Kind.ESTATE, Kind.ROAD, Kind.SCHOOL, Kind.COMPANY, Kind.TOWN, Kind.VILLAGE);
    }

    @Test
    void theAdministrativePrefixIsNotPartOfTheName() {
        assertThat(names("A市A5区幸福里小区噪音扰民")).containsExactly("幸福里小区");
        assertThat(names("西地省A市丽景路积水")).containsExactly("丽景路");
    }

    @Test
    void anEstateIsTheSamePlaceWithOrWithoutItsSuffix() {
        assertThat(PlaceNames.in("幸福里小区停车难").get(0).key()).isEqualTo(PlaceNames.in("幸福里停车难，幸福里新城").stream()
                .filter(p -> p.kind() == Kind.ESTATE).findFirst().map(p -> "幸福里").orElseThrow());
        assertThat(PlaceNames.in("魅力之城小区油烟").get(0).key()).isEqualTo("魅力之城");
    }

    @Test
    void genericWordsNameNoPlace() {
        assertThat(names("该小区门口的马路坑坑洼洼，物业公司不管，政府也不管")).isEmpty();
    }

    @Test
    void wordsThatOnlyLookLikeSuffixesAreNoPlace() {
        assertThat(names("路灯不亮，城管执法，村民反映")).isEmpty();
    }
}
