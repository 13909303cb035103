package org.hotline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The work order, its rules and the organisation's types are plain Java: no Spring, no JDBC, no web. Only
 * the application service ({@code WorkOrderService}) and the adapters in {@code internal} packages know the
 * framework. (The package-info files carry Spring Modulith's module declaration; that is metadata.)
 */
class DomainIsFreeOfFrameworksTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.hotline");

    @Test
    void theWorkOrderDomainDoesNotDependOnFrameworks() {
        noClasses().that().resideInAPackage("org.hotline.workorder")
                .and().doNotHaveSimpleName("WorkOrderService").and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "java.sql..",
                        "com.fasterxml..")
                .check(classes);
    }

    @Test
    void theOrganisationTypesDoNotDependOnFrameworks() {
        noClasses().that().resideInAPackage("org.hotline.organization").and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "java.sql..")
                .check(classes);
    }
}
