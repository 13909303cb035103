package org.hotline.deadline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The calendar and the rules are plain Java so that other modules' unit tests can build them with new;
 * only {@code deadline.internal} knows Spring.
 */
class NoSpringInDeadlineArithmeticTest {

    private final JavaClasses deadline = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.hotline.deadline");

    @Test
    void onlyTheInternalWiringDependsOnSpring() {
        noClasses().that().resideInAPackage("org.hotline.deadline")
                .and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(deadline);
    }
}
