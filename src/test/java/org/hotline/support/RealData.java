package org.hotline.support;

import static org.assertj.core.api.Assertions.fail;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real, anonymised citizen messages some tests measure the product on. They live in {@code ../shared/data}
 * beside the project, never in it, so a fresh clone does not have them: a test that reads them is marked
 * {@link Uses} and runs only with the Maven profile {@code real-data} ({@code mvn -B verify -Preal-data}, which
 * {@code .ci/run} uses). Without the profile it is skipped, saying so; with it, a missing file fails the test,
 * naming the file.
 */
public final class RealData {

    /** Set to {@code true} by the {@code real-data} profile (pom.xml). */
    public static final String SWITCH = "hotline.real-data";

    /** Where the profile expects the data; pom.xml passes {@code ${project.basedir}/../shared/data}. */
    public static final String DIRECTORY = "hotline.shared-data";

    private RealData() {
    }

    /** Marks a test class or method that reads the real data. */
    @Target({ ElementType.TYPE, ElementType.METHOD })
    @Retention(RetentionPolicy.RUNTIME)
    @ExtendWith(OnlyWithTheProfile.class)
    public @interface Uses {
    }

    /** A readable file of the real data; fails the test, naming the file, when it is not there. */
    public static Path file(String name) {
        Path dir = Path.of(System.getProperty(DIRECTORY, "../shared/data"));
        Path file = dir.resolve(name).toAbsolutePath().normalize();
        if (!Files.isReadable(file)) {
            fail("The real data file " + file + " is missing. The real-data profile reads the anonymised citizen"
                    + " messages from ../shared/data beside the project (they are not in the repository on purpose);"
                    + " put " + name + " there, point -D" + DIRECTORY + "=DIR elsewhere, or leave out -Preal-data.");
        }
        return file;
    }

    /** Runs a {@link Uses} test only when the profile is on. */
    static final class OnlyWithTheProfile implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return evaluate(System.getProperty(SWITCH));
        }

        static ConditionEvaluationResult evaluate(String switchValue) {
            return Boolean.parseBoolean(switchValue)
                    ? ConditionEvaluationResult.enabled("the real-data profile is on")
                    : ConditionEvaluationResult.disabled("Skipped: reads the real messages in ../shared/data, which a"
                            + " fresh clone does not have. Run with the real-data profile to include it: mvn -B verify"
                            + " -Preal-data");
        }
    }
}
