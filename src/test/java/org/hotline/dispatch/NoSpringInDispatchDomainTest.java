package org.hotline.dispatch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Gazetteer matching, routing rules and the dispatch decision are plain Java; Spring stays in internal.routing. */
class NoSpringInDispatchDomainTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.hotline.dispatch");

    @Test
    void theDispatchDomainDoesNotDependOnFrameworks() {
        noClasses().that().resideInAPackage("org.hotline.dispatch").and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "java.sql..",
                        "com.fasterxml..")
                .check(classes);
    }
}
