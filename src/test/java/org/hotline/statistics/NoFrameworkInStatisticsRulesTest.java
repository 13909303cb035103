package org.hotline.statistics;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The statistics rules (shares, rates, periods, access) are plain Java; SQL, web and Excel stay in internal. */
class NoFrameworkInStatisticsRulesTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.hotline.statistics");

    @Test
    void theRulesDoNotDependOnFrameworks() {
        noClasses().that().resideInAPackage("org.hotline.statistics").and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "java.sql..",
                        "com.fasterxml..", "org.apache.poi..")
                .check(classes);
    }
}
