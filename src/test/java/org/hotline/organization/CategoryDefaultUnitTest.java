package org.hotline.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** A category without its own default unit takes the nearest ancestor's. */
class CategoryDefaultUnitTest {

    private static final UnitId MARKET = new UnitId("dcf-scjgj");
    private static final UnitId LAW_ENFORCEMENT = new UnitId("dcf-zhzfj");

    private final Map<String, Category> taxonomy = Map.of(
            "08", new Category("08", "市场监管", 1, null, MARKET),
            "08.01", new Category("08.01", "食品安全", 2, "08", null),
            "08.01.01", new Category("08.01.01", "餐饮服务", 3, "08.01", null),
            "08.01.02", new Category("08.01.02", "流动摊贩", 3, "08.01", LAW_ENFORCEMENT),
            "99", new Category("99", "未分派", 1, null, null));

    private final Categories categories = new Categories() {
        @Override
        public Optional<Category> find(String code) {
            return Optional.ofNullable(taxonomy.get(code));
        }

        @Override
        public List<Category> all() {
            return List.copyOf(taxonomy.values());
        }
    };

    @Test
    void aLevelThreeCategoryWithoutAUnitInheritsFromItsGrandparent() {
        assertThat(categories.defaultUnitOf("08.01.01")).contains(MARKET);
    }

    @Test
    void aCategorysOwnUnitWinsOverItsParents() {
        assertThat(categories.defaultUnitOf("08.01.02")).contains(LAW_ENFORCEMENT);
    }

    @Test
    void noUnitAnywhereOnThePathOrAnUnknownCodeGivesNone() {
        assertThat(categories.defaultUnitOf("99")).isEmpty();
        assertThat(categories.defaultUnitOf("77.01")).isEmpty();
    }
}
