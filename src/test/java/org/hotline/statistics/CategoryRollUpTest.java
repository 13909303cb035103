package org.hotline.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hotline.organization.Categories;
import org.hotline.organization.Category;
import org.junit.jupiter.api.Test;

/** Which row of a category breakdown an order counts in, at each level of the three-level taxonomy. */
class CategoryRollUpTest {

    private static final Categories TAXONOMY = new Categories() {
        private final Map<String, Category> byCode = List.of(
                new Category("01", "城乡建设", 1, null, null),
                new Category("01.02", "建筑施工", 2, "01", null),
                new Category("01.02.01", "夜间施工扰民", 3, "01.02", null),
                new Category("01.02.02", "工地扬尘", 3, "01.02", null))
                .stream().collect(Collectors.toMap(Category::code, Function.identity()));

        @Override
        public Optional<Category> find(String code) {
            return Optional.ofNullable(byCode.get(code));
        }

        @Override
        public List<Category> all() {
            return List.copyOf(byCode.values());
        }
    };

    @Test
    void anOrderCountsUnderItsAncestorAtTheLevelAskedFor() {
        assertThat(new CategoryRollUp(TAXONOMY, 1).rowOf("01.02.01"))
                .isEqualTo(new CategoryRollUp.Row("01", "城乡建设"));
        assertThat(new CategoryRollUp(TAXONOMY, 2).rowOf("01.02.01"))
                .isEqualTo(new CategoryRollUp.Row("01.02", "建筑施工"));
        assertThat(new CategoryRollUp(TAXONOMY, 3).rowOf("01.02.01"))
                .isEqualTo(new CategoryRollUp.Row("01.02.01", "夜间施工扰民"));
    }

    @Test
    void siblingsMeetInTheirParentsRow() {
        CategoryRollUp level2 = new CategoryRollUp(TAXONOMY, 2);
        assertThat(level2.rowOf("01.02.01")).isEqualTo(level2.rowOf("01.02.02"));
    }

    @Test
    void anOrderRegisteredOnlyBroadlyKeepsItsOwnRowMarkedNotSubdivided() {
        assertThat(new CategoryRollUp(TAXONOMY, 3).rowOf("01.02"))
                .isEqualTo(new CategoryRollUp.Row("01.02", "建筑施工（未细分）"));
    }

    @Test
    void anOrderWithoutCategoryIsUncategorised() {
        assertThat(new CategoryRollUp(TAXONOMY, 1).rowOf(null)).isEqualTo(new CategoryRollUp.Row(null, "未分类"));
    }

    @Test
    void aCodeTheTaxonomyDoesNotKnowIsShownAsItIs() {
        assertThat(new CategoryRollUp(TAXONOMY, 1).rowOf("99.01")).isEqualTo(new CategoryRollUp.Row("99.01", "99.01"));
    }

    @Test
    void thereAreThreeLevels() {
        assertThatThrownBy(() -> new CategoryRollUp(TAXONOMY, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CategoryRollUp(TAXONOMY, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
