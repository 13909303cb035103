package org.hotline.quality;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The quality rules are plain Java: storage, REST, security and timers stay in {@code quality.internal}. */
class NoSpringInQualityDomainTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.hotline.quality");

    @Test
    void theQualityRulesDoNotDependOnFrameworks() {
        noClasses().that().resideInAPackage("org.hotline.quality").and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "java.sql..",
                        "com.fasterxml..")
                .check(classes);
    }
}
