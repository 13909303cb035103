package org.hotline;

import org.hotline.dispatch.DispatchCommands;
import org.hotline.hotissue.HotIssueCommands;
import org.hotline.knowledge.KnowledgeCommands;
import org.hotline.quality.ReplyQualityCommands;
import org.hotline.triage.TriageCommands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * hotline: the platform of a city's 12345 citizen service hotline.
 *
 * <p>Each direct sub-package is a business module verified by Spring Modulith (see {@code ModularityTests}):
 * {@code workorder} owns the work order and its lifecycle, {@code organization} the center, units, users and
 * category taxonomy, {@code deadline} the working-day calendar, {@code security} who may call what,
 * {@code platform} the few cross-cutting pieces (errors, clock, scheduling locks), {@code demo} the demo data.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HotlineApplication {

    public static void main(String[] args) throws Exception {
        if (DispatchCommands.handles(args)) {
            // Offline commands (model evaluation, benchmarks) need no server, database or network.
            System.exit(DispatchCommands.run(args));
        }
        if (TriageCommands.handles(args)) {
            System.exit(TriageCommands.run(args));
        }
        if (KnowledgeCommands.handles(args)) {
            System.exit(KnowledgeCommands.run(args));
        }
        if (HotIssueCommands.handles(args)) {
            System.exit(HotIssueCommands.run(args));
        }
        if (ReplyQualityCommands.handles(args)) {
            System.exit(ReplyQualityCommands.run(args));
        }
        SpringApplication.run(HotlineApplication.class, args);
    }
}
