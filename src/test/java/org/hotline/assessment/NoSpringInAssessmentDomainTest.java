package org.hotline.assessment;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The scoring, ranking and accountability rules are plain Java; Spring and SQL stay in assessment.internal. */
class NoSpringInAssessmentDomainTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.hotline.assessment");

    @Test
    void theAssessmentDomainDoesNotDependOnFrameworks() {
        noClasses().that().resideInAPackage("org.hotline.assessment").and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "java.sql..",
                        "com.fasterxml..", "org.apache.poi..")
                .check(classes);
    }
}
