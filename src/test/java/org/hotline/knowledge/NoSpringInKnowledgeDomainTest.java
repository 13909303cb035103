package org.hotline.knowledge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The knowledge base's rules and types are plain Java: storage, search, REST stay in {@code knowledge.internal}. */
class NoSpringInKnowledgeDomainTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.hotline.knowledge");

    @Test
    void theKnowledgeRulesDoNotDependOnFrameworks() {
        noClasses().that().resideInAPackage("org.hotline.knowledge").and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "java.sql..",
                        "com.fasterxml..", "org.apache.lucene..")
                .check(classes);
    }
}
