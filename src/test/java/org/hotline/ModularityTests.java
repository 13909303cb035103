package org.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries hold: no cycles, no module reaching into another's internals. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(HotlineApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void everyBusinessCapabilityIsAModule() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .contains("workorder", "organization", "deadline", "security", "platform", "demo", "quality");
    }

    /** Writes the module diagrams the README's module map points to (target/spring-modulith-docs). */
    @Test
    void writesTheModuleMap() throws Exception {
        Documenter documenter = new Documenter(modules);
        documenter.writeModulesAsPlantUml();
        Path out = Path.of("target", "spring-modulith-docs");
        assertThat(Files.list(out).anyMatch(p -> p.getFileName().toString().endsWith(".puml"))).isTrue();
    }
}
