package org.hotline.dispatch.internal.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.hotline.dispatch.LabelKind;
import org.hotline.dispatch.internal.learning.LabelMapping.Mapped;
import org.hotline.dispatch.internal.learning.LabelMapping.Rejected;
import org.hotline.organization.Categories;
import org.hotline.organization.Category;
import org.hotline.organization.Unit;
import org.hotline.organization.UnitId;
import org.hotline.organization.UnitKind;
import org.hotline.organization.Units;
import org.junit.jupiter.api.Test;

/** Label mapping when importing: what a history calls a label becomes a category code or a unit id, or a reason. */
class ImportedLabelsMapToCategoryCodesOrUnitsTest {

    private static final List<Category> CATEGORIES = List.of(
            new Category("01", "城乡建设", 1, null, new UnitId("dcf-zjj")),
            new Category("01.02", "建筑施工", 2, "01", null),
            new Category("01.02.01", "夜间施工扰民", 3, "01.02", new UnitId("dcf-zhzfj")),
            new Category("13", "水电气暖", 1, null, null),
            new Category("13.01", "供水", 2, "13", null),
            // the same name at two levels
            new Category("15", "其他", 1, null, null),
            new Category("15.03", "其他", 2, "15", null));
    private static final List<Unit> UNITS = List.of(
            new Unit(new UnitId("dcf-zhzfj"), "区综合行政执法局", UnitKind.INDUSTRY, true),
            new Unit(new UnitId("dcf-gulou"), "古楼街道", UnitKind.TERRITORIAL, true));

    private final LabelMapping mapping = LabelMapping.of(new Categories() {
        @Override
        public Optional<Category> find(String code) {
            return CATEGORIES.stream().filter(c -> c.code().equals(code)).findFirst();
        }

        @Override
        public List<Category> all() {
            return CATEGORIES;
        }
    }, new Units() {
        @Override
        public Optional<Unit> find(UnitId id) {
            return UNITS.stream().filter(u -> u.id().equals(id)).findFirst();
        }

        @Override
        public List<Unit> all() {
            return UNITS;
        }
    });

    @Test
    void aCategoryCodeStaysThatCode() {
        assertThat(mapping.map("01.02.01")).isEqualTo(new Mapped("01.02.01", LabelKind.CATEGORY));
        assertThat(mapping.map(" 13 ")).isEqualTo(new Mapped("13", LabelKind.CATEGORY));
    }

    @Test
    void aCategoryNameOfAnyLevelBecomesItsCode() {
        assertThat(mapping.map("城乡建设")).isEqualTo(new Mapped("01", LabelKind.CATEGORY));
        assertThat(mapping.map("建筑施工")).isEqualTo(new Mapped("01.02", LabelKind.CATEGORY));
        assertThat(mapping.map("夜间施工扰民")).isEqualTo(new Mapped("01.02.01", LabelKind.CATEGORY));
    }

    @Test
    void aNameUsedAtTwoLevelsMeansTheBroaderCategory() {
        assertThat(mapping.map("其他")).isEqualTo(new Mapped("15", LabelKind.CATEGORY));
    }

    @Test
    void aUnitIdOrUnitNameBecomesAUnitLabel() {
        assertThat(mapping.map("dcf-gulou")).isEqualTo(new Mapped("dcf-gulou", LabelKind.UNIT));
        assertThat(mapping.map("区综合行政执法局")).isEqualTo(new Mapped("dcf-zhzfj", LabelKind.UNIT));
    }

    @Test
    void fullWidthCharactersOfACodeAreFolded() {
        assertThat(mapping.map("０１．０２")).isEqualTo(new Mapped("01.02", LabelKind.CATEGORY));
    }

    @Test
    void anythingElseIsRejectedWithAReasonNamingTheLabel() {
        assertThat(mapping.map("城市建设")).isInstanceOfSatisfying(Rejected.class,
                r -> assertThat(r.reason()).contains("城市建设").contains("分类").contains("单位"));
        assertThat(mapping.map("  ")).isEqualTo(new Rejected("缺少标签"));
        assertThat(mapping.map(null)).isEqualTo(new Rejected("缺少标签"));
    }
}
