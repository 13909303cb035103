package org.hotline.triage;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The triage rules and the decision are plain Java; Spring, JDBC and JSON stay in triage.internal. */
class NoSpringInTriageDomainTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.hotline.triage");

    @Test
    void theTriageDomainDoesNotDependOnFrameworks() {
        noClasses().that().resideInAPackage("org.hotline.triage").and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "java.sql..",
                        "com.fasterxml..")
                .check(classes);
    }
}
