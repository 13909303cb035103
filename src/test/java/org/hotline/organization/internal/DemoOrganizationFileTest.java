package org.hotline.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.hotline.organization.Category;
import org.hotline.organization.PlaceKind;
import org.hotline.organization.Role;
import org.hotline.organization.Unit;
import org.hotline.organization.UnitKind;
import org.hotline.organization.UserAccount;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo organisation of Dongchangfu District loads completely and is usable for every role. */
class DemoOrganizationFileTest {

    static final String DEMO = "classpath:organization/dongchangfu-demo.yaml";

    static OrganizationDatabase db;

    @BeforeAll
    static void loadDemo() {
        db = OrganizationDatabase.h2();
        assertThat(db.load(DEMO)).isTrue();
    }

    @Test
    void marketSupervisionAndLawEnforcementAreIndustryDepartments() {
        assertThat(db.units.all())
                .filteredOn(u -> u.kind() == UnitKind.INDUSTRY)
                .extracting(Unit::name)
                .contains("区市场监督管理局", "区综合行政执法局", "区住房和城乡建设局", "区人力资源和社会保障局");
    }

    @Test
    void townsAndStreetOfficesAreTerritorialUnits() {
        assertThat(db.units.all())
                .filteredOn(u -> u.kind() == UnitKind.TERRITORIAL)
                .extracting(Unit::name)
                .contains("古楼街道", "柳园街道", "新区街道", "湖西街道", "侯营镇", "沙镇镇", "堂邑镇", "顾官屯镇");
    }

    @Test
    void everyUnitStartsActive() {
        assertThat(db.units.all()).isNotEmpty().allMatch(Unit::active);
    }

    @Test
    void everyCategoryResolvesAnExistingActiveDefaultUnitButTheTownsOwnMatters() {
        // 16 属地事务 (village affairs, land acquisition, neighbours) belongs to the town or street office of the
        // place: no default unit, the address decides
        assertThat(db.categories.all()).hasSizeGreaterThan(150).filteredOn(c -> !c.code().startsWith("16"))
                .allSatisfy(category -> {
                    var unit = db.categories.defaultUnitOf(category.code());
                    assertThat(unit).as("default unit of %s %s", category.code(), category.name()).isPresent();
                    assertThat(db.units.find(unit.get())).get().matches(Unit::active);
                });
        assertThat(db.categories.all()).filteredOn(c -> c.code().startsWith("16")).hasSize(4)
                .allSatisfy(c -> assertThat(db.categories.defaultUnitOf(c.code())).isEmpty());
    }

    @Test
    void taxonomyHasAboutFifteenFirstLevelClassesAndThreeLevels() {
        assertThat(db.categories.all()).filteredOn(c -> c.level() == 1).hasSizeBetween(14, 16);
        assertThat(db.categories.all()).extracting(Category::level).contains(1, 2, 3);
        assertThat(db.categories.all()).filteredOn(c -> c.level() > 1).allSatisfy(c ->
                assertThat(db.categories.find(c.parentCode())).get().extracting(Category::level)
                        .isEqualTo(c.level() - 1));
    }

    @Test
    void aLevelThreeCategoryWithoutItsOwnUnitInheritsItsParents() {
        Category stall = db.categories.find("09.01.01").orElseThrow();
        assertThat(stall.name()).isEqualTo("占道经营");
        assertThat(stall.defaultUnit()).isNull();
        assertThat(db.categories.defaultUnitOf("09.01.01")).get()
                .extracting(id -> db.units.find(id).orElseThrow().name()).isEqualTo("区综合行政执法局");
    }

    @Test
    void everyRoleHasADemoUserWhoseUnitRoleHasAUnit() {
        Set<Role> roles = db.users.all().stream().map(UserAccount::role).collect(Collectors.toSet());
        assertThat(roles).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(Role.class));
        assertThat(db.users.all()).filteredOn(u -> !u.role().isCenter())
                .allSatisfy(u -> assertThat(u.unit()).isNotNull());
        assertThat(db.users.find("scj-handler")).get().extracting(u -> u.unit().value()).isEqualTo("dcf-scjgj");
        assertThat(db.users.find("gulou-leader")).get().extracting(UserAccount::role).isEqualTo(Role.UNIT_LEADER);
    }

    @Test
    void passwordsAreStoredAsHashesThatMatchTheDemoPassword() {
        assertThat(db.users.all()).isNotEmpty().allSatisfy(user -> {
            assertThat(user.passwordHash()).isNotEqualTo("demo123").startsWith("{bcrypt}");
            assertThat(db.passwordEncoder.matches("demo123", user.passwordHash())).isTrue();
        });
    }

    @Test
    void everyStreetOfficeHasSeveralCommunitiesOrVillages() {
        assertThat(db.gazetteer.all()).filteredOn(p -> p.kind() == PlaceKind.STREET_OFFICE).allSatisfy(office ->
                assertThat(db.gazetteer.placesOf(office.unit()))
                        .filteredOn(p -> p.kind() == PlaceKind.COMMUNITY || p.kind() == PlaceKind.VILLAGE)
                        .hasSizeGreaterThanOrEqualTo(2));
    }

    @Test
    void communitiesAndRoadsInheritTheTerritorialUnitOfTheirParentPlace() {
        assertThat(db.gazetteer.find("road-guangyue")).get()
                .satisfies(road -> assertThat(road.unit().value()).isEqualTo("dcf-gulou"));
        assertThat(db.gazetteer.all()).allSatisfy(place ->
                assertThat(db.units.find(place.unit())).get().extracting(Unit::kind).isEqualTo(UnitKind.TERRITORIAL));
    }

    @Test
    void gazetteerSearchMatchesNamesAndAliases() {
        assertThat(db.gazetteer.search("闫寺")).extracting(p -> p.name()).contains("阎寺街道");
        assertThat(db.gazetteer.search("东昌西路")).extracting(p -> p.name()).containsExactly("东昌路");
        assertThat(db.gazetteer.search("柳园")).extracting(p -> p.name()).contains("柳园街道", "柳园社区", "柳园路");
    }
}
