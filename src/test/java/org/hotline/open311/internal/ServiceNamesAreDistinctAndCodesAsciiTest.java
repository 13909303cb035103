package org.hotline.open311.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.hotline.organization.Category;
import org.junit.jupiter.api.Test;

/**
 * Clients list services by name (FixMyStreet merges two services of one name into one category) and put codes in
 * form keys: every service name is distinct, every service and attribute code ASCII, and a general service (a
 * group's, or one named 其他…) carries no category hint.
 */
class ServiceNamesAreDistinctAndCodesAsciiTest {

    private static Category c(String code, String name) {
        int level = code.split("\\.").length;
        return new Category(code, name, level, level == 1 ? null : code.substring(0, code.lastIndexOf('.')), null);
    }

    private static final List<Category> TAXONOMY = List.of(c("01", "城乡建设"), c("01.01", "物业"),
            c("01.01.01", "其他"), c("01.01.02", "电梯故障"), c("02", "社会保障"), c("02.01", "社保"),
            c("02.01.01", "其他"), c("02.02", "物业"), c("02.02.01", "其他"), c("03", "其他"), c("03.01", "表扬"));

    @Test
    void aNameTheTaxonomyUsesTwiceIsToldApartByItsParentAndThenItsCode() {
        List<ServiceCatalog.Service> services = ServiceCatalog.build(TAXONOMY, ExtraFacts.of(Map.of()));
        List<String> names = services.stream().map(ServiceCatalog.Service::name).toList();
        assertThat(names).doesNotHaveDuplicates();
        assertThat(names).contains("城乡建设（其他）", "电梯故障", "其他（社保）", "表扬", "其他");
        // "其他" under two parents both named 物业: the parent does not tell them apart, the code does
        assertThat(names).contains("其他（物业）（01.01.01）", "其他（物业）（02.02.01）");
    }

    @Test
    void aGeneralServiceLeavesTheCategoryToTheAiAndASpecificOneIsAHint() {
        List<ServiceCatalog.Service> services = ServiceCatalog.build(TAXONOMY, ExtraFacts.of(Map.of()));
        assertThat(find(services, "01").hintCategory()).isNull();
        assertThat(find(services, "01.01.01").hintCategory()).isNull();
        assertThat(find(services, "01.01.02").hintCategory()).isEqualTo("01.01.02");
        assertThat(find(services, "01.01.02").group()).isEqualTo("城乡建设");
        assertThat(services).extracting(ServiceCatalog.Service::code).allMatch(code -> code.matches("[\\x21-\\x7E]+"))
                .doesNotContain("01.01", "02.01");
    }

    @Test
    void anAttributeCodeThatIsNotAsciiIsRefusedAtStart() {
        var attribute = new ExtraFacts.Attribute("数量", "number", false, "数量", List.of());
        assertThatThrownBy(() -> ExtraFacts.of(Map.of("01.01.02", List.of(attribute))))
                .hasMessageContaining("ASCII");
        var list = new ExtraFacts.Attribute("kind", "singlevaluelist", true, "种类", List.of());
        assertThatThrownBy(() -> ExtraFacts.of(Map.of("01.01.02", List.of(list)))).hasMessageContaining("values");
    }

    private static ServiceCatalog.Service find(List<ServiceCatalog.Service> services, String code) {
        return services.stream().filter(s -> s.code().equals(code)).findFirst().orElseThrow();
    }
}
